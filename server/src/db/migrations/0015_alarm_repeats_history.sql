-- Operator console (issue 12): repeated presses of one button fold into the first alarm, and handled alarms
-- can be searched.

-- A press of a button while an earlier alarm of the same device and kind is still open is stored as an alarm
-- of its own (every press is kept and on the timeline) that points at that first alarm; it follows the first
-- through every handling step, and the console shows them as one card with a count.
alter table alarms add column first_alarm_id uuid references alarms(id);
create index alarms_first on alarms (first_alarm_id) where first_alarm_id is not null;

-- History of handled alarms per region, newest first.
create index alarms_region_resolved on alarms (region_id, resolved_at desc) where state = 'resolved';
