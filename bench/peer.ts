import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnTsx } from './child.ts';
import { type BenchLink, openLinks } from './dc09-link.ts';
import type { BenchDevice } from './protocol.ts';
import type { Figure, ScenarioResult } from './results.ts';
import { sleep, targetFor } from './scenarios.ts';
import type { ServerChild } from './server-child.ts';
import { percentile } from './stats.ts';

const PEER_PACKAGE = 'iobroker.sia';
/** 100 buttons over 50 persistent connections, two buttons taking turns on each */
export const BUTTONS = 100;
export const LINKS = 50;
export const DURABLE_PANICS_TARGET = 2_000;
export const PEER_RATIO_TARGET = 0.2;
const VENDORED = join(import.meta.dirname, 'vendor', PEER_PACKAGE);

export type PeerInstall = { module: string; version: string } | { skipped: string };

/**
 * The peer is vendored (bench/vendor/iobroker.sia: its build/lib/sia.js and tools.js, MIT), so the
 * scenario runs without network access and always against the same version.
 */
export function installPeer(): PeerInstall {
  const module = join(VENDORED, 'sia.js');
  if (!existsSync(module)) return { skipped: `${VENDORED} has no sia.js` };
  const { version } = JSON.parse(readFileSync(join(VENDORED, 'package.json'), 'utf8')) as { version: string };
  return { module, version };
}

interface LoopResult {
  acked: number;
  other: number;
  latencies: number[];
  seconds: number;
}

/**
 * The load generator both receivers get: LINKS persistent connections, two buttons (accounts) taking
 * turns on each, one panic frame in flight per connection (the next when the answer came), each with a
 * fresh SEQ; 1 s warm-up, then `seconds` measured.
 */
async function closedLoop(
  port: number,
  buttons: BenchDevice[],
  seconds: number,
  firstSequence: number,
  block: number,
): Promise<LoopResult> {
  const links: BenchLink[] = await openLinks({
    host: '127.0.0.1',
    port,
    devices: buttons.slice(0, LINKS),
    block,
    perSource: 25,
    timeoutMs: 5_000,
  });
  const result: LoopResult = { acked: 0, other: 0, latencies: [], seconds };
  const warm = performance.now() + 1_000;
  const end = warm + seconds * 1000;
  await Promise.all(
    links.map(async (link, i) => {
      const accounts = buttons.filter((_, k) => k % LINKS === i).map((d) => d.account);
      for (let n = 0; performance.now() < end && !link.closed; n++) {
        const sequence = (firstSequence + Math.floor(n / accounts.length)) % 10_000;
        const reply = await link.send('panic', sequence, undefined, accounts[n % accounts.length]);
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
  const devices = server.ready.panicDevices.filter((d) => d.key === undefined).slice(0, BUTTONS);
  if (devices.length < BUTTONS)
    throw new Error(`the server has ${devices.length} plaintext panic devices, ${BUTTONS} wanted`);
  const engine = server.ready.engine;
  const peer = spawnTsx('bench/peer-child.ts', {
    PEER_MODULE: install.module,
    PEER_ACCOUNTS: JSON.stringify(devices.map((d) => ({ accountnumber: d.account, aes: false }))),
  });
  const ready = await peer.next<{ port: number; pid: number }>((m) => m.type === 'ready', 30_000);
  const ours: LoopResult[] = [];
  const theirs: LoopResult[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      ours.push(await closedLoop(server.ready.dc09Port, devices, seconds, 1 + run * 2_500, 80 + run));
      await sleep(500);
      theirs.push(await closedLoop(ready.port, devices, seconds, 1 + run * 2_500, 90 + run));
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
    title: `Durable panics, closed loop, and a peer side by side: the receiver class of ${PEER_PACKAGE} ${install.version} (vendored from npm) standalone, and ours, fed by the same closed-loop generator: ${BUTTONS} buttons over ${LINKS} persistent connections (two taking turns on each), one panic frame in flight per connection, a fresh SEQ per frame, ${seconds} s per run after 1 s warm-up; the two receivers run one after the other in each run`,
    figures: [
      {
        ...row('Aware: durable panics ACKed (each committed: alarm, audit entry)', '/s', oursRate, 0),
        ...targetFor(engine, { op: '>=', value: DURABLE_PANICS_TARGET }),
        headline: 'durable',
      },
      row(`${PEER_PACKAGE}: panics ACKed (nothing stored)`, '/s', theirRate, 0),
      {
        ...row('throughput ratio Aware / peer', '×', ratio(oursRate, theirRate), 2),
        ...targetFor(engine, { op: '>=', value: PEER_RATIO_TARGET }),
        headline: 'peerRatio',
      },
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
      `How the peer runs: its \`build/lib/sia.js\` and \`tools.js\` (MIT) are vendored in bench/vendor/${PEER_PACKAGE} (not a project dependency; no network needed); bench/peer-child.ts loads \`sia.js\` and uses the exported \`sia\` class as the adapter does (\`setAccounts\`, \`serverStartTCP\`). No ioBroker adapter-core is loaded; \`tools.js\` requires \`axios\` and \`node-ssh\` for helpers the receiver never calls, which get empty stand-ins.`,
      'The peer reads each TCP data event as exactly one frame (no framing), so the generator keeps one frame in flight per connection, which suits both; it also closes a connection 30 s after each message, so every run opens fresh connections. Our server ran with the escalation sweep every 10 minutes in this scenario only: the thousands of open alarms a closed loop creates would otherwise be escalated, each in its own transaction, during the later runs.',
    ],
  };
}
