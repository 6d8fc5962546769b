/**
 * `npm run ha:local`: the production shape on this machine, from the Debian packages — etcd, two
 * Patroni-managed PostgreSQL servers (primary + synchronous standby) and two Aware nodes on loopback
 * ports. To look at, and to break: see docs/operations.md. Ctrl-C stops everything and removes its files.
 *
 * Ports (AWARE_HA_BASE, default 42000): etcd base+1, Patroni REST base+11/12, PostgreSQL base+21/22,
 * node A http/DC-09/OsmAnd base+50..52, node B base+53..55.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { startHaCluster } from './ha-cluster.ts';

const base = Number(process.env.AWARE_HA_BASE ?? 42_000);
const root = join(import.meta.dirname, '..', '..', '..');
const say = (line: string) => process.stdout.write(`${line}\n`);

say('Starting etcd and two Patroni-managed PostgreSQL servers (synchronous mode)…');
const cluster = await startHaCluster({ base });
const primary = await cluster.waitForPrimary(10_000);
const setup = new pg.Client({ connectionString: primary.url });
await setup.connect();
await setup.query('create database aware');
await setup.end();
const databaseUrl = cluster.databaseUrl.replace('/postgres?', '/aware?');

const nodes: ChildProcess[] = [];
const ports = (n: number) => ({
  http: base + 50 + n * 3,
  dc09: base + 51 + n * 3,
  osmand: base + 52 + n * 3,
});
function startNode(name: string, n: number, extra: Record<string, string>) {
  const p = ports(n);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AWARE_MASTER_KEY: process.env.AWARE_MASTER_KEY ?? 'ab'.repeat(32),
      AWARE_HOST: '127.0.0.1',
      PORT: String(p.http),
      AWARE_DC09_PORT: String(p.dc09),
      AWARE_OSMAND_PORT: String(p.osmand),
      AWARE_LOG_LEVEL: process.env.AWARE_LOG_LEVEL ?? 'warn',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[node ${name}] `));
  child.stdout!.on('data', prefix);
  child.stderr!.on('data', prefix);
  nodes.push(child);
  return new Promise<void>((resolve) => {
    const ready = (chunk: Buffer) => {
      if (chunk.toString().includes('Sign in:')) {
        child.stdout!.off('data', ready);
        resolve();
      }
    };
    child.stdout!.on('data', ready);
  });
}
await startNode('A', 0, { AWARE_DEMO: 'true' });
await startNode('B', 1, {});

say(`
Aware HA on loopback is up.
  DATABASE_URL   ${databaseUrl}
  node A         http://127.0.0.1:${ports(0).http}   DC-09 ${ports(0).dc09}
  node B         http://127.0.0.1:${ports(1).http}   DC-09 ${ports(1).dc09}
  Patroni REST   ${cluster.members.map((m) => `${m.name} http://127.0.0.1:${m.apiPort}/patroni`).join('   ')}
  health         curl 'http://127.0.0.1:${ports(0).http}/health?details=true'
  a panic with two receiver addresses (demo button 1001):
    npm run simulate -- panic --account 1001 --port ${ports(0).dc09} --secondary 127.0.0.1:${ports(1).dc09}
  primary is ${primary.name}; kill it as a crash would:  kill -9 $(head -1 ${primary.dataDir}/postmaster.pid)
Ctrl-C stops everything.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const node of nodes) node.kill('SIGTERM');
  await cluster.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
