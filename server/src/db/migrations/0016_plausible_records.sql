-- Plausible records (issue 12, items 3-4).

-- The incident log keeps the date and, only when known, the time of day (Dutch wall-clock time): an
-- unknown time stays unknown instead of becoming midnight or noon.
alter table incident_log_entries add column occurred_on date;
alter table incident_log_entries add column occurred_time time;
update incident_log_entries
   set occurred_on = (occurred_at at time zone 'Europe/Amsterdam')::date,
       occurred_time = date_trunc('minute', occurred_at at time zone 'Europe/Amsterdam')::time;
alter table incident_log_entries alter column occurred_on set not null;
drop index if exists incident_log_case;
alter table incident_log_entries drop column occurred_at;
create index incident_log_case on incident_log_entries (case_id, occurred_on);

-- One log per case: incidents after an alarm (written when the police close it), from the caseworker and,
-- later, from the client.
alter table incident_log_entries add column source text not null default 'caseworker'
  check (source in ('caseworker', 'alarm', 'client'));
alter table incident_log_entries add column alarm_id uuid references alarms(id);
create unique index incident_log_alarm on incident_log_entries (alarm_id) where alarm_id is not null;
insert into incident_log_entries (case_id, occurred_on, occurred_time, what_happened, source, alarm_id, created_at)
select i.case_id, (i.occurred_at at time zone 'Europe/Amsterdam')::date,
       date_trunc('minute', i.occurred_at at time zone 'Europe/Amsterdam')::time, i.summary, 'alarm', i.alarm_id,
       i.created_at
from incidents i
where i.alarm_id is not null
  and not exists (select 1 from incident_log_entries e where e.alarm_id = i.alarm_id);

-- Corrections: a recorded entry is changed with a reason; what it said before stays here, one row per
-- correction, oldest first. The audit entry of the correction carries a hash of `previous`.
create table care_record_corrections (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  record_type text not null check (record_type in ('conversation', 'incident_log_entry', 'evaluation')),
  record_id uuid not null,
  previous jsonb not null,
  changed_fields text[] not null,
  reason text not null,
  corrected_by uuid references users(id),
  corrected_at timestamptz not null default now()
);
create index care_record_corrections_record on care_record_corrections (record_type, record_id, corrected_at);

-- A form is corrected by saving a new version; from the second version on it says why.
alter table case_forms add column reason text;
