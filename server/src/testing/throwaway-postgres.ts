import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL cluster of a test's own, to kill and restart at will (the shared server is never touched).
 * Needs the server binaries (initdb, postgres); as root, also the `postgres` user, because PostgreSQL
 * refuses to run as root.
 */
export interface ThrowawayPostgres {
  /** superuser URL of the `postgres` database, trust authentication */
  url: string;
  port: number;
  /** kill -9 of the postmaster and every backend, as a crash would: nothing is shut down cleanly */
  kill(): Promise<void>;
  /** starts again on the same port and data (crash recovery), resolves once it answers */
  start(): Promise<void>;
  /** stops it and removes its files */
  destroy(): Promise<void>;
}

interface Binaries {
  bin: string;
  /** the command prefix that runs a binary as a user PostgreSQL accepts */
  asUser: string[];
  uid?: number;
  gid?: number;
}

/** The binaries to use, or a sentence naming what is missing. */
export function findPostgresBinaries(): Binaries | { missing: string } {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  // PG_BINDIR, when set, is the only place looked at
  const candidates = process.env.PG_BINDIR
    ? [process.env.PG_BINDIR]
    : [...versions, ...(process.env.PATH ?? '').split(delimiter)];
  const bin = candidates.find(
    (dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')),
  );
  if (!bin)
    return {
      missing:
        'the PostgreSQL server binaries initdb and postgres (install postgresql, or set PG_BINDIR to their directory)',
    };
  if (process.getuid?.() !== 0) return { bin, asUser: [] };
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { bin, asUser: ['runuser', '-u', 'postgres', '--'], uid, gid };
  } catch {
    return {
      missing: "a 'postgres' user to run a throwaway PostgreSQL as (PostgreSQL refuses to run as root)",
    };
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Child processes of `pid`, read from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the command name is in parentheses and may hold spaces: fields after it start with state, ppid
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** Still running (a zombie waiting for its parent counts as gone). */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const found = findPostgresBinaries();
  if ('missing' in found) throw new Error(`a throwaway PostgreSQL needs ${found.missing}`);
  const { bin, asUser, uid, gid } = found;
  const dir = mkdtempSync(join(tmpdir(), 'aware-pg-'));
  if (uid !== undefined && gid !== undefined) chownSync(dir, uid, gid);
  const data = join(dir, 'data');
  const run = (command: string, args: string[]) => {
    const [file, ...rest] = [...asUser, join(bin, command), ...args];
    return { file: file!, args: rest };
  };
  const init = run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  execFileSync(init.file, init.args, { stdio: 'pipe' });
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | null = null;
  let output = '';

  async function start() {
    // fsync off: a killed process loses nothing the operating system already has, and tests stay light
    const server = run('postgres', [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=100',
    ]);
    child = spawn(server.file, server.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-5_000);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.query('select 1');
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`throwaway PostgreSQL did not start:\n${output}`);
        await sleep(100);
      }
    }
  }

  async function kill() {
    const pidFile = join(data, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const all = [postmaster, ...childrenOf(postmaster)];
    for (const pid of all) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const deadline = Date.now() + 10_000;
    while (all.some(alive) && Date.now() < deadline) await sleep(50);
    if (child && child.exitCode === null && child.signalCode === null)
      await new Promise((resolve) => child!.once('exit', resolve));
    child = null;
  }

  await start();
  return {
    url,
    port,
    kill,
    start,
    async destroy() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
