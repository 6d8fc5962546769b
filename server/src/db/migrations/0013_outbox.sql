-- E-mail through a transactional outbox (issue 13): a message is a row written in the transaction of its
-- cause (escalation, after-care, deadline warning) and delivered by the leader with retries and backoff.
-- Bodies never hold a client's name, address or phone; the recipient is a professional's address.
create table outbox (
  id uuid primary key default gen_random_uuid(),
  -- what caused it, e.g. alarm.escalated.2, alarm.aftercare, case.connection_due, task.overdue
  kind text not null,
  recipient text not null,
  subject text not null,
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  -- when the next attempt may start; while an attempt runs it is the end of that attempt's lease
  next_attempt_at timestamptz not null default now(),
  -- a category only (rejected, deferred, unreachable, expired, other) and the SMTP code: a server's
  -- reply text may quote the address, and this is shown to administrators
  last_error text,
  last_response_code integer,
  created_at timestamptz not null default now(),
  -- undelivered by then, a message is given up (failed); an administrator's retry gives it another day
  give_up_at timestamptz not null default now() + interval '24 hours',
  sent_at timestamptz,
  failed_at timestamptz
);

create index outbox_due on outbox (next_attempt_at) where status = 'pending';
create index outbox_failed on outbox (failed_at desc) where status = 'failed';
create index outbox_sent on outbox (sent_at) where status = 'sent';
