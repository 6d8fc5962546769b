/**
 * A quick figure for the alarm store path alone (no sockets): `raisers` callers in a closed loop, each raising a
 * panic for one of `buttons` buttons and raising the next one as soon as the previous is committed.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/alarm-raise.ts [raisers] [buttons] [seconds]
 *
 * Without DATABASE_URL it runs on PGlite. Prints durable panics/s and the commit latency p50/p99.
 */
import type { DeviceRoute } from '../server/src/devices/directory.ts';
import { startTestPlatform } from '../server/src/testing/platform.ts';

const [raisers = 50, buttons = 100, seconds = 10] = process.argv.slice(2).map(Number);
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const p = await startTestPlatform(engine);
try {
  await p.db.query(
    `insert into devices (organisation_id, vendor, model, serial, protocol, account, state)
     select organisation_id, vendor, model, 'BENCH-' || n, 'dc09', 'b' || n, 'issued'
     from devices, generate_series(1, $1::int) n where account = '1001'`,
    [buttons],
  );
  const routes = (
    await p.db.query<DeviceRoute & { account: string }>(
      `select d.id, d.case_id as "caseId", o.region_id as "regionId", d.test_mode as "testMode",
              d.key_sealed as "keySealed", d.vendor, d.account
       from devices d join organisations o on o.id = d.organisation_id where d.account like 'b%'`,
    )
  ).rows;
  const sequences = new Map<string, number>();
  const latencies: number[] = [];
  let cursor = 0;
  let failed = 0;
  const raiseOne = async () => {
    const route = routes[cursor++ % routes.length]!;
    const sequence = ((sequences.get(route.id) ?? 0) % 9999) + 1;
    sequences.set(route.id, sequence);
    const started = performance.now();
    await p.alarms.raise(
      {
        protocol: 'dc09',
        deviceAccount: route.account,
        kind: 'panic',
        sequence: String(sequence).padStart(4, '0'),
        occurredAt: new Date(),
        receivedAt: new Date(),
        raw: `"SIA-DCS"${sequence}L0#${route.account}[#${route.account}|Nri1/PA501]`,
      },
      route,
      'panic',
    );
    return performance.now() - started;
  };
  // warm-up
  await Promise.all(Array.from({ length: raisers }, () => raiseOne()));
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: raisers }, async () => {
      while (performance.now() < until) {
        try {
          latencies.push(await raiseOne());
        } catch {
          failed++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  console.log(
    `${engine}: ${raisers} raisers, ${routes.length} buttons, ${elapsed.toFixed(1)} s: ` +
      `${(latencies.length / elapsed).toFixed(0)} durable panics/s, commit p50 ${at(0.5).toFixed(1)} ms, ` +
      `p99 ${at(0.99).toFixed(1)} ms, ${failed} failed`,
  );
} finally {
  await p.close();
}
