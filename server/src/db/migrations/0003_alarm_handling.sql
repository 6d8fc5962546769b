-- Alarm handling: ownership, escalation, the police's steps, after-care, and what the console may show.

alter table alarms add column claimed_by uuid references users(id);
alter table alarms add column escalation_level integer not null default 0;
-- the moment of the last step (claim, forward, on scene): a claimed alarm that does not move escalates too
alter table alarms add column last_step_at timestamptz;
update alarms set last_step_at = received_at;
alter table alarms alter column last_step_at set not null;
alter table alarms alter column last_step_at set default now();
create index alarms_escalation on alarms (state, is_test) where state <> 'resolved';

-- the test alarm at hand-out ticks this step of the case
alter table cases add column test_alarm_at timestamptz;

-- What police and operators need at alarm time (seed 004). Protected fields are sealed with the master key.
create table clients (
  case_id uuid primary key references cases(id) on delete cascade,
  name text not null,
  language text not null default 'nl',
  phone_sealed text,
  address_sealed text,
  photo_sealed text
);

create table perpetrators (
  case_id uuid primary key references cases(id) on delete cascade,
  name text not null,
  description text,
  vehicle text,
  registration text,
  weapons text,
  risk_flags text[] not null default '{}',
  photo_sealed text
);

create table case_bans (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  kind text not null check (kind in ('contact', 'area')),
  description text not null
);

create table case_children (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  first_name text not null,
  birth_year integer
);

create table safety_plan_alarm_agreements (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  position integer not null,
  text text not null
);

create table incidents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  alarm_id uuid references alarms(id),
  occurred_at timestamptz not null,
  outcome text,
  summary text not null,
  created_at timestamptz not null default now()
);
create unique index incidents_alarm on incidents (alarm_id) where alarm_id is not null;

create table tasks (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  alarm_id uuid references alarms(id),
  kind text not null,
  assignee_id uuid references users(id),
  due_at timestamptz not null,
  done_at timestamptz,
  done_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index tasks_assignee on tasks (assignee_id, done_at);
