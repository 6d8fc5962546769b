import { randomUUID } from 'node:crypto';
import type { Engine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

/** Every demo user (docs/demo.md), by the local part of the e-mail address. */
export const DEMO_USERS = [
  'admin',
  'operator',
  'police',
  'vt',
  'caseworker',
  'caseworker2',
  'coordinator',
  'funder',
  'procesregisseur',
  'commissie',
] as const;
export type DemoUser = (typeof DEMO_USERS)[number];
export type Caller = DemoUser | 'anonymous';
export const CALLERS: readonly Caller[] = ['anonymous', ...DEMO_USERS];

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** the body as sent, byte for byte (as a UTF-8 string) */
  text: string;
  /** the parsed JSON body, or undefined when the body is not JSON */
  json: unknown;
}

export interface Call {
  method: string;
  path: string;
  body?: unknown;
  /** send the body exactly as given, with this content type */
  raw?: { payload: string; contentType: string };
  headers?: Record<string, string>;
}

/** A whole platform with the demo data, and one session per demo user, signed in once. */
export interface SecurityPlatform {
  p: TestPlatform;
  cookies: Record<DemoUser, string>;
  /** sends one request as this caller through the whole Fastify pipeline (hooks, rate limit, auth) */
  call(caller: Caller, call: Call): Promise<Answer>;
  /** id of a demo case by reference, e.g. AW-2026-0006 */
  caseId(reference: string): Promise<string>;
  deviceId(serial: string): Promise<string>;
  userId(local: DemoUser): Promise<string>;
  close(): Promise<void>;
}

/**
 * Every caller gets its own client address, so the global per-IP rate limit (600/min) counts each
 * role separately, as it would for ten people at ten desks.
 */
const addressOf = (caller: Caller) => `10.77.0.${CALLERS.indexOf(caller) + 10}`;

export function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function startSecurityPlatform(engine: Engine): Promise<SecurityPlatform> {
  const p = await startTestPlatform(engine);
  const cookies = {} as Record<DemoUser, string>;
  await Promise.all(
    DEMO_USERS.map(async (user) => {
      cookies[user] = (await signIn(p, user)).cookie;
    }),
  );

  async function call(caller: Caller, c: Call): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (caller !== 'anonymous') headers.cookie = cookies[caller];
    let payload: string | undefined;
    if (c.raw) {
      payload = c.raw.payload;
      headers['content-type'] = c.raw.contentType;
    } else if (c.body !== undefined) {
      payload = JSON.stringify(c.body);
      headers['content-type'] = 'application/json';
    } else if (c.method !== 'GET' && c.method !== 'HEAD') {
      headers['x-requested-with'] = 'aware-security-test';
    }
    const response = await p.app.inject({
      method: c.method as 'GET',
      url: c.path,
      headers: { ...headers, ...c.headers },
      ...(payload === undefined ? {} : { payload }),
      remoteAddress: addressOf(caller),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      text: response.body,
      json: parse(response.body),
    };
  }

  const one = async (sql: string, value: string) => {
    const r = await p.db.query<{ id: string }>(sql, [value]);
    if (!r.rows[0]) throw new Error(`no row for ${value}`);
    return r.rows[0].id;
  };

  return {
    p,
    cookies,
    call,
    caseId: (reference) => one('select id from cases where reference = $1', reference),
    deviceId: (serial) => one('select id from devices where serial = $1', serial),
    userId: (local) => one('select id from users where email = $1', `${local}@demo.aware.test`),
    close: () => p.close(),
  };
}

/** Raises a panic (or another alarm kind) from a registered device, exactly as a receiver would. */
export async function raiseAlarm(
  p: TestPlatform,
  account: string,
  options: { protocol?: 'dc09' | 'osmand' | 'webhook'; kind?: 'panic' | 'test' | 'tamper' } = {},
): Promise<string> {
  const sequence = `sec-${randomUUID()}`;
  await p.handle({
    protocol: options.protocol ?? 'dc09',
    deviceAccount: account,
    kind: options.kind ?? 'panic',
    sequence,
    receivedAt: new Date(),
    raw: 'security-suite',
  });
  const r = await p.db.query<{ id: string }>('select id from alarms where sequence = $1', [sequence]);
  if (!r.rows[0]) throw new Error('the alarm was not stored');
  return r.rows[0].id;
}

/** A syntactically valid id that no record has. */
export const NOWHERE = '7d4c2a9e-1b3f-4c5d-8e6f-0a1b2c3d4e5f';
