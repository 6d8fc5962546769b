import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import type { DeviceRoute } from '../devices/directory.ts';
import type { DeviceEvent } from '../events/device-event.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { startTestPlatform, type TestPlatform } from '../testing/platform.ts';

/** Counts the transactions of the alarm lane, as the database sees them begin and commit. */
function countingAlarmTransactions(db: Database) {
  const counts = { started: 0, committed: 0 };
  const wrapped: Database = Object.create(db);
  wrapped.transaction = async (fn, options) => {
    if (options?.lane !== 'alarm') return db.transaction(fn, options);
    counts.started++;
    const result = await db.transaction(fn, options);
    counts.committed++;
    return result;
  };
  return { db: wrapped, counts };
}

describeEachEngine('alarms are committed in groups', (engine) => {
  let p: TestPlatform;
  let counts: { started: number; committed: number };
  let buttons: (DeviceRoute & { account: string })[];
  let seq = 1000;
  beforeAll(async () => {
    p = await startTestPlatform(engine, {
      wrapDatabase: (db) => {
        const counting = countingAlarmTransactions(db);
        counts = counting.counts;
        return counting.db;
      },
    });
    buttons = (
      await p.db.query<DeviceRoute & { account: string }>(
        `select d.id, d.case_id as "caseId", o.region_id as "regionId", d.test_mode as "testMode",
                d.key_sealed as "keySealed", d.vendor, d.account
         from devices d join organisations o on o.id = d.organisation_id
         where d.protocol = 'dc09' and d.account in ('1001', '1003', '1004') order by d.account`,
      )
    ).rows;
    expect(buttons).toHaveLength(3);
  });
  afterAll(() => p.close());

  const panic = (over: Partial<DeviceEvent> = {}): DeviceEvent => ({
    protocol: 'dc09',
    deviceAccount: '1001',
    kind: 'panic',
    sequence: String(seq++).padStart(4, '0'),
    occurredAt: new Date(),
    receivedAt: new Date(),
    raw: '"SIA-DCS"0001L0#1001[#1001|Nri1/PA501]',
    ...over,
  });
  const rowsOf = async (ids: string[]) =>
    (await p.db.query<{ id: string }>('select id from alarms where id = any($1::uuid[])', [ids])).rows.length;
  const stored = async (device: DeviceRoute, sequence: string) =>
    (
      await p.db.query<{ n: number }>(
        'select count(*)::int as n from alarms where device_id = $1 and sequence = $2',
        [device.id, sequence],
      )
    ).rows[0]!.n;

  it('200 alarms at once are committed in a few transactions, each acknowledged only once stored', async () => {
    const before = counts.started;
    // what a receiver sees when its promise resolves: the alarm readable on another connection
    const visibleOnResolve = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const button = buttons[i % buttons.length]!;
        const { alarmId, created } = await p.alarms.raise(
          panic({ deviceAccount: button.account }),
          button,
          'panic',
        );
        expect(created).toBe(true);
        return { alarmId, visible: await rowsOf([alarmId]) };
      }),
    );
    expect(visibleOnResolve.map((r) => r.visible)).toEqual(Array(200).fill(1));
    // the batch writes its audit entries in one statement: one per alarm, with the device as actor
    const audited = await p.db.query<{ record_id: string; actor_label: string; n: number }>(
      `select record_id, min(actor_label) as actor_label, count(*)::int as n from audit_log
       where action = 'alarm.raise' and record_id = any($1::text[]) group by record_id`,
      [visibleOnResolve.map((r) => r.alarmId)],
    );
    expect(audited.rows).toHaveLength(200);
    expect(audited.rows.every((r) => r.n === 1 && /100[134]/.test(r.actor_label))).toBe(true);
    expect(counts.started - before).toBeLessThanOrEqual(4);
    expect(counts.committed).toBe(counts.started);
  });

  it('the same alarm twice in one batch is stored once, and both get its id', async () => {
    const button = buttons[1]!;
    const event = panic();
    const before = counts.started;
    const [a, b] = await Promise.all([
      p.alarms.raise(event, button, 'panic'),
      p.alarms.raise({ ...event, receivedAt: new Date() }, button, 'panic'),
    ]);
    expect(counts.started - before).toBe(1);
    expect(b.alarmId).toBe(a.alarmId);
    expect([a.created, b.created]).toEqual([true, false]);
    expect(await stored(button, event.sequence!)).toBe(1);
  });

  it('a retransmission in a later batch is the same alarm, stored once; an alarm without SEQ or time is never one', async () => {
    const button = buttons[2]!;
    const first = panic();
    const { alarmId } = await p.alarms.raise(first, button, 'panic');
    // the dialler got no ACK and sends the same SEQ again, re-stamped with a fresh time
    const again = await p.alarms.raise(
      { ...first, occurredAt: new Date(Date.now() + 2000), receivedAt: new Date() },
      button,
      'panic',
    );
    expect(again).toEqual({ alarmId, created: false });
    expect(await stored(button, first.sequence!)).toBe(1);

    // without SEQ, the same device time is the same alarm
    const timed = panic({ sequence: undefined, occurredAt: new Date(Date.now() - 60_000) });
    const t1 = await p.alarms.raise(timed, button, 'panic');
    expect(await p.alarms.raise({ ...timed, receivedAt: new Date() }, button, 'panic')).toEqual({
      alarmId: t1.alarmId,
      created: false,
    });
    // neither SEQ nor time: nothing to recognise it by, so two presses are two alarms, even in one batch
    const bare = panic({ sequence: undefined, occurredAt: undefined });
    const [u1, u2] = await Promise.all([
      p.alarms.raise(bare, button, 'panic'),
      p.alarms.raise(bare, button, 'panic'),
    ]);
    expect(u1.created && u2.created).toBe(true);
    expect(u1.alarmId).not.toBe(u2.alarmId);
  });

  it('the SEQ of an alarm older than the window, with another time, is a new alarm; with the same time, the old one', async () => {
    const button = buttons[2]!;
    const first = panic();
    const { alarmId } = await p.alarms.raise(first, button, 'panic');
    // six minutes on: the dialler's SEQ has wrapped around to the same number
    await p.db.query(
      `update alarm_sequence_claims set received_at = received_at - interval '6 minutes'
       where device_id = $1 and sequence = $2`,
      [button.id, first.sequence],
    );
    const late = await p.alarms.raise({ ...first, receivedAt: new Date() }, button, 'panic');
    expect(late).toEqual({ alarmId, created: false }); // the very same frame (same device time): the same alarm
    const wrapped = await p.alarms.raise(
      { ...first, occurredAt: new Date(Date.now() + 1000), receivedAt: new Date() },
      button,
      'panic',
    );
    expect(wrapped.created).toBe(true);
    expect(wrapped.alarmId).not.toBe(alarmId);
    // and the new alarm now holds the SEQ: its own retransmission is recognised
    expect(
      await p.alarms.raise(
        { ...first, occurredAt: new Date(Date.now() + 3000), receivedAt: new Date() },
        button,
        'panic',
      ),
    ).toEqual({ alarmId: wrapped.alarmId, created: false });
    expect(await stored(button, first.sequence!)).toBe(2);
  });

  it('inside one batch, a second press folds into the first and a second battery report is the same alarm', async () => {
    const button = buttons[1]!;
    const before = counts.started;
    const [first, second, battery, batteryAgain] = await Promise.all([
      p.alarms.raise(panic({ kind: 'tamper' }), button, 'tamper'),
      p.alarms.raise(panic({ kind: 'tamper' }), button, 'tamper'),
      p.alarms.raise(panic({ kind: 'low_battery' }), button, 'low_battery'),
      p.alarms.raise(panic({ kind: 'low_battery' }), button, 'low_battery'),
    ]);
    expect(counts.started - before).toBe(1);
    const folded = await p.db.query<{ id: string; first: string | null }>(
      'select id, first_alarm_id as first from alarms where id = any($1::uuid[]) order by received_at, id',
      [[first!.alarmId, second!.alarmId]],
    );
    expect(Object.fromEntries(folded.rows.map((r) => [r.id, r.first]))).toEqual({
      [first!.alarmId]: null,
      [second!.alarmId]: first!.alarmId,
    });
    expect(batteryAgain).toEqual({ alarmId: battery!.alarmId, created: false });
  });

  it('one alarm the database refuses fails alone: the others of its batch are stored and resolve', async () => {
    // a device the directory still knows but whose row is gone: the alarm row violates its foreign key
    const gone: DeviceRoute = { ...buttons[0]!, id: randomUUID() };
    const before = counts.started;
    const good = Array.from({ length: 5 }, () => panic());
    const settled = await Promise.allSettled([
      ...good.slice(0, 2).map((e) => p.alarms.raise(e, buttons[0]!, 'panic')),
      p.alarms.raise(panic({ deviceAccount: '1009' }), gone, 'panic'),
      ...good.slice(2).map((e) => p.alarms.raise(e, buttons[0]!, 'panic')),
    ]);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    // the batch, then each alarm on its own
    expect(counts.started - before).toBe(1 + 6);
    const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.alarmId] : []));
    expect(await rowsOf(ids)).toBe(5);
    for (const e of good) expect(await stored(buttons[0]!, e.sequence!)).toBe(1);
  });
});
