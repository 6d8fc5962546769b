import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Database } from '../db/index.ts';

export const MASTER_KEY = 'ef'.repeat(32);
const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface ServerPorts {
  http: number;
  dc09: number;
  osmand: number;
}

/** Free loopback ports (TCP; the DC-09 one is also free for UDP in practice), kept across restarts. */
export async function freePorts(): Promise<ServerPorts> {
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(port));
      });
    });
  return { http: await one(), dc09: await one(), osmand: await one() };
}

export interface ServerProcess {
  child: ChildProcess;
  ports: ServerPorts;
  url: string;
  /** everything it printed, for the failure message */
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL, and wait until the process is gone */
  kill(): Promise<void>;
}

/** The production entry point in a process of its own: `node --import tsx server/src/main.ts`. */
export function startServerProcess(ports: ServerPorts, env: Record<string, string>): Promise<ServerProcess> {
  // never the suite's own DATABASE_URL (the server database every test database is made in): only what is given
  const { DATABASE_URL: _suiteDatabase, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      AWARE_LOG_LEVEL: 'warn',
      AWARE_MASTER_KEY: MASTER_KEY,
      AWARE_HOST: '127.0.0.1',
      AWARE_SUPERVISION_SWEEP_SECONDS: '3600',
      PORT: String(ports.http),
      AWARE_DC09_PORT: String(ports.dc09),
      AWARE_OSMAND_PORT: String(ports.osmand),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: ServerProcess = {
    child,
    ports,
    url: `http://127.0.0.1:${ports.http}`,
    output: () => out,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 60 s:\n${out}`));
    }, 60_000);
    const ready = (chunk: Buffer) => {
      if (!out.includes('Sign in:') && !chunk.toString().includes('Sign in:')) return;
      clearTimeout(timer);
      child.stdout!.off('data', ready);
      resolve(server);
    };
    child.stdout!.on('data', ready);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/**
 * DC-09 accounts for a fault test, plaintext: in an organisation of their own (no demo data needed), or
 * with `demo` in a shelter of the demo region, where the demo operator's console sees their alarms.
 */
/** Restricts a query on `alarms` to the fault test's own devices (the demo brings alarms of its own). */
export const OF_TEST_DEVICES = 'device_id in (select id from devices where account = any($1::text[]))';

export async function addDevices(db: Database, from: number, count: number, demo = false): Promise<string[]> {
  if (!demo)
    await db.query(
      `with region as (
         insert into regions (name) values ('Storingsregio') on conflict (name) do update set name = excluded.name
         returning id)
       insert into organisations (region_id, name, type) select id, 'Storingsopvang', 'shelter' from region
       on conflict (region_id, name) do nothing`,
    );
  const organisation = demo
    ? `(select id from organisations where type = 'shelter' and name <> 'Storingsopvang' order by name limit 1)`
    : `(select id from organisations where name = 'Storingsopvang')`;
  await db.query(
    `insert into devices (organisation_id, vendor, model, serial, protocol, account)
     select ${organisation}, 'Fault', 'Fault dialler', 'FAULT-' || g, 'dc09', g::text
     from generate_series($1::int, $2::int) g`,
    [from, from + count - 1],
  );
  return Array.from({ length: count }, (_, i) => String(from + i));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds or the time is up; answers the last value seen. */
export async function until<T>(
  check: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | undefined;
    try {
      value = await check();
      if (ok(value)) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) {
      if (value === undefined) throw new Error('condition never checked successfully');
      return value;
    }
    await sleep(100);
  }
}
