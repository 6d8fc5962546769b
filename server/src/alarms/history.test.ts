import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { insertCase } from '../cases/repository.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
const post = (api: Api, path: string, body: object = {}) =>
  api(path, { method: 'POST', body: JSON.stringify(body) });

interface Item {
  id: string;
  caseReference: string | null;
  deviceLabel: string;
  presses: number;
  outcome: string;
  forwarded: boolean;
  receivedAt: string;
}
interface Page {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

describeEachEngine('repeated presses and the history of handled alarms', (engine) => {
  let p: TestPlatform;
  let operator: Api;
  let police: Api;
  let admin: Api;

  beforeAll(async () => {
    p = await startTestPlatform(engine, { env: { AWARE_ESCALATION_SWEEP_SECONDS: '600' } });
    operator = await signIn(p, 'operator');
    police = await signIn(p, 'police');
    admin = await signIn(p, 'admin');
  });
  afterAll(() => p?.close());

  async function press(account: string, sequence: number): Promise<string> {
    const sent = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.tcpPort,
      account,
      kind: 'panic',
      sequence,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');
    const stored = await p.db.query<{ id: string }>(
      `select a.id from alarms a join devices d on d.id = a.device_id
       where d.account = $1 and a.sequence = $2 order by a.received_at desc limit 1`,
      [account, String(sequence).padStart(4, '0')],
    );
    return stored.rows[0]!.id;
  }

  const history = async (api: Api, query: string): Promise<Page> => {
    const res = await api(`/api/v1/alarms/history?${query}`);
    expect(res.status).toBe(200);
    return res.json();
  };

  it('a second press while the first is open is stored, folded into it, handled with it, and on its timeline', async () => {
    const first = await press('1001', 11);
    const second = await press('1001', 12);
    expect(second).not.toBe(first);

    const open: { id: string; firstAlarmId: string | null; deviceLabel: string }[] = await (
      await operator('/api/v1/alarms?state=open')
    ).json();
    expect(open.find((a) => a.id === first)).toMatchObject({ firstAlarmId: null, deviceLabel: 'XM-1001' });
    expect(open.find((a) => a.id === second)).toMatchObject({ firstAlarmId: first });

    // only the first escalates: the repeat is carried by it
    await p.db.query(
      `update alarms set received_at = received_at - interval '31 seconds' where id = any($1)`,
      [[first, second]],
    );
    await p.handling.escalate();
    const levels = await p.db.query<{ id: string; escalation_level: number }>(
      'select id, escalation_level from alarms where id = any($1)',
      [[first, second]],
    );
    expect(Object.fromEntries(levels.rows.map((r) => [r.id, r.escalation_level]))).toEqual({
      [first]: 1,
      [second]: 0,
    });

    expect((await post(operator, `/api/v1/alarms/${first}/claim`)).status).toBe(200);
    expect(
      (await post(operator, `/api/v1/alarms/${first}/forward`, { note: 'Dader bij de voordeur' })).status,
    ).toBe(200);
    const forwarded = await (await police(`/api/v1/alarms/${first}`)).json();
    expect(forwarded).toMatchObject({
      state: 'forwarded',
      forwardNote: 'Dader bij de voordeur',
      forwardedByName: 'Omar Alarmcentrale',
    });
    expect((await (await police(`/api/v1/alarms/${second}`)).json()).state).toBe('forwarded');
    // pressed once more while the police are on their way: folded in as well, and handled with it
    const third = await press('1001', 13);
    expect((await post(police, `/api/v1/alarms/${first}/dispatch`, { note: 'Eenheid 12-34' })).status).toBe(
      200,
    );
    expect(
      (await post(police, `/api/v1/alarms/${first}/resolve`, { outcome: 'perpetrator_gone' })).status,
    ).toBe(200);
    for (const id of [second, third]) {
      const repeat = await (await operator(`/api/v1/alarms/${id}`)).json();
      expect(repeat).toMatchObject({
        state: 'resolved',
        outcome: 'perpetrator_gone',
        firstAlarmId: first,
        claimedByName: 'Omar Alarmcentrale',
      });
    }

    // one incident for the situation, not one per press
    const incidents = await p.db.query('select 1 from incidents where alarm_id = any($1)', [
      [first, second, third],
    ]);
    expect(incidents.rows).toHaveLength(1);

    const detail = await (await operator(`/api/v1/alarms/${first}`)).json();
    const timeline: { actorKind: string; actorName: string; toState: string; repeat: boolean }[] =
      detail.timeline;
    expect(timeline.map((e) => [e.toState, e.actorKind, e.actorName, e.repeat])).toEqual([
      ['received', 'device', 'XM-1001', false],
      ['received', 'device', 'XM-1001', true],
      ['received', 'system', 'escalation', false],
      ['claimed', 'person', 'Omar Alarmcentrale', false],
      ['forwarded', 'person', 'Omar Alarmcentrale', false],
      ['received', 'device', 'XM-1001', true],
      ['forwarded', 'person', 'Petra Politie', false],
      ['resolved', 'person', 'Petra Politie', false],
    ]);
    expect(JSON.stringify(detail)).not.toMatch(/@demo\.aware\.test|device:1001/);
  });

  it('the same SEQ sent again is the same alarm; a new SEQ while it is open is a repeated press', async () => {
    const first = await press('1001', 31);
    // the ACK was lost: the button sends the same frame again — one alarm, no repeat
    expect(await press('1001', 31)).toBe(first);
    const stored = async () =>
      (
        await p.db.query<{ id: string; sequence: string; first: string | null }>(
          `select a.id, a.sequence, a.first_alarm_id as first from alarms a join devices d on d.id = a.device_id
           where d.account = '1001' and a.sequence in ('0031', '0032') order by a.received_at`,
        )
      ).rows;
    expect(await stored()).toEqual([{ id: first, sequence: '0031', first: null }]);
    // a new press (new SEQ) while the first is open: an alarm row of its own, folded into the first
    const again = await press('1001', 32);
    expect(await press('1001', 32)).toBe(again);
    expect(await stored()).toEqual([
      { id: first, sequence: '0031', first: null },
      { id: again, sequence: '0032', first },
    ]);

    // the case's timeline: one alarm received, and the second press as part of it
    const lines = await p.db.query<{ ref: string; code: string }>(
      `select ref_id as ref, summary_code as code from case_timeline where ref_id = any($1) order by id`,
      [[first, again]],
    );
    expect(lines.rows).toEqual([
      { ref: first, code: 'alarmReceived' },
      { ref: again, code: 'alarmRepeated' },
    ]);

    // while handling, the first alarm is not an "earlier alarm" of its own repeat, nor the repeat of the first
    expect((await post(operator, `/api/v1/alarms/${first}/claim`)).status).toBe(200);
    for (const [id, other] of [
      [first, again],
      [again, first],
    ] as const) {
      const linked = await (await operator(`/api/v1/alarms/${id}/linked`)).json();
      expect(linked.previousAlarms.map((a: { id: string }) => a.id)).not.toContain(other);
    }
    expect(
      (await post(operator, `/api/v1/alarms/${first}/resolve`, { outcome: 'pressed_by_accident' })).status,
    ).toBe(200);
    // sent once more after handling (within the retransmission window): still that one alarm, not a new one
    expect(await press('1001', 31)).toBe(first);
    expect(await stored()).toHaveLength(2);
    const open = await p.db.query(
      `select 1 from alarms a join devices d on d.id = a.device_id where d.account = '1001' and a.state <> 'resolved'`,
    );
    expect(open.rows).toHaveLength(0);
  });

  it('the police control room sees what the alarm centre forwarded, and an alarm it left unanswered to level 2', async () => {
    const ids = async (api: Api) =>
      ((await (await api('/api/v1/alarms?state=open')).json()) as { id: string }[]).map((a) => a.id);
    const forwarded = await press('1001', 41);
    const notForwarded = await press('1004', 41);
    expect((await post(operator, `/api/v1/alarms/${forwarded}/claim`)).status).toBe(200);
    expect((await post(operator, `/api/v1/alarms/${forwarded}/forward`, { note: 'Prio 1' })).status).toBe(
      200,
    );

    expect(await ids(operator)).toEqual(expect.arrayContaining([forwarded, notForwarded]));
    const policeSees = await ids(police);
    expect(policeSees).toContain(forwarded);
    expect(policeSees).not.toContain(notForwarded);
    expect((await police(`/api/v1/alarms/${notForwarded}`)).status).toBe(404);
    expect(
      (await post(police, `/api/v1/alarms/${notForwarded}/resolve`, { outcome: 'no_threat' })).status,
    ).toBe(404);

    // unclaimed for over a minute: level 2 alerts the police control room, which then sees it too —
    // and keeps seeing it when the alarm centre claims it after all
    await p.db.query(`update alarms set received_at = received_at - interval '61 seconds' where id = $1`, [
      notForwarded,
    ]);
    await p.handling.escalate();
    await p.handling.escalate();
    expect(await ids(police)).toContain(notForwarded);
    expect((await post(operator, `/api/v1/alarms/${notForwarded}/claim`)).status).toBe(200);
    expect(await ids(police)).toContain(notForwarded);

    expect((await post(police, `/api/v1/alarms/${forwarded}/resolve`, { outcome: 'no_threat' })).status).toBe(
      200,
    );
    expect(
      (await post(operator, `/api/v1/alarms/${notForwarded}/resolve`, { outcome: 'pressed_by_accident' }))
        .status,
    ).toBe(200);
    // the police's history holds what was forwarded to them; the alarm centre's all it handled
    expect((await history(police, 'device=XM-1001')).items.map((i) => i.id)).toContain(forwarded);
    expect((await history(police, 'device=XM-1004')).items.map((i) => i.id)).not.toContain(notForwarded);
    expect((await history(operator, 'device=XM-1004')).items.map((i) => i.id)).toContain(notForwarded);
  });

  it('finds a handled alarm by reference, button and day, a page at a time, counting its presses once', async () => {
    const byReference = await history(operator, 'reference=aw-2026-0006');
    expect(byReference.items.length).toBeGreaterThan(0);
    expect(byReference.items.every((i) => i.caseReference === 'AW-2026-0006')).toBe(true);
    const folded = byReference.items.find((i) => i.presses === 3);
    expect(folded).toMatchObject({ deviceLabel: 'XM-1001', outcome: 'perpetrator_gone', forwarded: true });

    const byDevice = await history(operator, 'device=XM-1001');
    expect(byDevice.items.map((i) => i.id)).toContain(folded!.id);
    expect(byDevice.items.every((i) => i.deviceLabel === 'XM-1001')).toBe(true);
    expect((await history(operator, 'device=XM-1004')).items.map((i) => i.id)).not.toContain(folded!.id);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const onDay = await history(operator, `from=${today}&to=${today}&device=XM-1001`);
    expect(onDay.items.map((i) => i.id)).toContain(folded!.id);
    expect((await history(operator, `to=2026-01-01&device=XM-1001`)).items.map((i) => i.id)).not.toContain(
      folded!.id,
    );

    const wrongOrder = await operator(`/api/v1/alarms/history?from=2026-05-02&to=2026-05-01`);
    expect(wrongOrder.status).toBe(400);
    expect((await wrongOrder.json()).errors[0].field).toBe('to');

    // pages of 20, newest first: 22 handled alarms of a stock button on earlier days
    await p.db.query(
      `insert into alarms (device_id, region_id, kind, state, dedupe_key, received_at, outcome, resolved_at)
       select d.id, o.region_id, 'panic', 'resolved', 'history-' || n, now() - make_interval(days => n),
              'no_threat', now() - make_interval(days => n)
       from devices d join organisations o on o.id = d.organisation_id, generate_series(1, 22) n
       where d.serial = 'XM-1003'`,
    );
    const stock = await history(operator, 'device=XM-1003');
    expect(stock.total).toBe(22);
    expect(stock.items).toHaveLength(20);
    const times = stock.items.map((i) => Date.parse(i.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const rest = await history(operator, 'device=XM-1003&page=2');
    expect(rest.items).toHaveLength(2);
    expect(rest.items.filter((r) => stock.items.some((i) => i.id === r.id))).toEqual([]);
    const all = await history(operator, '');
    expect(all.pageSize).toBe(20);
    expect(all.items).toHaveLength(20);
    expect(all.total).toBeGreaterThan(20);
    const second = await history(operator, 'page=2');
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.map((i) => i.id).filter((id) => all.items.some((i) => i.id === id))).toEqual([]);
    // the police control room sees the same history of its region
    expect((await history(police, 'reference=AW-2026-0006')).items.map((i) => i.id)).toContain(folded!.id);
    // a caseworker does not handle alarms
    expect((await (await signIn(p, 'caseworker'))('/api/v1/alarms/history')).status).toBe(403);
  });

  it('an operator sees nothing of another region’s handled alarms', async () => {
    const created = async (res: Response) => {
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const call = (path: string, body: object) => post(admin, path, body);
    const regionId = await created(await call('/api/v1/regions', { name: 'Regio Elders' }));
    const shelterId = await created(
      await call('/api/v1/organisations', { regionId, name: 'Opvang Elders', type: 'shelter', contacts: [] }),
    );
    const caseId = await p.db.transaction((tx) =>
      insertCase(tx, {
        reference: 'AW-2026-9001',
        regionId,
        organisationId: shelterId,
        status: 'active',
        targetGroup: 'stalking',
        caseworkerId: null,
      }),
    );
    const deviceId = await created(
      await call('/api/v1/devices', {
        organisationId: shelterId,
        vendor: 'X-mark',
        model: 'AWARE-knop 4G',
        serial: 'EL-9001',
        protocol: 'dc09',
        account: '9001',
        rentPerQuarterCents: 0,
      }),
    );
    expect((await call(`/api/v1/devices/${deviceId}/assign`, { caseId })).status).toBe(200);
    const elsewhere = await press('9001', 21);
    await p.db.query(
      `update alarms set state = 'resolved', outcome = 'no_threat', resolved_at = now() where id = $1`,
      [elsewhere],
    );

    for (const api of [operator, police]) {
      expect((await history(api, 'reference=AW-2026-9001')).total).toBe(0);
      expect((await history(api, 'device=EL-9001')).total).toBe(0);
      const everything = await history(api, 'page=1');
      expect(everything.items.map((i) => i.id)).not.toContain(elsewhere);
    }
    // the administrator of every region is no alarm handler either
    expect((await admin('/api/v1/alarms/history')).status).toBe(403);
  });
});
