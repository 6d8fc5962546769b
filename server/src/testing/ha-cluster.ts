import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPostgresBinaries } from './throwaway-postgres.ts';

/**
 * The production database shape on loopback, from the Debian packages: one etcd, two PostgreSQL servers
 * each managed by a Patroni, in synchronous mode (one primary, one synchronous standby). Used by the
 * `npm run ha:local` demonstration and by the failover fault test. Ports: `base+1` etcd client, `base+2`
 * etcd peer, `base+11..12` Patroni REST, `base+21..22` PostgreSQL.
 */
export interface HaCluster {
  /** multi-host URL, as a node's DATABASE_URL */
  databaseUrl: string;
  members: HaMember[];
  /** the member whose PostgreSQL accepts writes (Patroni promoted it), once there is one; polled every 50 ms */
  waitForPrimary(timeoutMs: number, not?: HaMember): Promise<HaMember>;
  /** resolves once a streaming standby is in sync with the primary */
  waitForSyncStandby(timeoutMs: number): Promise<void>;
  /** changes Patroni's dynamic configuration through the REST API of a member that answers (as `patronictl edit-config`) */
  editConfig(change: Record<string, unknown>): Promise<void>;
  /** everything Patroni and etcd printed, for a failure message */
  output(): string;
  destroy(): Promise<void>;
}

export interface HaMember {
  name: string;
  pgPort: number;
  apiPort: number;
  url: string;
  /** its PostgreSQL data directory (postmaster.pid holds the postmaster's pid) */
  dataDir: string;
  /** kill -9 of this member's postmaster and every backend (Patroni itself stays) */
  killPostgres(): void;
  /** kill -9 of Patroni and its PostgreSQL: the host is gone */
  killHost(): void;
  /** the host is back: its Patroni starts again and brings its PostgreSQL back as a standby */
  startHost(): void;
}

/**
 * The Patroni to run: the Debian package's `patroni`, or AWARE_PATRONI, a command line (e.g.
 * `python3 /opt/patroni/patroni.py`) for a newer Patroni than the distribution ships.
 */
function patroniCommand(): string[] {
  return (process.env.AWARE_PATRONI ?? 'patroni').split(' ').filter(Boolean);
}

/** What the cluster needs from the machine, as sentences; empty when it can run. */
export function haMissing(): string[] {
  const absent: string[] = [];
  const found = findPostgresBinaries();
  if ('missing' in found) absent.push(found.missing);
  for (const command of [patroniCommand()[0]!, 'etcd']) {
    try {
      execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    } catch {
      absent.push(`${command}: not on PATH (apt-get install patroni etcd-server)`);
    }
  }
  return absent;
}

function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)])
      .toString()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function killTree(pid: number) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childPids(all[i]!));
  for (const p of all) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

function patroniConfig(o: {
  name: string;
  base: number;
  index: number;
  dir: string;
  bin: string;
  fast: boolean;
}): string {
  const api = o.base + 11 + o.index;
  const port = o.base + 21 + o.index;
  const data = join(o.dir, o.name);
  return `scope: aware-ha-${o.base}
name: ${o.name}
log:
  level: WARNING
restapi:
  listen: 127.0.0.1:${api}
  connect_address: 127.0.0.1:${api}
etcd3:
  hosts: 127.0.0.1:${o.base + 1}
bootstrap:
  dcs:
    ttl: 20
    loop_wait: 1
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    synchronous_mode_strict: false
    primary_start_timeout: 0
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        synchronous_commit: 'on'
        wal_sender_timeout: 10s
        wal_log_hints: 'on'
        max_connections: 100
        wal_keep_size: 256MB
  initdb:
    - encoding: UTF8
    - locale: C
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:${port}
  connect_address: 127.0.0.1:${port}
  data_dir: ${data}
  bin_dir: ${o.bin}
  pgpass: ${join(o.dir, `${o.name}.pgpass`)}
  authentication:
    replication:
      username: replicator
      password: replicator
    superuser:
      username: postgres
      password: postgres
    rewind:
      username: postgres
      password: postgres
  parameters:
    unix_socket_directories: '${o.dir}'
${o.fast ? "    fsync: 'off'\n" : ''}tags:
  nofailover: false
  noloadbalance: false
  clonefrom: false
`;
}

async function patroniRole(apiPort: number): Promise<Record<string, unknown> | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${apiPort}/patroni`, {
      signal: AbortSignal.timeout(1000),
    });
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * Starts etcd and two Patroni-managed PostgreSQL servers under `base`; resolves once a primary answers
 * writes and its standby is synchronous. `fast` turns fsync off (tests on a shared machine).
 */
export async function startHaCluster(options: { base: number; fast?: boolean }): Promise<HaCluster> {
  const absent = haMissing();
  if (absent.length > 0) throw new Error(`the HA cluster needs ${absent.join('; ')}`);
  const found = findPostgresBinaries();
  if ('missing' in found) throw new Error(found.missing);
  const { base } = options;
  for (const port of [base + 1, base + 2, base + 11, base + 12, base + 21, base + 22])
    if (await portTaken(port)) throw new Error(`port ${port} is taken: is another HA cluster still running?`);
  const dir = mkdtempSync(join(tmpdir(), 'aware-ha-'));
  const asUser = found.asUser;
  const own = (path: string) => {
    if (found.uid !== undefined && found.gid !== undefined) chownSync(path, found.uid, found.gid);
  };
  own(dir);
  let log = '';
  const children: ChildProcess[] = [];
  const run = (name: string, command: string, args: string[]) => {
    const [file, ...rest] = [...asUser, command, ...args];
    const child = spawn(file!, rest, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    const collect = (chunk: Buffer) => {
      log = (log + chunk.toString().replace(/^/gm, `[${name}] `)).slice(-30_000);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    children.push(child);
    return child;
  };

  const etcdData = join(dir, 'etcd');
  mkdirSync(etcdData);
  own(etcdData);
  run('etcd', 'etcd', [
    '--name',
    'etcd1',
    '--data-dir',
    etcdData,
    '--listen-client-urls',
    `http://127.0.0.1:${base + 1}`,
    '--advertise-client-urls',
    `http://127.0.0.1:${base + 1}`,
    '--listen-peer-urls',
    `http://127.0.0.1:${base + 2}`,
    '--initial-advertise-peer-urls',
    `http://127.0.0.1:${base + 2}`,
    '--initial-cluster',
    `etcd1=http://127.0.0.1:${base + 2}`,
    '--log-level',
    'warn',
  ]);
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${base + 1}/health`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) break;
    } catch {
      // not yet
    }
    if (i > 100) throw new Error(`etcd did not start:\n${log}`);
    await sleep(100);
  }

  const patronis = new Map<string, ChildProcess>();
  const startPatroni = (name: string, index: number) => {
    const file = join(dir, `${name}.yml`);
    writeFileSync(
      file,
      patroniConfig({ name, base, index, dir, bin: found.bin, fast: options.fast ?? false }),
    );
    own(file);
    const [patroni, ...patroniArgs] = patroniCommand();
    patronis.set(name, run(name, patroni!, [...patroniArgs, file]));
  };

  const members: HaMember[] = ['pg1', 'pg2'].map((name, index) => {
    const pgPort = base + 21 + index;
    return {
      name,
      pgPort,
      apiPort: base + 11 + index,
      url: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
      dataDir: join(dir, name),
      killPostgres() {
        const pidFile = join(dir, name, 'postmaster.pid');
        if (!existsSync(pidFile)) return;
        killTree(Number(readFileSync(pidFile, 'utf8').split('\n')[0]));
      },
      killHost() {
        const patroni = patronis.get(name);
        if (patroni?.pid) killTree(patroni.pid);
        this.killPostgres();
      },
      startHost() {
        startPatroni(name, index);
      },
    };
  });

  async function primaryMember(not?: HaMember): Promise<HaMember | null> {
    for (const member of members) {
      if (member === not) continue;
      const client = new pg.Client({ connectionString: member.url, connectionTimeoutMillis: 1000 });
      client.on('error', () => {});
      try {
        await client.connect();
        const r = await client.query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery');
        if (!r.rows[0]!.recovery) return member;
      } catch {
        // not yet
      } finally {
        await client.end().catch(() => {});
      }
    }
    return null;
  }

  const cluster: HaCluster = {
    databaseUrl: `postgres://postgres@${members.map((m) => `127.0.0.1:${m.pgPort}`).join(',')}/postgres?target_session_attrs=read-write`,
    members,
    async waitForPrimary(timeoutMs, not) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = await primaryMember(not);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no Patroni primary within ${timeoutMs} ms:\n${log}`);
        await sleep(50);
      }
    },
    async waitForSyncStandby(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const primary = await primaryMember().catch(() => null);
        if (primary) {
          const client = new pg.Client({ connectionString: primary.url, connectionTimeoutMillis: 1000 });
          client.on('error', () => {});
          try {
            await client.connect();
            const r = await client.query<{ n: number }>(
              `select count(*)::int as n from pg_stat_replication where sync_state in ('sync', 'quorum') and state = 'streaming'`,
            );
            // Patroni fails over only to the standby its DCS names as synchronous, which it records a moment later
            const standbys = await Promise.all(
              members.filter((m) => m !== primary).map((m) => patroniRole(m.apiPort)),
            );
            if (r.rows[0]!.n > 0 && standbys.some((s) => s?.sync_standby === true)) return;
          } catch {
            // not yet
          } finally {
            await client.end().catch(() => {});
          }
        }
        if (Date.now() > deadline) throw new Error(`no synchronous standby within ${timeoutMs} ms:\n${log}`);
        await sleep(300);
      }
    },
    async editConfig(change) {
      for (const member of members) {
        const response = await fetch(`http://127.0.0.1:${member.apiPort}/config`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(change),
          signal: AbortSignal.timeout(3000),
        }).catch(() => null);
        if (response?.ok) return;
      }
      throw new Error(`no Patroni took the configuration change ${JSON.stringify(change)}:\n${log}`);
    },
    output: () => log,
    async destroy() {
      for (const child of [...children].reverse()) {
        if (child.pid && child.exitCode === null) killTree(child.pid);
      }
      for (const member of members) member.killPostgres();
      await sleep(300);
      rmSync(dir, { recursive: true, force: true });
    },
  };

  startPatroni('pg1', 0);
  await cluster.waitForPrimary(60_000);
  startPatroni('pg2', 1);
  await cluster.waitForSyncStandby(90_000);
  return cluster;
}
