-- Figures at volume (issue 6): the moments an alarm was first claimed, forwarded and reached on scene, kept
-- on the alarm row so that the response-time figures read one row per alarm instead of joining its steps.
-- alarm_events stays the record; a trigger on it keeps these columns equal to the earliest step of each
-- kind, whoever writes the step (alarm handling, demo history, tests, imports).

alter table alarms add column claimed_at timestamptz;
alter table alarms add column forwarded_at timestamptz;
alter table alarms add column on_scene_at timestamptz;

create function alarm_step_times() returns trigger language plpgsql as $$
begin
  -- least() ignores null: the earliest step of each kind wins, as min(at) over alarm_events would
  update alarms set
    claimed_at = case when new.to_state = 'claimed' then least(claimed_at, new.at) else claimed_at end,
    forwarded_at = case when new.to_state = 'forwarded' then least(forwarded_at, new.at) else forwarded_at end,
    on_scene_at = case when new.to_state = 'on_scene' then least(on_scene_at, new.at) else on_scene_at end
  where id = new.alarm_id;
  return null;
end;
$$;

create trigger alarm_events_step_times after insert on alarm_events
  for each row when (new.to_state in ('claimed', 'forwarded', 'on_scene'))
  execute function alarm_step_times();

update alarms a set claimed_at = s.claimed, forwarded_at = s.forwarded, on_scene_at = s.on_scene
from (
  select alarm_id,
         min(at) filter (where to_state = 'claimed') as claimed,
         min(at) filter (where to_state = 'forwarded') as forwarded,
         min(at) filter (where to_state = 'on_scene') as on_scene
  from alarm_events where to_state in ('claimed', 'forwarded', 'on_scene')
  group by alarm_id
) s
where s.alarm_id = a.id;

-- The figures read alarms by region and period only; with every column they need in the index, that scan
-- does not visit the (wide) alarm rows. Replaces the plain index of 0010.
drop index alarms_region_received;
create index alarms_region_received on alarms (region_id, received_at)
  include (case_id, kind, is_test, outcome, claimed_at, forwarded_at, on_scene_at);

-- Care against the norms counts each closed trajectory's conversations by kind and minutes: from the index
-- alone, without visiting every conversation row. Same key as 0007's index, with the two columns included.
drop index conversations_case;
create index conversations_case on conversations (case_id, held_on) include (kind, duration_minutes);
