import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/index.ts';
import { DEMO, seedDemo } from '../demo/seed.ts';
import { totpCode } from '../identity/totp.ts';
import { type Platform, startPlatform } from '../platform.ts';
import { type Engine, freshDatabase } from './databases.ts';

export interface TestPlatform extends Platform {
  engine: Engine;
  /** the PostgreSQL database made for this platform, if any */
  databaseUrl?: string;
  close(): Promise<void>;
}

/** A whole platform on a fresh database, every port chosen by the OS, demo data loaded. */
export async function startTestPlatform(
  engine: Engine,
  options: {
    demo?: boolean;
    env?: Record<string, string>;
    loginRatePerMinute?: number;
    requestRatePerMinute?: number;
    /** what the platform sees of its database (e.g. one that fails a read on purpose) */
    wrapDatabase?: (db: Database) => Database;
  } = {},
): Promise<TestPlatform> {
  const database = await freshDatabase(engine);
  const dataDir = mkdtempSync(join(tmpdir(), 'aware-test-'));
  const config = loadConfig({
    PORT: '0',
    AWARE_DC09_PORT: '0',
    AWARE_OSMAND_PORT: '0',
    AWARE_HOST: '127.0.0.1',
    AWARE_DATA_DIR: dataDir,
    AWARE_LOG_LEVEL: 'silent',
    AWARE_DEMO: options.demo === false ? 'false' : 'true',
    AWARE_SUPERVISION_SWEEP_SECONDS: '3600',
    // suites sign the same demo user in many times within one 30 s TOTP step; the guard has its own test
    AWARE_TOTP_REPLAY_GUARD: 'false',
    // no test asks PDOK: the geocoder suites start a local stand-in and point AWARE_GEOCODER_URL at it
    AWARE_GEOCODER: 'off',
    ...options.env,
  });
  const platform = await startPlatform(config, {
    db: options.wrapDatabase ? options.wrapDatabase(database.db) : database.db,
    loginRatePerMinute: options.loginRatePerMinute ?? 1000,
    // a browser test walks pages far faster than a person (the sign-in limit above is set per suite)
    requestRatePerMinute: options.requestRatePerMinute ?? 6000,
    checkResponses: true,
  });
  if (options.demo !== false) await seedDemo(platform);
  platform.startup.done();
  return {
    ...platform,
    engine,
    ...(database.url ? { databaseUrl: database.url } : {}),
    async close() {
      await platform.stop();
      await database.drop();
    },
  };
}

export const demoEmail = (local: string) => `${local}@${DEMO.domain}`;

/** Signs in as a demo user over HTTP and returns a fetch bound to that session. */
export async function signIn(platform: Platform, local: string) {
  const response = await fetch(`${platform.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: demoEmail(local),
      password: DEMO.password,
      totp: totpCode(DEMO.totpSecret),
    }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${local} failed: ${response.status}`);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${platform.url}${path}`, {
      ...init,
      headers: {
        cookie,
        ...(init.body ? { 'content-type': 'application/json' } : { 'x-requested-with': 'aware' }),
        ...init.headers,
      },
    });
  return Object.assign(api, { cookie });
}

/** A real encrypted-or-plain DC-09 panic over TCP from a demo button; answers the stored alarm's id once ACKed. */
export async function panicOverDc09(platform: Platform, account: string, sequence: number): Promise<string> {
  const sent = await sendDc09({
    host: '127.0.0.1',
    port: platform.dc09.tcpPort,
    account,
    kind: 'panic',
    sequence,
    timeoutMs: 3000,
    retries: 0,
  });
  if (sent.outcome !== 'ACK') throw new Error(`panic from ${account} was answered ${sent.outcome}, not ACK`);
  const alarm = await platform.db.query<{ id: string }>(
    `select a.id from alarms a join devices d on d.id = a.device_id
     where d.account = $1 and a.sequence = $2 order by a.received_at desc limit 1`,
    [account, String(sequence)],
  );
  return alarm.rows[0]!.id;
}
