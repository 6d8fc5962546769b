-- Group commit for alarms (issue 14): a batch of alarms is committed by one call of raise_alarms() in one
-- transaction, and a retransmission is recognised by a unique key with ON CONFLICT instead of a look-up.

-- The exact retransmission identity (kind, SEQ, device time) stays in alarms_dedupe (device_id, dedupe_key).
-- An unknown device time stays unknown: such an alarm gets no key (null, never equal to another), where it
-- used to borrow its receipt time.
alter table alarms alter column dedupe_key drop not null;

-- A dialler that got no ACK repeats its SEQ with a fresh time, so the same kind + SEQ within the retransmission
-- window is the same alarm whatever its time says. A sliding window is no unique key of its own: this table holds,
-- per device, kind and SEQ, the newest alarm with that SEQ; a new alarm takes the row over (ON CONFLICT DO UPDATE)
-- only when that alarm is outside the window and has another device time (the SEQ wrapped around).
create table alarm_sequence_claims (
  device_id uuid not null,
  kind text not null,
  sequence text not null,
  -- deferred: the claim is taken before the alarm row it names is inserted, in the same transaction
  alarm_id uuid not null references alarms(id) deferrable initially deferred,
  occurred_at timestamptz,
  received_at timestamptz not null,
  primary key (device_id, kind, sequence)
);

insert into alarm_sequence_claims (device_id, kind, sequence, alarm_id, occurred_at, received_at)
select distinct on (device_id, kind, sequence) device_id, kind, sequence, id, occurred_at, received_at
from alarms
where sequence is not null and kind not in ('low_battery', 'supervision')
order by device_id, kind, sequence, received_at desc;

-- Commits a batch of alarms in their order (`idx`) and returns, for each, its alarm and whether it is new.
-- The same rules as one alarm at a time: a self-clearing kind is one open alarm per device and kind; a
-- retransmission is the alarm already stored; a device in test mode (read from its row) files tests; a new press
-- while a first press of the same kind is open is stored and folded into it. Devices are locked in one fixed
-- order (the lock the technical alarms take too), so two nodes never fold or clear one button's alarms at once.
-- One bad alarm fails the whole call: the caller retries the batch alarm by alarm.
create function raise_alarms(batch jsonb, window_minutes integer)
returns table (idx integer, alarm_id uuid, created boolean, event_id bigint, first_alarm_id uuid, test_mode boolean)
language plpgsql as $$
declare
  a record;
  existing uuid;
  claimed uuid;
  new_id uuid;
  first_id uuid;
  in_test boolean;
  step bigint;
begin
  perform pg_advisory_xact_lock(hashtext(s.device)) from (
    select distinct e->>'device_id' as device from jsonb_array_elements(batch) e order by 1
  ) s;
  for a in
    select * from jsonb_to_recordset(batch) as x(
      idx integer, device_id uuid, case_id uuid, region_id uuid, kind text, self_clearing boolean,
      device_test_mode boolean, sequence text, dedupe_key text, code text, text text, occurred_at timestamptz,
      received_at timestamptz, position_sealed text, battery_percent integer, raw_sealed text, actor_label text)
    order by x.idx
  loop
    existing := null;
    claimed := null;
    first_id := null;
    new_id := gen_random_uuid();
    if a.self_clearing then
      select al.id into existing from alarms al
      where al.device_id = a.device_id and al.kind = a.kind and al.state <> 'resolved'
      order by al.received_at desc limit 1;
    elsif a.sequence is not null then
      insert into alarm_sequence_claims as c (device_id, kind, sequence, alarm_id, occurred_at, received_at)
      values (a.device_id, a.kind, a.sequence, new_id, a.occurred_at, a.received_at)
      on conflict (device_id, kind, sequence) do update
        set alarm_id = excluded.alarm_id, occurred_at = excluded.occurred_at, received_at = excluded.received_at
        where c.received_at <= now() - make_interval(mins => window_minutes)
          and not coalesce(c.occurred_at = excluded.occurred_at, false)
      returning c.alarm_id into claimed;
      if claimed is null then
        select c.alarm_id into existing from alarm_sequence_claims c
        where c.device_id = a.device_id and c.kind = a.kind and c.sequence = a.sequence;
      end if;
    end if;
    if existing is not null then
      return query select a.idx, existing, false, null::bigint, null::uuid, false;
      continue;
    end if;

    -- test mode from the row, never from a cache that may be stale: a real alarm is never filed as a test
    in_test := false;
    if a.kind <> 'test' and a.device_test_mode then
      in_test := coalesce((select d.test_mode from devices d where d.id = a.device_id), false);
    end if;
    if not a.self_clearing then
      select al.id into first_id from alarms al
      where al.device_id = a.device_id and al.kind = a.kind and al.is_test = (a.kind = 'test' or in_test)
        and al.state <> 'resolved' and al.first_alarm_id is null
      order by al.received_at asc limit 1;
    end if;

    insert into alarms (id, device_id, case_id, region_id, kind, is_test, dedupe_key, code, text, occurred_at,
      received_at, position_sealed, battery_percent, raw_sealed, sequence, first_alarm_id)
    values (new_id, a.device_id, a.case_id, a.region_id, a.kind, a.kind = 'test' or in_test, a.dedupe_key, a.code,
      a.text, a.occurred_at, a.received_at, a.position_sealed, a.battery_percent, a.raw_sealed, a.sequence, first_id)
    on conflict (device_id, dedupe_key) do nothing;
    if not found then
      -- the same kind, SEQ and device time as an alarm stored before: that alarm, and it keeps the SEQ's claim
      select al.id into existing from alarms al where al.device_id = a.device_id and al.dedupe_key = a.dedupe_key;
      if claimed is not null then
        update alarm_sequence_claims c set alarm_id = al.id, occurred_at = al.occurred_at, received_at = al.received_at
        from alarms al
        where al.id = existing and c.device_id = a.device_id and c.kind = a.kind and c.sequence = a.sequence;
      end if;
      return query select a.idx, existing, false, null::bigint, null::uuid, false;
      continue;
    end if;

    insert into alarm_events (alarm_id, actor_id, actor_label, from_state, to_state)
    values (new_id, null, a.actor_label, null, 'received') returning id into step;
    return query select a.idx, new_id, true, step, first_id, in_test;
  end loop;
end;
$$;
