-- Issue 16, points 4, 5 and 8: the region's action plan per alarm kind, the operator's ticks on it, the voice
-- link, the first console display, and the norms the region grades its response against.

-- What kind of timeline entry a row of alarm_events is beside a change of state. Null: a state step (or an
-- older row; a person's step that kept the state was a dispatch, the only one there was).
alter table alarm_events add column kind text
  check (kind in ('dispatch', 'shown', 'plan_step', 'voice_listen', 'voice_speak', 'voice_close'));
update alarm_events set kind = 'dispatch' where actor_id is not null and from_state = to_state;

-- The first moment of each graded link of the chain, kept on the alarm row like claimed_at (0011). Null: the
-- link never happened; it is never filled in with another time.
alter table alarms add column shown_at timestamptz;
alter table alarms add column voice_at timestamptz;
alter table alarms add column dispatched_at timestamptz;
update alarms a set dispatched_at = s.at
from (select alarm_id, min(at) as at from alarm_events where kind = 'dispatch' group by alarm_id) s
where s.alarm_id = a.id;

drop trigger alarm_events_step_times on alarm_events;
create or replace function alarm_step_times() returns trigger language plpgsql as $$
begin
  -- least() ignores null: the earliest entry of each kind wins, as min(at) over alarm_events would
  update alarms set
    claimed_at = case when new.kind is null and new.to_state = 'claimed' then least(claimed_at, new.at) else claimed_at end,
    forwarded_at = case when new.kind is null and new.to_state = 'forwarded' then least(forwarded_at, new.at) else forwarded_at end,
    on_scene_at = case when new.kind is null and new.to_state = 'on_scene' then least(on_scene_at, new.at) else on_scene_at end,
    shown_at = case when new.kind = 'shown' then least(shown_at, new.at) else shown_at end,
    voice_at = case when new.kind in ('voice_listen', 'voice_speak') then least(voice_at, new.at) else voice_at end,
    dispatched_at = case when new.kind = 'dispatch' then least(dispatched_at, new.at) else dispatched_at end
  where id = new.alarm_id;
  return null;
end;
$$;
create trigger alarm_events_step_times after insert on alarm_events
  for each row when ((new.kind is null and new.to_state in ('claimed', 'forwarded', 'on_scene'))
                     or new.kind in ('shown', 'voice_listen', 'voice_speak', 'dispatch'))
  execute function alarm_step_times();

-- A region's action plan for one alarm kind: its priority and ordered steps (jsonb: [{id, action,
-- instruction, policePriority?}]), replaced as a whole; `version` refuses an edit made on an older plan.
create table action_plans (
  region_id uuid not null references regions(id),
  alarm_kind text not null check (alarm_kind in ('panic', 'test', 'low_battery', 'tamper', 'fault', 'supervision')),
  priority smallint not null check (priority between 1 and 5),
  steps jsonb not null,
  version integer not null default 1,
  updated_by uuid references users(id),
  updated_at timestamptz not null default now(),
  primary key (region_id, alarm_kind)
);

-- Each tick of a step by the operator, append-only (the newest per step counts). A step of the case's
-- safety plan is named by its key only: the agreement's words stay in the plan, never copied to the alarm.
create table alarm_plan_ticks (
  id bigint generated always as identity primary key,
  alarm_id uuid not null references alarms(id),
  event_id bigint not null references alarm_events(id),
  step_key text not null,
  source text not null check (source in ('region', 'case')),
  action text not null,
  instruction text,
  done boolean not null,
  reason text,
  actor_id uuid not null references users(id),
  at timestamptz not null default now(),
  check (done or reason is not null),
  check (source = 'region' or instruction is null)
);
create index alarm_plan_ticks_alarm on alarm_plan_ticks (alarm_id, id);

-- The device's voice link as the operator used it: opened listening or speaking, when she first spoke,
-- when it was closed. At most one open link per alarm.
create table alarm_voice_links (
  id bigint generated always as identity primary key,
  alarm_id uuid not null references alarms(id),
  opened_by uuid not null references users(id),
  opened_at timestamptz not null default now(),
  opened_as text not null check (opened_as in ('listen', 'speak')),
  spoke_at timestamptz,
  closed_at timestamptz
);
create unique index alarm_voice_links_open on alarm_voice_links (alarm_id) where closed_at is null;

-- The norms a region grades against, per link of the chain counted from receipt: the share of alarms that
-- should reach it within 30 s and within 60 s (EN 50518-style). A missing row: no norm for that link.
create table grading_norms (
  region_id uuid not null references regions(id),
  stage text not null check (stage in ('shown', 'claimed', 'voice', 'forwarded', 'dispatched', 'on_scene')),
  within_30 numeric check (within_30 between 0 and 1),
  within_60 numeric check (within_60 between 0 and 1),
  primary key (region_id, stage),
  check (within_30 is not null or within_60 is not null)
);
