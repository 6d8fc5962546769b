-- Figures (issue 6): the replacement cost of a lost or stolen button, per region, and the indexes the
-- dashboard queries need (definitions in docs/indicators.md).

-- What a region pays its vendor for a button that is lost or stolen (seed 001: EUR 370-545); default EUR 450.
alter table regions add column device_replacement_cents integer not null default 45000
  check (device_replacement_cents >= 0);

-- trajectories by start, decisions by date, closures by date: each scoped to a region
create index cases_region_decided on cases (region_id, decided_at);
create index cases_region_closed on cases (region_id, closed_at);
create index cases_region_started on cases (region_id, (coalesce(connected_at, active_since)));
-- alarms per period and region; the response-time chain per alarm and step
create index alarms_region_received on alarms (region_id, received_at);
create index alarm_events_alarm_state on alarm_events (alarm_id, to_state, at);
create index device_assignments_case on device_assignments (case_id);
create index evaluations_evaluated on evaluations (evaluated_on);
