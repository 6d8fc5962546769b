import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { audit } from '../server/src/audit/index.ts';
import { canonicalJson } from '../server/src/audit/leaf.ts';
import { createAuditSequencer } from '../server/src/audit/sequencer.ts';
import type { Queryable } from '../server/src/db/index.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { openPostgres } from '../server/src/db/postgres.ts';
import { testAuditKey } from '../server/src/testing/audit-keys.ts';

// tsx bench/audit-append.ts -- --url postgres://postgres@127.0.0.1:5432/postgres
// Audit appends per second from N concurrent transactions on a scratch PostgreSQL database: the
// pre-0020 chained append (global advisory lock, read the last hash, insert) against the lock-free insert
// (with the sequencer integrating alongside, as on the leader).
const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    workers: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '5' },
  },
});
const workers = Number(values.workers);
const seconds = Number(values.seconds);
const ctx = { actor: { kind: 'system' as const, id: null, label: 'bench', grants: [] }, ip: null };
const event = {
  action: 'case.read',
  access: 'read' as const,
  recordType: 'case',
  recordId: 'bench',
  details: { n: 1 },
};

/** The append as it was before migration 0020 (server/src/audit/repository.ts at that time). */
async function chainedAppend(tx: Queryable) {
  await tx.query('select pg_advisory_xact_lock($1)', [7_301_002]);
  const last = await tx.query<{ hash: string | null }>(
    'select hash from audit_log order by seq desc limit 1',
  );
  const prev = last.rows[0]?.hash ?? '0'.repeat(64);
  const at = new Date();
  const body = canonicalJson({ at: at.toISOString(), actorLabel: 'bench', ...event });
  const hash = createHash('sha256').update(prev).update('|').update(body).digest('hex');
  await tx.query(
    `insert into audit_log (at, actor_id, actor_label, action, access, record_type, record_id, ip, reason, details, prev_hash, hash)
     values ($1, null, 'bench', $2, $3, $4, $5, null, null, $6, $7, $8)`,
    [
      at,
      event.action,
      event.access,
      event.recordType,
      event.recordId,
      JSON.stringify(event.details),
      prev,
      hash,
    ],
  );
}

const admin = new pg.Client({ connectionString: values.url });
await admin.connect();
const name = `aware_audit_bench_${process.pid}`;
await admin.query(`create database ${name}`);
const url = new URL(values.url);
url.pathname = `/${name}`;
const db = await openPostgres(url.toString(), { max: workers + 2 });
await migrate(db);

async function measure(label: string, append: (tx: Queryable) => Promise<void>, sequence: boolean) {
  const { key } = testAuditKey();
  const sequencer = createAuditSequencer(db, () => key);
  let running = true;
  const integrating = (async () => {
    while (running && sequence) {
      await sequencer.run();
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  let done = 0;
  const until = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < until) {
        await db.transaction(append);
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  running = false;
  await integrating;
  console.log(
    `${label}: ${Math.round(done / elapsed)} appends/s (${done} in ${elapsed.toFixed(1)} s, ${workers} transactions at a time)`,
  );
}

try {
  await measure('before (chained, global lock)', chainedAppend, false);
  await measure('after (lock-free insert + sequencer)', (tx) => audit(tx, ctx, event), true);
} finally {
  await db.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
