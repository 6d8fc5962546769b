import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { bodyOf, startTestSmtpServer } from '../testing/smtp.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
const post = (api: Api, path: string, body: object = {}) =>
  api(path, { method: 'POST', body: JSON.stringify(body) });

describeEachEngine('alarm handling', (engine) => {
  let p: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let operator: Api;
  let police: Api;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    p = await startTestPlatform(engine, {
      env: { AWARE_SMTP_URL: smtp.url, AWARE_ESCALATION_SWEEP_SECONDS: '600' },
    });
    operator = await signIn(p, 'operator');
    police = await signIn(p, 'police');
  });
  afterAll(async () => {
    await p.close();
    await smtp.close();
  });

  async function panicFrom(account: string, sequence: number): Promise<string> {
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
       where d.account = $1 and a.kind = 'panic' and a.sequence = $2 order by a.received_at desc limit 1`,
      [account, String(sequence).padStart(4, '0')],
    );
    return stored.rows[0]!.id;
  }

  it('runs claim → forward → on scene → resolved, and gives the caseworker an incident, four tasks and an e-mail', async () => {
    const id = await panicFrom('1001', 101);
    expect((await post(police, `/api/v1/alarms/${id}/claim`)).status).toBe(403);
    expect((await post(operator, `/api/v1/alarms/${id}/claim`)).status).toBe(200);
    const twice = await post(operator, `/api/v1/alarms/${id}/claim`);
    expect(twice.status).toBe(409);
    expect((await post(operator, `/api/v1/alarms/${id}/on-scene`)).status).toBe(403);
    expect((await post(operator, `/api/v1/alarms/${id}/forward`, { note: 'prio 1' })).status).toBe(200);
    expect((await post(police, `/api/v1/alarms/${id}/dispatch`, { note: 'unit 12-34' })).status).toBe(200);
    expect((await post(police, `/api/v1/alarms/${id}/on-scene`)).status).toBe(200);

    const noOutcome = await post(police, `/api/v1/alarms/${id}/resolve`, {});
    expect(noOutcome.status).toBe(400);
    expect((await noOutcome.json()).errors[0].field).toBe('outcome');
    const resolved = await post(police, `/api/v1/alarms/${id}/resolve`, { outcome: 'arrest_in_act' });
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({ state: 'resolved', outcome: 'arrest_in_act' });
    expect((await post(police, `/api/v1/alarms/${id}/resolve`, { outcome: 'no_threat' })).status).toBe(409);

    const detail = await (await operator(`/api/v1/alarms/${id}`)).json();
    expect(detail.timeline.map((t: { toState: string }) => t.toState)).toEqual([
      'received',
      'claimed',
      'forwarded',
      'forwarded',
      'on_scene',
      'resolved',
    ]);
    // the dispatch is a code the console says in the reader's language; the note is the officer's words only
    expect(detail.timeline[3]).toMatchObject({ messageCode: 'dispatched', note: 'unit 12-34' });
    expect(detail.responseSeconds.claimed).toBeGreaterThanOrEqual(0);
    expect(detail.responseSeconds.resolved).toBeGreaterThanOrEqual(detail.responseSeconds.onScene);

    const caseworker = await signIn(p, 'caseworker');
    const tasks = await (await caseworker('/api/v1/tasks?open=true')).json();
    expect(
      tasks
        .filter((t: { alarmId: string }) => t.alarmId === id)
        .map((t: { kind: string }) => t.kind)
        .sort(),
    ).toEqual(['aftercare_contact', 'evaluate_incident', 'review_safety_plan', 'support_police_report']);
    const incidents = await (await caseworker('/api/v1/incidents')).json();
    expect(incidents.find((i: { alarmId: string }) => i.alarmId === id)).toMatchObject({
      outcome: 'arrest_in_act',
    });

    // delivered by the leader's outbox sweep (every 2 s)
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['caseworker@demo.aware.test']);
    expect(bodyOf(mail)).toContain('AW-2026-0006');
    // no personal data of the victim in e-mail (the decoded text: the raw message holds random ids)
    expect(`${mail.raw}\n${bodyOf(mail)}`).not.toMatch(/Sanne|de Vries|Demostraat|Schuiladres|5550 100/);

    const done = await post(caseworker, `/api/v1/tasks/${tasks[0].id}/done`);
    expect(done.status).toBe(200);
    expect((await post(caseworker, `/api/v1/tasks/${tasks[0].id}/done`)).status).toBe(409);
  });

  it('shows the victim’s details only to whoever handles the open alarm, audited with the alarm as reason', async () => {
    const id = await panicFrom('1001', 202);
    expect((await operator(`/api/v1/alarms/${id}/linked`)).status).toBe(403);
    expect((await police(`/api/v1/alarms/${id}/linked`)).status).toBe(403);
    await post(operator, `/api/v1/alarms/${id}/claim`);
    const linked = await operator(`/api/v1/alarms/${id}/linked`);
    expect(linked.status).toBe(200);
    const info = await linked.json();
    expect(info.client).toMatchObject({ name: 'Sanne de Vries', phone: '+31 6 5550 1001' });
    expect(info.perpetrator).toMatchObject({ registration: 'XX-123-Y' });
    expect(info.bans).toHaveLength(2);
    expect(info.children.map((c: { firstName: string }) => c.firstName)).toEqual(['Lotte', 'Daan']);
    expect(info.agreements.length).toBeGreaterThan(0);
    expect(info.previousAlarms.length).toBeGreaterThan(0);

    const audit = await p.db.query<{ reason: string; actor_label: string }>(
      `select reason, actor_label from audit_log where action = 'case.linked_info.read' order by seq desc limit 1`,
    );
    expect(audit.rows[0]).toEqual({ reason: `alarm:${id}`, actor_label: 'operator@demo.aware.test' });

    // the phone and address are sealed at rest
    const stored = await p.db.query<{ phone_sealed: string }>('select phone_sealed from clients');
    expect(stored.rows.map((r) => r.phone_sealed).join()).not.toContain('5550');

    await post(operator, `/api/v1/alarms/${id}/resolve`, { outcome: 'pressed_by_accident' });
    expect((await operator(`/api/v1/alarms/${id}/linked`)).status).toBe(403);
    const caseworker2 = await signIn(p, 'caseworker2');
    expect([403, 404]).toContain((await caseworker2(`/api/v1/alarms/${id}/linked`)).status);
  });

  it('a hand-out test alarm goes to the test queue, never to the police, and ticks the case’s test step', async () => {
    const coordinator = await signIn(p, 'coordinator');
    const [device] = await (await coordinator('/api/v1/devices?q=XM-1001')).json();
    const patch = (testMode: boolean) =>
      coordinator(`/api/v1/devices/${device.id}`, { method: 'PATCH', body: JSON.stringify({ testMode }) });
    expect((await patch(true)).status).toBe(200);
    const sent = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      sequence: 303,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');
    const open = await (await operator('/api/v1/alarms?state=open')).json();
    const test = open.find(
      (a: { isTest: boolean; deviceAccount: string }) => a.isTest && a.deviceAccount === '1001',
    );
    expect(test).toBeDefined();
    await post(operator, `/api/v1/alarms/${test.id}/claim`);
    expect((await post(operator, `/api/v1/alarms/${test.id}/forward`)).status).toBe(409);
    expect((await post(operator, `/api/v1/alarms/${test.id}/resolve`, { outcome: 'test' })).status).toBe(200);
    const c = await p.db.query<{ test_alarm_at: Date | null }>(
      `select test_alarm_at from cases where reference = 'AW-2026-0006'`,
    );
    expect(c.rows[0]!.test_alarm_at).not.toBeNull();
    expect((await patch(false)).status).toBe(200);
  });

  it('escalates an unclaimed panic at its deadline, once per level', async () => {
    const id = await panicFrom('1001', 404);
    expect(await p.handling.escalate()).toBe(0);
    await p.db.query(`update alarms set received_at = received_at - interval '31 seconds' where id = $1`, [
      id,
    ]);
    expect(await p.handling.escalate()).toBeGreaterThanOrEqual(1);
    expect(await p.handling.escalate()).toBe(0);
    const escalated = await (await operator(`/api/v1/alarms/${id}`)).json();
    expect(escalated.escalationLevel).toBe(1);
    expect(escalated.timeline.at(-1)).toMatchObject({
      messageCode: 'escalated',
      messageParams: { level: 1, reason: 'unclaimed' },
      note: null,
    });
    const notified = await p.db.query(
      `select 1 from notifications where alarm_id = $1 and kind = 'alarm.escalated.1'`,
      [id],
    );
    expect(notified.rows.length).toBeGreaterThan(0);
    await post(operator, `/api/v1/alarms/${id}/claim`);
    await post(operator, `/api/v1/alarms/${id}/resolve`, { outcome: 'no_threat' });
  });

  it('a console that reconnects with Last-Event-ID receives what it missed', async () => {
    const before = await p.db.query<{ id: number }>('select max(id)::int as id from alarm_events');
    const id = await panicFrom('1001', 505);
    const cookie = await sessionCookie(p, 'operator');
    const [status, ...alarms] = await readSse(
      `${p.url}/api/v1/alarms/stream`,
      cookie!,
      String(before.rows[0]!.id),
      (events) => events.some((e) => e.event === 'alarm' && JSON.parse(e.data).id === id),
    );
    // the stream first tells the console whether alarms can be stored right now
    expect(status).toMatchObject({ event: 'status', data: '{"database":"up"}' });
    // (alarms changed just before the resume point may come too: a lower id can commit after a higher one)
    const missed = alarms.find((e) => e.event === 'alarm' && JSON.parse(e.data).id === id);
    expect(missed).toMatchObject({ event: 'alarm' });
    expect(Number(missed!.id)).toBeGreaterThan(before.rows[0]!.id);
    await post(operator, `/api/v1/alarms/${id}/claim`);
    await post(operator, `/api/v1/alarms/${id}/resolve`, { outcome: 'no_threat' });
  });
});

async function sessionCookie(p: TestPlatform, local: string) {
  return (await signIn(p, local)).cookie;
}

/** Reads server-sent events from a real HTTP connection until `enough` says so (or 5 s), then closes it. */
function readSse(
  url: string,
  cookie: string,
  lastEventId: string,
  enough: (events: { event: string; id: string; data: string }[]) => boolean,
) {
  return new Promise<{ event: string; id: string; data: string }[]>((resolve, reject) => {
    const events: { event: string; id: string; data: string }[] = [];
    const req = request(url, { headers: { cookie, 'last-event-id': lastEventId } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((l) => !l.startsWith(':') && l.includes(':'))
              .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
          );
          if (fields.event)
            events.push({ event: fields.event, id: fields.id ?? '', data: fields.data ?? '' });
          if (enough(events)) {
            req.destroy();
            resolve(events);
            return;
          }
          end = buffer.indexOf('\n\n');
        }
      });
    });
    req.on('error', (e) => {
      if (!enough(events)) reject(e);
    });
    setTimeout(() => {
      req.destroy();
      resolve(events);
    }, 5000);
    req.end();
  });
}
