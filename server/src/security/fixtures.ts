import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Caller, SecurityPlatform } from './harness.ts';
import { raiseAlarm } from './harness.ts';

/** The records the route table acts on: demo data plus a few made for the suite, one per actor where a step consumes it. */
export interface Fixtures {
  regionId: string;
  shelterId: string;
  pacId: string;
  /** AW-2026-0006: Carla's (caseworker) case, with a client, perpetrator and an issued device */
  caseId: string;
  /** AW-2026-0001: a referral, no caseworker */
  freeCaseId: string;
  /** the signed contract (demo seed) of AW-2026-0006 */
  documentId: string;
  /** XM-1001, issued on AW-2026-0006 */
  deviceId: string;
  /** XM-1003, in stock */
  stockDeviceId: string;
  /** in-stock devices, one per caller allowed to assign (so the outcome does not depend on order) */
  assignable: Partial<Record<Caller, string>>;
  /** issued devices, one per caller allowed to unassign */
  unassignable: Partial<Record<Caller, string>>;
  /** claimed by the demo operator and forwarded to the police: both may see the linked case */
  forwardedAlarmId: string;
  claimable: Partial<Record<Caller, string>>;
  forwardable: Partial<Record<Caller, string>>;
  onSceneable: Partial<Record<Caller, string>>;
  resolvable: Partial<Record<Caller, string>>;
  apiTokenId: string;
  /** a user made for the suite, so resetting its credentials harms no demo user */
  throwawayUserId: string;
  /** a follow-up task assigned to the demo caseworker */
  taskId: string;
  /** a task agreement on AW-2026-0006 that is already done (ticking it off again is refused with 409) */
  doneTaskId: string;
  /** an in-app notification for the demo caseworker */
  notificationId: string;
  /** open data-subject requests on AW-2026-0006, one per caller allowed to decide */
  privacyRequests: Partial<Record<Caller, string>>;
  /** a fresh name for anything that must be unique */
  unique(prefix: string): string;
}

export async function prepareFixtures(sp: SecurityPlatform): Promise<Fixtures> {
  const { p, call } = sp;
  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
  const org = async (type: string) =>
    (
      await p.db.query<{ id: string; regionId: string }>(
        `select o.id, o.region_id as "regionId" from organisations o join regions r on r.id = o.region_id
         where o.type = $1 and r.name like 'Demoregio%'`,
        [type],
      )
    ).rows[0]!;
  const shelter = await org('shelter');
  const pac = await org('alarm_centre');
  const caseId = await sp.caseId('AW-2026-0006');
  const freeCaseId = await sp.caseId('AW-2026-0001');

  const newDevice = async (): Promise<string> => {
    const account = unique('sec');
    const r = await call('coordinator', {
      method: 'POST',
      path: '/api/v1/devices',
      body: {
        vendor: 'X-mark',
        model: 'AWARE-knop 4G',
        serial: unique('SEC'),
        protocol: 'dc09',
        account,
        rentPerQuarterCents: 0,
      },
    });
    expect(r.status, r.text).toBe(201);
    return (r.json as { id: string }).id;
  };
  const issuedDevice = async (): Promise<string> => {
    const id = await newDevice();
    const r = await call('coordinator', {
      method: 'POST',
      path: `/api/v1/devices/${id}/assign`,
      body: { caseId: freeCaseId },
    });
    expect(r.status, r.text).toBe(200);
    return id;
  };

  const step = async (caller: Caller, alarmId: string, action: string, body?: object) => {
    const r = await call(caller, { method: 'POST', path: `/api/v1/alarms/${alarmId}/${action}`, body });
    expect(r.status, r.text).toBe(200);
  };
  const alarm = () => raiseAlarm(p, '1001');
  const claimed = async () => {
    const id = await alarm();
    await step('operator', id, 'claim');
    return id;
  };
  const forwarded = async () => {
    const id = await claimed();
    await step('operator', id, 'forward', { note: 'prio 1' });
    return id;
  };

  const token = await call('admin', {
    method: 'POST',
    path: '/api/v1/api-tokens',
    body: { name: unique('security-suite'), organisationId: pac.id, role: 'operator' },
  });
  expect(token.status, token.text).toBe(201);
  const throwaway = await call('admin', {
    method: 'POST',
    path: '/api/v1/users',
    body: {
      email: `${unique('throwaway')}@example.invalid`,
      displayName: 'Throwaway',
      memberships: [{ organisationId: shelter.id, role: 'funder' }],
    },
  });
  expect(throwaway.status, throwaway.text).toBe(201);

  const caseworkerId = await sp.userId('caseworker');
  const task = await p.db.query<{ id: string }>(
    `insert into tasks (case_id, kind, assignee_id, due_at) values ($1, 'aftercare_contact', $2, now() + interval '1 day') returning id`,
    [caseId, caseworkerId],
  );
  const notification = await p.db.query<{ id: string }>(
    `insert into notifications (user_id, kind, case_id) values ($1, 'alarm.resolved', $2) returning id`,
    [caseworkerId, caseId],
  );

  const privacyRequest = async () => {
    const r = await call('caseworker', {
      method: 'POST',
      path: `/api/v1/cases/${caseId}/privacy-requests`,
      body: { kind: 'access', description: 'Cliënt vraagt inzage' },
    });
    expect(r.status, r.text).toBe(201);
    return (r.json as { id: string }).id;
  };

  return {
    regionId: shelter.regionId,
    shelterId: shelter.id,
    pacId: pac.id,
    caseId,
    freeCaseId,
    documentId: (
      await p.db.query<{ id: string }>(
        `select id from case_documents where case_id = $1 and kind = 'contract'`,
        [caseId],
      )
    ).rows[0]!.id,
    deviceId: await sp.deviceId('XM-1001'),
    stockDeviceId: await sp.deviceId('XM-1003'),
    assignable: { admin: await newDevice(), coordinator: await newDevice() },
    unassignable: { admin: await issuedDevice(), coordinator: await issuedDevice() },
    forwardedAlarmId: await forwarded(),
    claimable: { operator: await alarm() },
    forwardable: { operator: await claimed() },
    onSceneable: { police: await forwarded() },
    resolvable: { operator: await claimed(), police: await forwarded() },
    apiTokenId: (token.json as { id: string }).id,
    throwawayUserId: (throwaway.json as { id: string }).id,
    taskId: task.rows[0]!.id,
    doneTaskId: (
      await p.db.query<{ id: string }>(
        `insert into tasks (case_id, kind, description, assignee_id, due_at, done_at)
         values ($1, 'agreement', 'Afgerond', $2, now(), now()) returning id`,
        [caseId, caseworkerId],
      )
    ).rows[0]!.id,
    notificationId: notification.rows[0]!.id,
    privacyRequests: { caseworker: await privacyRequest(), coordinator: await privacyRequest() },
    unique,
  };
}

/** The fixture for this caller, or (for a caller who should be refused) any one of them. */
export function pick(byCaller: Partial<Record<Caller, string>>, caller: Caller): string {
  const own = byCaller[caller];
  if (own) return own;
  const any = Object.values(byCaller)[0];
  if (!any) throw new Error('empty fixture');
  return any;
}
