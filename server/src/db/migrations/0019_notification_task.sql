-- A notification about a task names the task ("Een taak is over tijd" said only which case).
alter table notifications add column task_id uuid references tasks(id) on delete set null;
