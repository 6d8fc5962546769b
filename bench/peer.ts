import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawnTsx } from './child.ts';
import { type BenchLink, openLinks } from './dc09-link.ts';
import type { BenchDevice } from './protocol.ts';
import type { Figure, ScenarioResult } from './results.ts';
import { sleep } from './scenarios.ts';
import type { ServerChild } from './server-child.ts';
import { percentile } from './stats.ts';

const PEER_PACKAGE = 'iobroker.sia';
const LINKS = 50;

export type PeerInstall = { module: string; version: string; dir: string } | { skipped: string };

/**
 * Installs the peer into a temporary folder with the ordinary npm client (never a dependency of this
 * project). Install scripts are skipped: the receiver class needs none of the native modules the
 * adapter's other dependencies would build.
 */
export async function installPeer(): Promise<PeerInstall> {
  const dir = mkdtempSync(join(tmpdir(), 'aware-peer-'));
  try {
    await promisify(execFile)(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        PEER_PACKAGE,
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--loglevel=error',
      ],
      { timeout: 240_000 },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `npm install ${PEER_PACKAGE} failed: ${(error as Error).message.split('\n')[0]}` };
  }
  const root = join(dir, 'node_modules', PEER_PACKAGE);
  const module = join(root, 'build', 'lib', 'sia.js');
  if (!existsSync(module)) return { skipped: `${PEER_PACKAGE} has no build/lib/sia.js (layout changed)` };
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { module, version, dir };
}

interface LoopResult {
  acked: number;
  other: number;
  latencies: number[];
  seconds: number;
}

/**
 * The load generator both receivers get: LINKS persistent connections, each sending panic frames one
 * at a time (the next when the answer came), each with a fresh SEQ; 1 s warm-up, then `seconds` measured.
 */
async function closedLoop(
  port: number,
  devices: BenchDevice[],
  seconds: number,
  firstSequence: number,
  block: number,
): Promise<LoopResult> {
  const links: BenchLink[] = await openLinks({
    host: '127.0.0.1',
    port,
    devices,
    block,
    perSource: 25,
    timeoutMs: 5_000,
  });
  const result: LoopResult = { acked: 0, other: 0, latencies: [], seconds };
  const warm = performance.now() + 1_000;
  const end = warm + seconds * 1000;
  await Promise.all(
    links.map(async (link) => {
      for (let sequence = firstSequence; performance.now() < end && !link.closed; sequence++) {
        const reply = await link.send('panic', sequence % 10_000);
        if (performance.now() < warm || performance.now() > end) continue;
        if (reply.outcome === 'ACK') {
          result.acked++;
          result.latencies.push(reply.latencyMs);
        } else result.other++;
      }
    }),
  );
  await Promise.all(links.map((l) => l.close()));
  return result;
}

/** i. The same panic load against our receiver (which stores each panic) and the peer's (which stores nothing). */
export async function peerSideBySide(
  server: ServerChild,
  install: PeerInstall,
  runs: number,
  seconds: number,
): Promise<ScenarioResult> {
  if ('skipped' in install) throw new Error(`peer not available: ${install.skipped}`);
  const devices = server.ready.panicDevices.filter((d) => d.key === undefined).slice(0, LINKS);
  const peer = spawnTsx('bench/peer-child.ts', {
    PEER_MODULE: install.module,
    PEER_ACCOUNTS: JSON.stringify(devices.map((d) => ({ accountnumber: d.account, aes: false }))),
  });
  const ready = await peer.next<{ port: number; pid: number }>((m) => m.type === 'ready', 30_000);
  const ours: LoopResult[] = [];
  const theirs: LoopResult[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      ours.push(await closedLoop(server.ready.dc09Port, devices, seconds, 1 + run * 3_000, 80 + run));
      await sleep(500);
      theirs.push(await closedLoop(ready.port, devices, seconds, 1 + run * 3_000, 90 + run));
      await sleep(500);
    }
  } finally {
    peer.write('stop');
    await peer.exited;
  }
  const perSecond = (r: LoopResult) => r.acked / r.seconds;
  const p = (r: LoopResult, q: number) => percentile(r.latencies, q);
  const ratio = (a: number[], b: number[]) => a.map((x, i) => x / b[i]!);
  const oursRate = ours.map(perSecond);
  const theirRate = theirs.map(perSecond);
  const row = (label: string, unit: string, runsOf: number[], decimals = 1): Figure => ({
    label,
    unit,
    runs: runsOf,
    target: null,
    decimals,
  });
  return {
    id: 'i',
    title: `A peer side by side: the receiver class of ${PEER_PACKAGE} ${install.version} (npm) standalone, and ours, fed by the same closed-loop generator: ${LINKS} persistent connections, one panic frame in flight each, a fresh SEQ per frame, ${seconds} s per run after 1 s warm-up`,
    figures: [
      row('Aware: panics ACKed (each committed: alarm, position, audit entry)', '/s', oursRate, 0),
      row(`${PEER_PACKAGE}: panics ACKed (nothing stored)`, '/s', theirRate, 0),
      row('throughput ratio Aware / peer', '×', ratio(oursRate, theirRate), 2),
      row(
        'Aware: panic frame → ACK p50',
        'ms',
        ours.map((r) => p(r, 50)),
      ),
      row(
        `${PEER_PACKAGE}: panic frame → ACK p50`,
        'ms',
        theirs.map((r) => p(r, 50)),
      ),
      row(
        'ACK latency ratio p50 Aware / peer',
        '×',
        ratio(
          ours.map((r) => p(r, 50)),
          theirs.map((r) => p(r, 50)),
        ),
        2,
      ),
      row(
        'Aware: panic frame → ACK p99',
        'ms',
        ours.map((r) => p(r, 99)),
      ),
      row(
        `${PEER_PACKAGE}: panic frame → ACK p99`,
        'ms',
        theirs.map((r) => p(r, 99)),
      ),
      row(
        'ACK latency ratio p99 Aware / peer',
        '×',
        ratio(
          ours.map((r) => p(r, 99)),
          theirs.map((r) => p(r, 99)),
        ),
        2,
      ),
    ],
    diagnostics: [
      { label: 'Aware: frames not ACKed', unit: 'count', runs: ours.map((r) => r.other), decimals: 0 },
      {
        label: `${PEER_PACKAGE}: frames not ACKed`,
        unit: 'count',
        runs: theirs.map((r) => r.other),
        decimals: 0,
      },
    ],
    notes: [
      `The peer stores nothing: it parses the frame, checks CRC, length, account and time, writes the ACK and emits an event that nobody persists. Aware answers only after the alarm, its position and its audit entry are committed (persist, then acknowledge), so the ratio is the price of that commit, not of parsing.`,
      `How the peer runs: \`npm install --prefix <tmp> ${PEER_PACKAGE} --ignore-scripts\` at bench time (not a project dependency; the scenario is skipped with a message when the registry cannot be reached); bench/peer-child.ts loads its \`build/lib/sia.js\` and uses the exported \`sia\` class as the adapter does (\`setAccounts\`, \`serverStartTCP\`). That file requires only Node built-ins and the package's \`tools.js\`: no ioBroker adapter-core is loaded, so no shim was needed.`,
      'The peer reads each TCP data event as exactly one frame (no framing), so the generator keeps one frame in flight per connection, which suits both; it also closes a connection 30 s after each message, so every run opens fresh connections. Our server ran with the escalation sweep every 10 minutes in this scenario only: the thousands of open alarms a closed loop creates would otherwise be escalated, each in its own transaction, during the later runs.',
    ],
  };
}
