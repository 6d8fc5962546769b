-- The figures count an alarm episode once (repeated presses point at their first alarm, 0015). With
-- `first_alarm_id` in the covering index, that filter is still answered from the index alone.
drop index alarms_region_received;
create index alarms_region_received on alarms (region_id, received_at)
  include (case_id, kind, is_test, outcome, claimed_at, forwarded_at, on_scene_at, first_alarm_id);
