-- Positions and raw device frames are personal data of the victim (where she is): from now on they are
-- stored sealed with the master key, like phone numbers and addresses. Plaintext columns are dropped;
-- positions recorded before this migration are erased rather than kept readable.

alter table alarms drop column lat;
alter table alarms drop column lon;
alter table alarms drop column accuracy;
alter table alarms drop column altitude;
alter table alarms drop column position_raw;
alter table alarms add column position_sealed text;
alter table alarms drop column raw;
alter table alarms add column raw_sealed text;

alter table alarm_positions drop column lat;
alter table alarm_positions drop column lon;
alter table alarm_positions drop column accuracy;
alter table alarm_positions add column position_sealed text not null default '';
alter table alarm_positions alter column position_sealed drop default;

alter table devices drop column last_lat;
alter table devices drop column last_lon;
alter table devices drop column last_accuracy;
alter table devices add column last_position_sealed text;
