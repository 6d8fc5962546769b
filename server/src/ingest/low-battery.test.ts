import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SimulatedKind, sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { sendOsmand } from '../../../tools/simulator/src/osmand-client.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

// Demo button 1001 belongs to case AW-2026-0006, whose caseworker is the demo caseworker.
const ACCOUNT = '1001';
// Demo phone demo-phone-1 (OsmAnd) belongs to case AW-2026-0008 of the second demo caseworker: it reports a percentage, not a low-battery event.
const PHONE = 'demo-phone-1';

interface AlarmJson {
  id: string;
  kind: string;
  state: string;
  deviceAccount: string;
}
interface NotificationJson {
  kind: string;
  alarmId: string | null;
  caseReference: string | null;
}

describeEachEngine('low battery: one alarm, not a flood', (engine) => {
  let p: TestPlatform;
  let operator: Awaited<ReturnType<typeof signIn>>;
  let caseworker: Awaited<ReturnType<typeof signIn>>;
  let caseworker2: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
    operator = await signIn(p, 'operator');
    caseworker = await signIn(p, 'caseworker');
    caseworker2 = await signIn(p, 'caseworker2');
  });
  afterAll(() => p.close());

  /** One DC-09 message from the button over a real TCP connection, ACKed only once stored. */
  const send = async (kind: SimulatedKind, sequence: number) => {
    const result = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.tcpPort,
      account: ACCOUNT,
      kind,
      sequence,
      timeoutMs: 5_000,
      retries: 0,
    });
    expect(result.outcome, `${kind} #${sequence}`).toBe('ACK');
  };
  const openBatteryAlarms = async (account = ACCOUNT) =>
    ((await (await operator('/api/v1/alarms?state=open')).json()) as AlarmJson[]).filter(
      (a) => a.deviceAccount === account && a.kind === 'low_battery',
    );
  const batteryNotifications = async (api = caseworker) =>
    ((await (await api('/api/v1/notifications')).json()) as NotificationJson[]).filter(
      (n) => n.kind === 'alarm.low_battery',
    );

  it('repeated reports raise one technical alarm and one notice for the caseworker; the restore clears it', async () => {
    expect(await openBatteryAlarms()).toEqual([]);
    const before = (await batteryNotifications()).length;

    // a button running low repeats its report (new SEQs), and once repeats a frame whose ACK it missed
    for (const sequence of [11, 12, 13, 14, 15, 15]) await send('battery', sequence);
    const open = await openBatteryAlarms();
    expect(open).toHaveLength(1);
    const [alarm] = open;
    expect(alarm!.state).toBe('received');
    const notices = await batteryNotifications();
    expect(notices).toHaveLength(before + 1);
    expect(notices[0]).toMatchObject({ alarmId: alarm!.id, caseReference: 'AW-2026-0006' });

    // the button reports its battery restored (SIA YR): the alarm clears itself, with the reason on record
    await send('battery-restored', 16);
    expect(await openBatteryAlarms()).toEqual([]);
    const cleared = await p.db.query<{ state: string; outcome: string; note: string | null }>(
      `select a.state, a.outcome, e.note from alarms a
       join alarm_events e on e.alarm_id = a.id and e.to_state = 'resolved' where a.id = $1`,
      [alarm!.id],
    );
    expect(cleared.rows).toEqual([
      { state: 'resolved', outcome: 'cleared_by_device', note: 'battery restored' },
    ]);
    // a restore with nothing open changes nothing
    await send('battery-restored', 17);
    expect((await batteryNotifications()).length).toBe(before + 1);

    // running low again later is a new episode: one new alarm, one new notice
    for (const sequence of [18, 19, 20]) await send('battery', sequence);
    const again = await openBatteryAlarms();
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(alarm!.id);
    expect(await batteryNotifications()).toHaveLength(before + 2);
  });

  it('a phone reporting 10 % on every heartbeat gets one alarm and one notice; charged to 80 % it clears', async () => {
    expect(await openBatteryAlarms(PHONE)).toEqual([]);
    const before = (await batteryNotifications(caseworker2)).length;
    const heartbeat = async (battery: number) => {
      const result = await sendOsmand({
        host: '127.0.0.1',
        port: p.osmand.port,
        id: PHONE,
        kind: 'heartbeat',
        battery,
      });
      expect(result.status).toBe(200);
      // the supervision round (every minute in production) sees the stored percentage
      await p.superviseNow();
    };
    for (let i = 0; i < 4; i++) await heartbeat(10);
    const open = await openBatteryAlarms(PHONE);
    expect(open).toHaveLength(1);
    const notices = await batteryNotifications(caseworker2);
    expect(notices).toHaveLength(before + 1);
    expect(notices[0]).toMatchObject({ alarmId: open[0]!.id, caseReference: 'AW-2026-0008' });

    await heartbeat(20); // between the low and the recovered mark: still low, still one
    expect(await openBatteryAlarms(PHONE)).toHaveLength(1);
    await heartbeat(80);
    expect(await openBatteryAlarms(PHONE)).toEqual([]);
    expect(await batteryNotifications(caseworker2)).toHaveLength(before + 1);
  });
});
