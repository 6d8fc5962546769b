/**
 * Bench server child: one platform on a fresh database (BENCH_ENGINE = pglite | postgres), demo
 * data plus generated DC-09 devices. Prints one `ready` JSON line, then answers `stats` / `stop`
 * commands read as JSON lines on stdin. Nothing else is written to stdout.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { loadConfig } from '../server/src/config.ts';
import { DEMO, seedDemo } from '../server/src/demo/seed.ts';
import { startPlatform } from '../server/src/platform.ts';
import { freshDatabase } from '../server/src/testing/databases.ts';
import { instrument } from './instrumented-db.ts';
import type { BenchDevice, ChildCommand, Engine, ServerReady, ServerStats } from './protocol.ts';
import { percentile } from './stats.ts';

const engine: Engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const plainCount = Number(process.env.BENCH_PLAIN_DEVICES ?? '1200');
const keyedCount = Number(process.env.BENCH_KEYED_DEVICES ?? '24');
const heartbeatPlain = Number(process.env.BENCH_HEARTBEAT_PLAIN ?? '1000');
const heartbeatKeyed = Number(process.env.BENCH_HEARTBEAT_KEYED ?? '16');
const massCount = Number(process.env.BENCH_MASS_DEVICES ?? '0');

const PLAIN_BASE = 100_000;
const KEYED_BASE = 900_000;
const keyOf = (i: number) => `BenchKey${String(i).padStart(8, '0')}`;

function send(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const database = await freshDatabase(engine);
const measured = instrument(database.db);
const dataDir = mkdtempSync(join(tmpdir(), 'aware-bench-'));
const config = loadConfig({
  PORT: '0',
  AWARE_DC09_PORT: '0',
  AWARE_OSMAND_PORT: '0',
  AWARE_HOST: '127.0.0.1',
  AWARE_DATA_DIR: dataDir,
  AWARE_MASTER_KEY: randomBytes(32).toString('hex'),
  AWARE_LOG_LEVEL: 'silent',
  AWARE_DEMO: 'true',
  // BENCH_ESCALATION_SWEEP_SECONDS: a closed-loop panic scenario leaves thousands of open alarms that
  // would otherwise be escalated, each in its own transaction, in the middle of its later runs
  AWARE_ESCALATION_SWEEP_SECONDS: process.env.BENCH_ESCALATION_SWEEP_SECONDS ?? '5',
});
const platform = await startPlatform(config, { db: measured.db });
await seedDemo(platform);

const raw = database.db;
const org = await raw.query<{ id: string }>(
  "select id from organisations where type = 'shelter' order by name limit 1",
);
const organisationId = org.rows[0]!.id;
await raw.query(
  `insert into devices (organisation_id, vendor, model, serial, protocol, account)
   select $1, 'Bench', 'Bench dialler', 'BENCH-' || g, 'dc09', ($2::int + g)::text
   from generate_series(1, $3::int) g`,
  [organisationId, PLAIN_BASE, plainCount + massCount],
);
for (let i = 1; i <= keyedCount; i++) {
  await raw.query(
    `insert into devices (organisation_id, vendor, model, serial, protocol, account, key_sealed)
     values ($1, 'Bench', 'Bench dialler (AES)', $2, 'dc09', $3, $4)`,
    [organisationId, `BENCH-K${i}`, String(KEYED_BASE + i), platform.secrets.seal(keyOf(i))],
  );
}

const plain = (i: number): BenchDevice => ({ account: String(PLAIN_BASE + i) });
const keyed = (i: number): BenchDevice => ({ account: String(KEYED_BASE + i), key: keyOf(i) });
const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);

let databaseVersion = 'PGlite (in-memory, WASM)';
if (engine === 'postgres') {
  const v = await raw.query<{ server_version: string }>('show server_version');
  databaseVersion = `PostgreSQL ${v.rows[0]?.server_version ?? '?'}`;
} else {
  const v = await raw.query<{ server_version: string }>('show server_version');
  databaseVersion = `PGlite (in-memory, WASM; PostgreSQL ${v.rows[0]?.server_version ?? '?'})`;
}

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();

const ready: ServerReady = {
  type: 'ready',
  pid: process.pid,
  url: platform.url,
  dc09Port: platform.dc09.tcpPort,
  osmandPort: platform.osmand.port,
  engine,
  heartbeatDevices: [...range(1, heartbeatPlain).map(plain), ...range(1, heartbeatKeyed).map(keyed)],
  panicDevices: [
    ...range(heartbeatPlain + 1, plainCount).map(plain),
    ...range(heartbeatKeyed + 1, keyedCount).map(keyed),
  ],
  massDevices: range(plainCount + 1, plainCount + massCount).map(plain),
  operatorEmail: `operator@${DEMO.domain}`,
  password: DEMO.password,
  totpSecret: DEMO.totpSecret,
  databaseVersion,
};
send(ready);

async function xactCommit(): Promise<number | null> {
  try {
    const r = await raw.query<{ xact_commit: number | string }>(
      'select xact_commit from pg_stat_database where datname = current_database()',
    );
    const value = r.rows[0]?.xact_commit;
    return value === undefined ? null : Number(value);
  } catch {
    return null;
  }
}

async function stats(id: number, gc: boolean): Promise<ServerStats> {
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const transactions = measured.takeTransactionTimes();
  const open = await raw.query<{ n: number | string }>(
    "select count(*) as n from alarms where state <> 'resolved'",
  );
  const result: ServerStats = {
    type: 'stats',
    id,
    rssKb: Math.round(memory.rss / 1024),
    heapUsedKb: Math.round(memory.heapUsed / 1024),
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    loopP50Ms: loop.percentile(50) / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    eluActiveMs: elu.active,
    eluIdleMs: elu.idle,
    transactionP50Ms: percentile(transactions.total, 50),
    transactionP99Ms: percentile(transactions.total, 99),
    transactionWaitP50Ms: percentile(transactions.wait, 50),
    transactionWaitP99Ms: percentile(transactions.wait, 99),
    transactionLockP99Ms: percentile(transactions.lock, 99),
    otherTransactions: transactions.otherCount,
    otherTransactionMaxMs: transactions.otherCount > 0 ? transactions.otherMaxMs : Number.NaN,
    otherTransactionMaxFirst: transactions.otherMaxFirst,
    otherTransactionMaxStatements: transactions.otherMaxStatements,
    alarmFailures: transactions.failed,
    alarmErrors: transactions.errors,
    dc09Connections: platform.dc09.connections(),
    openAlarms: Number(open.rows[0]?.n ?? 0),
    db: measured.counters(),
    xactCommit: await xactCommit(),
  };
  loop.reset();
  return result;
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await platform.stop();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  const command = JSON.parse(line) as ChildCommand;
  if (command.cmd === 'stats') void stats(command.id, command.gc ?? false).then(send);
  else void stop();
});
// The orchestrator went away: clean up rather than leave a database behind.
input.on('close', () => void stop());
