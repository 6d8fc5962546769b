import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../alarms/plans/defaults.ts';
import { insertCase } from '../cases/repository.ts';
import { describeEachEngine } from '../testing/databases.ts';
import {
  type Answer,
  DEMO_USERS,
  type DemoUser,
  NOWHERE,
  raiseAlarm,
  type SecurityPlatform,
  startSecurityPlatform,
} from './harness.ts';
import { expectGap, gapKey, unknownOnly } from './known-gaps.ts';

/** A second region with its own organisations, case, devices and alarms; nobody of the demo region works there. */
interface Elsewhere {
  regionId: string;
  shelterId: string;
  pacId: string;
  caseId: string;
  deviceId: string;
  stockDeviceId: string;
  /** received, unclaimed */
  alarmId: string;
  /** forwarded, and — worst case — recorded as claimed by the demo operator */
  forwardedAlarmId: string;
  taskId: string;
  privacyRequestId: string;
}

const SECRET_NAME = 'Elders Geheim-Cliënt';

/** Every route that takes a record id, with what to send; `:id` is filled in per record. */
const BY_ID: readonly { method: string; path: string; body?: object; target: keyof Elsewhere }[] = [
  { method: 'GET', path: '/api/v1/cases/:id', target: 'caseId' },
  { method: 'GET', path: '/api/v1/devices/:id', target: 'deviceId' },
  { method: 'GET', path: '/api/v1/devices/:id/assignments', target: 'deviceId' },
  { method: 'PATCH', path: '/api/v1/devices/:id', body: { model: 'hijacked' }, target: 'stockDeviceId' },
  { method: 'POST', path: '/api/v1/devices/:id/unassign', target: 'deviceId' },
  { method: 'POST', path: '/api/v1/devices/:id/assign', body: { caseId: NOWHERE }, target: 'stockDeviceId' },
  { method: 'GET', path: '/api/v1/alarms/:id', target: 'alarmId' },
  { method: 'GET', path: '/api/v1/alarms/:id/linked', target: 'alarmId' },
  { method: 'GET', path: '/api/v1/alarms/:id/linked', target: 'forwardedAlarmId' },
  { method: 'POST', path: '/api/v1/alarms/:id/claim', target: 'alarmId' },
  { method: 'POST', path: '/api/v1/alarms/:id/forward', body: { note: 'x' }, target: 'alarmId' },
  { method: 'POST', path: '/api/v1/alarms/:id/on-scene', body: {}, target: 'forwardedAlarmId' },
  { method: 'POST', path: '/api/v1/alarms/:id/dispatch', body: { note: 'x' }, target: 'forwardedAlarmId' },
  {
    method: 'POST',
    path: '/api/v1/alarms/:id/resolve',
    body: { outcome: 'no_threat' },
    target: 'forwardedAlarmId',
  },
  { method: 'GET', path: '/api/v1/alarms/:id/plan', target: 'forwardedAlarmId' },
  {
    method: 'POST',
    path: '/api/v1/alarms/:id/plan/ticks',
    body: { stepKey: DEFAULT_PLANS.panic.steps[0]!.id, done: true },
    target: 'forwardedAlarmId',
  },
  { method: 'POST', path: '/api/v1/alarms/:id/shown', target: 'alarmId' },
  {
    method: 'POST',
    path: '/api/v1/alarms/:id/voice-link',
    body: { event: 'listen' },
    target: 'forwardedAlarmId',
  },
  { method: 'GET', path: '/api/v1/regions/:id/action-plans', target: 'regionId' },
  {
    method: 'PUT',
    path: '/api/v1/regions/:id/action-plans',
    body: {
      kind: 'panic',
      priority: 1,
      version: 0,
      steps: [{ action: 'call_back', instruction: 'hijacked' }],
    },
    target: 'regionId',
  },
  { method: 'GET', path: '/api/v1/regions/:id/grading', target: 'regionId' },
  { method: 'GET', path: '/api/v1/regions/:id/grading/week.pdf', target: 'regionId' },
  { method: 'GET', path: '/api/v1/regions/:id/grading/norms', target: 'regionId' },
  {
    method: 'PUT',
    path: '/api/v1/regions/:id/grading/norms',
    body: { stages: [{ stage: 'claimed', within30: 0.1, within60: 0.2 }] },
    target: 'regionId',
  },
  { method: 'POST', path: '/api/v1/tasks/:id/done', target: 'taskId' },
  { method: 'GET', path: '/api/v1/cases/:id/data-subject-export', target: 'caseId' },
  { method: 'GET', path: '/api/v1/cases/:id/privacy-requests', target: 'caseId' },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/privacy-requests',
    body: { kind: 'erasure', description: 'x' },
    target: 'caseId',
  },
  {
    method: 'POST',
    path: '/api/v1/privacy-requests/:id/decision',
    body: { decision: 'x' },
    target: 'privacyRequestId',
  },
];

/**
 * Administrators manage every region's devices and alarm-handling configuration (action plans, norms) by
 * design (device.*, actionplan.*, grading.manage: any).
 */
const BY_DESIGN = (user: DemoUser, path: string) =>
  user === 'admin' &&
  (path.startsWith('/api/v1/devices/') ||
    path === '/api/v1/regions/:id/action-plans' ||
    path === '/api/v1/regions/:id/grading/norms');

describeEachEngine('security: no reach into another region by id (IDOR)', (engine) => {
  let sp: SecurityPlatform;
  let r2: Elsewhere;

  beforeAll(async () => {
    sp = await startSecurityPlatform(engine);
    const { p, call } = sp;
    const created = async (a: Answer) => {
      expect(a.status, a.text).toBe(201);
      return (a.json as { id: string }).id;
    };
    const regionId = await created(
      await call('admin', { method: 'POST', path: '/api/v1/regions', body: { name: 'Regio Elders' } }),
    );
    const org = (name: string, type: string) =>
      call('admin', {
        method: 'POST',
        path: '/api/v1/organisations',
        body: { regionId, name, type, contacts: [] },
      }).then(created);
    const shelterId = await org('Opvang Elders', 'shelter');
    const pacId = await org('Alarmcentrale Elders', 'alarm_centre');
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
    await p.db.query(`insert into clients (case_id, name) values ($1, $2)`, [caseId, SECRET_NAME]);
    await p.db.query(`insert into perpetrators (case_id, name) values ($1, 'Elders Dader')`, [caseId]);
    const device = (account: string) =>
      call('admin', {
        method: 'POST',
        path: '/api/v1/devices',
        body: {
          organisationId: shelterId,
          vendor: 'X-mark',
          model: 'AWARE-knop 4G',
          serial: `EL-${account}`,
          protocol: 'dc09',
          account,
          rentPerQuarterCents: 0,
        },
      }).then(created);
    const deviceId = await device('9001');
    const stockDeviceId = await device('9002');
    const assigned = await call('admin', {
      method: 'POST',
      path: `/api/v1/devices/${deviceId}/assign`,
      body: { caseId },
    });
    expect(assigned.status, assigned.text).toBe(200);
    const alarmId = await raiseAlarm(p, '9001');
    const forwardedAlarmId = await raiseAlarm(p, '9001');
    await p.db.query(`update alarms set state = 'forwarded', claimed_by = $2 where id = $1`, [
      forwardedAlarmId,
      await sp.userId('operator'),
    ]);
    const task = await p.db.query<{ id: string }>(
      `insert into tasks (case_id, kind, assignee_id, due_at) values ($1, 'aftercare_contact', null, now()) returning id`,
      [caseId],
    );
    const privacy = await p.db.query<{ id: string }>(
      `insert into privacy_requests (case_id, kind, description_sealed, created_by) values ($1, 'access', $2, $3) returning id`,
      [caseId, p.secrets.seal(SECRET_NAME), await sp.userId('admin')],
    );
    r2 = {
      regionId,
      shelterId,
      pacId,
      caseId,
      deviceId,
      stockDeviceId,
      alarmId,
      forwardedAlarmId,
      taskId: task.rows[0]!.id,
      privacyRequestId: privacy.rows[0]!.id,
    };
  });
  afterAll(() => sp?.close());

  it('every demo user gets, for the other region’s records, the answer a non-existent record gets', async () => {
    const reached: string[] = [];
    const hints: Record<string, string[]> = {};
    for (const user of DEMO_USERS) {
      for (const route of BY_ID) {
        if (BY_DESIGN(user, route.path)) continue;
        const send = (id: string) =>
          sp.call(user, {
            method: route.method,
            path: route.path.replace(':id', id),
            ...(route.body ? { body: route.body } : {}),
          });
        const real = await send(r2[route.target]);
        const none = await send(NOWHERE);
        const label = `${user} ${route.method} ${route.path} (${route.target})`;
        if (real.status < 400 || real.text.includes(SECRET_NAME))
          reached.push(`${label}: ${real.status} ${real.text.slice(0, 200)}`);
        if (real.status !== none.status)
          reached.push(`${label}: ${real.status}, non-existent ${none.status}`);
        else if (real.text !== none.text) {
          const key = gapKey('hint', `${route.method} ${route.path}`);
          hints[key] = [...(hints[key] ?? []), `${label}: "${real.text}" ≠ "${none.text}"`];
        }
      }
    }
    expect(reached).toEqual([]);
    // same status, different wording: a known gap is tracked route by route in routes.test.ts
    expect(unknownOnly(hints)).toEqual({});
    // ten users × every route by id × two requests: a bound for a hang, not a speed
  }, 120_000);

  it('nothing in the other region changed, and no demo user read its case', async () => {
    const alarms = await sp.p.db.query<{ id: string; state: string }>(
      'select id, state from alarms where region_id = $1 order by received_at',
      [r2.regionId],
    );
    expect(Object.fromEntries(alarms.rows.map((a) => [a.id, a.state]))).toEqual({
      [r2.alarmId]: 'received',
      [r2.forwardedAlarmId]: 'forwarded',
    });
    const events = await sp.p.db.query<{ n: number }>(
      `select count(*)::int as n from alarm_events where alarm_id = any($1::uuid[]) and actor_id is not null`,
      [[r2.alarmId, r2.forwardedAlarmId]],
    );
    expect(events.rows[0]!.n).toBe(0);
    const config = await sp.p.db.query<{ plans: number; norms: number; links: number }>(
      `select (select count(*)::int from action_plans where region_id = $1) as plans,
              (select count(*)::int from grading_norms where region_id = $1) as norms,
              (select count(*)::int from alarm_voice_links where alarm_id = any($2::uuid[])) as links`,
      [r2.regionId, [r2.alarmId, r2.forwardedAlarmId]],
    );
    expect(config.rows[0]).toEqual({ plans: 0, norms: 0, links: 0 });
    const device = await sp.p.db.query<{ model: string; caseId: string | null }>(
      'select model, case_id as "caseId" from devices where id = any($1::uuid[]) order by serial',
      [[r2.deviceId, r2.stockDeviceId]],
    );
    expect(device.rows).toEqual([
      { model: 'AWARE-knop 4G', caseId: r2.caseId },
      { model: 'AWARE-knop 4G', caseId: null },
    ]);
    const task = await sp.p.db.query<{ doneAt: Date | null }>(
      'select done_at as "doneAt" from tasks where id = $1',
      [r2.taskId],
    );
    expect(task.rows[0]!.doneAt).toBeNull();
    const privacy = await sp.p.db.query<{ n: number; decided: number }>(
      `select count(*)::int as n, count(decided_at)::int as decided from privacy_requests where case_id = $1`,
      [r2.caseId],
    );
    expect(privacy.rows[0]).toEqual({ n: 1, decided: 0 });
    const reads = await sp.p.db.query<{ action: string; actor_label: string }>(
      `select action, actor_label from audit_log where record_id = $1 and access = 'read'`,
      [r2.caseId],
    );
    // every attempt is on record as a refusal; none as a read
    expect(reads.rows.filter((r) => r.action !== 'case.refused')).toEqual([]);
    expect(reads.rows.length).toBeGreaterThan(0);
  });

  it('no list shows another region’s records to a demo user', async () => {
    const lists = [
      '/api/v1/cases',
      '/api/v1/alarms?state=all&limit=1000',
      '/api/v1/alarms?state=open',
      '/api/v1/devices',
      '/api/v1/incidents',
      '/api/v1/tasks?open=false',
      '/api/v1/notifications',
      '/api/v1/regions',
      '/api/v1/organisations',
      '/api/v1/users',
    ];
    const secrets = [
      r2.caseId,
      r2.deviceId,
      r2.alarmId,
      r2.forwardedAlarmId,
      r2.regionId,
      r2.shelterId,
      SECRET_NAME,
    ];
    const leaks: string[] = [];
    for (const user of DEMO_USERS) {
      // administrators see every region's organisations and devices by design
      if (user === 'admin') continue;
      for (const path of lists) {
        const a = await sp.call(user, { method: 'GET', path });
        const found = secrets.filter((s) => a.text.includes(s));
        if (found.length > 0) leaks.push(`${user} ${path}: ${found.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('a coordinator cannot assign her device to another region’s case, nor learn that the case exists', async () => {
    const own = await sp.call('coordinator', {
      method: 'POST',
      path: '/api/v1/devices',
      body: {
        vendor: 'X-mark',
        model: 'AWARE-knop 4G',
        serial: 'IDOR-1',
        protocol: 'dc09',
        account: 'idor-1',
        rentPerQuarterCents: 0,
      },
    });
    expect(own.status, own.text).toBe(201);
    const id = (own.json as { id: string }).id;
    const assign = (caseId: string) =>
      sp.call('coordinator', { method: 'POST', path: `/api/v1/devices/${id}/assign`, body: { caseId } });
    const foreign = await assign(r2.caseId);
    const none = await assign(NOWHERE);
    expect(foreign.status).toBe(400);
    expect({ status: foreign.status, body: foreign.json }).toEqual({ status: none.status, body: none.json });
  });

  it('a coordinator cannot register a device for another region’s organisation, nor learn that it exists', async () => {
    const create = (organisationId: string) =>
      sp.call('coordinator', {
        method: 'POST',
        path: '/api/v1/devices',
        body: {
          organisationId,
          vendor: 'X-mark',
          model: 'AWARE-knop 4G',
          serial: `IDOR-${organisationId.slice(0, 6)}`,
          protocol: 'dc09',
          account: `idor-${organisationId.slice(0, 6)}`,
          rentPerQuarterCents: 0,
        },
      });
    const foreign = await create(r2.shelterId);
    const none = await create(NOWHERE);
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    const differences =
      foreign.status === none.status && foreign.text === none.text
        ? []
        : [
            `other region's organisation: ${foreign.status} ${foreign.text}; unknown: ${none.status} ${none.text}`,
          ];
    expectGap('oracle: POST /api/v1/devices organisationId', differences);
  });

  it('the live alarm stream and its Last-Event-ID replay carry only the subscriber’s region', async () => {
    // the police see an alarm once the alarm centre forwards it (or it escalates to level 2)
    const handOver = async (id: string) => {
      for (const [step, body] of [
        ['claim', undefined],
        ['forward', { note: 'prio 1' }],
      ] as const) {
        const answer = await sp.call('operator', {
          method: 'POST',
          path: `/api/v1/alarms/${id}/${step}`,
          body,
        });
        expect(answer.status).toBe(200);
      }
    };
    for (const user of ['operator', 'police'] as const) {
      const abort = new AbortController();
      const response = await fetch(`${sp.p.url}/api/v1/alarms/stream`, {
        headers: { cookie: sp.cookies[user], 'last-event-id': '1' },
        signal: abort.signal,
      });
      expect(response.status).toBe(200);
      const foreign = await raiseAlarm(sp.p, '9001');
      const own = await raiseAlarm(sp.p, '1001');
      if (user === 'police') await handOver(own);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const deadline = Date.now() + 5000;
      while (!text.includes(own) && Date.now() < deadline) {
        const chunk = await Promise.race([
          // a read still pending when the stream is aborted rejects; that is expected here
          reader.read().catch(() => ({ done: true as const, value: undefined })),
          new Promise<{ done: true; value: undefined }>((resolve) =>
            setTimeout(() => resolve({ done: true, value: undefined }), deadline - Date.now()),
          ),
        ]);
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      abort.abort();
      expect(text, `${user} should get the demo region's alarm`).toContain(own);
      for (const id of [foreign, r2.alarmId, r2.forwardedAlarmId, r2.caseId, r2.regionId])
        expect(text, `${user} got another region's ${id}`).not.toContain(id);
    }
  });
});
