-- Devices, alarms and the ingest lane.

create table vendors (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  -- HMAC secret for the vendor webhook, sealed with the master key
  webhook_secret_sealed text not null,
  created_at timestamptz not null default now()
);

create table devices (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  vendor text not null,
  model text not null,
  serial text not null,
  imei text,
  sim_number text,
  protocol text not null check (protocol in ('dc09', 'osmand', 'webhook')),
  account text not null,
  -- DC-09 AES key as configured (ASCII or hex), sealed with the master key; never returned by the API
  key_sealed text,
  rent_per_quarter_cents integer not null default 0 check (rent_per_quarter_cents >= 0),
  state text not null default 'in_stock' check (state in ('in_stock', 'issued', 'in_repair', 'lost', 'stolen',
    'returned', 'retired')),
  heartbeat_interval_seconds integer not null default 3600 check (heartbeat_interval_seconds between 30 and 604800),
  -- while true, alarms from this device are hand-out tests (the alarm issue routes them to a test queue)
  test_mode boolean not null default false,
  case_id uuid references cases(id),
  last_seen_at timestamptz,
  battery_percent integer check (battery_percent between 0 and 100),
  charging boolean,
  -- the last known position only: overwritten, never accumulated
  last_lat double precision,
  last_lon double precision,
  last_accuracy double precision,
  last_position_at timestamptz,
  created_at timestamptz not null default now(),
  unique (protocol, account),
  unique (vendor, serial)
);
create index devices_case on devices (case_id);

create table device_assignments (
  id uuid primary key default gen_random_uuid(),
  device_id uuid not null references devices(id),
  case_id uuid not null references cases(id),
  assigned_at timestamptz not null default now(),
  assigned_by uuid references users(id),
  unassigned_at timestamptz,
  unassigned_by uuid references users(id)
);
create index device_assignments_device on device_assignments (device_id, assigned_at desc);
-- a device is with at most one case at a time
create unique index device_assignments_current on device_assignments (device_id) where unassigned_at is null;

create table alarms (
  id uuid primary key default gen_random_uuid(),
  device_id uuid not null references devices(id),
  case_id uuid references cases(id),
  region_id uuid not null references regions(id),
  kind text not null check (kind in ('panic', 'test', 'low_battery', 'tamper', 'fault', 'supervision')),
  state text not null default 'received' check (state in ('received', 'claimed', 'forwarded', 'on_scene', 'resolved')),
  is_test boolean not null default false,
  -- retransmission identity: the protocol's sequence (DC-09 SEQ, vendor event id) and the device time
  sequence text,
  dedupe_key text not null,
  code text,
  text text,
  occurred_at timestamptz,
  received_at timestamptz not null,
  committed_at timestamptz not null default now(),
  lat double precision,
  lon double precision,
  accuracy double precision,
  altitude double precision,
  position_raw text,
  battery_percent integer,
  raw text not null,
  outcome text,
  outcome_note text,
  resolved_at timestamptz
);
create unique index alarms_dedupe on alarms (device_id, dedupe_key);
create index alarms_device_recent on alarms (device_id, kind, received_at desc);
create index alarms_open on alarms (region_id, received_at) where state <> 'resolved';
create index alarms_case on alarms (case_id, received_at desc);

-- Every step of an alarm, timestamped with its actor (response-time figures come from here).
create table alarm_events (
  id bigint generated always as identity primary key,
  alarm_id uuid not null references alarms(id),
  at timestamptz not null default now(),
  actor_id uuid,
  actor_label text not null,
  from_state text,
  to_state text not null,
  note text
);
create index alarm_events_alarm on alarm_events (alarm_id, at);

-- Positions kept around alarms only (a short window after each); retention swept separately.
create table alarm_positions (
  id bigint generated always as identity primary key,
  alarm_id uuid not null references alarms(id),
  at timestamptz not null,
  lat double precision not null,
  lon double precision not null,
  accuracy double precision
);
create index alarm_positions_alarm on alarm_positions (alarm_id, at);

create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  kind text not null,
  case_id uuid references cases(id),
  alarm_id uuid references alarms(id),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user on notifications (user_id, created_at desc);
