import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * The window in which an audit entry is committed but not yet tamper-evident (not in a signed checkpoint).
 * Read from the database at scrape time, so every node reports it, leader or not.
 */
export function auditMetrics(
  registry: Registry,
  pending: () => Promise<{ entries: number; oldestSeconds: number }>,
) {
  let last: Promise<{ entries: number; oldestSeconds: number } | null> | null = null;
  // one database read per scrape for both gauges
  const read = () => {
    last ??= pending()
      .catch(() => null)
      .finally(() => setTimeout(() => (last = null), 0).unref());
    return last;
  };
  new Gauge({
    name: 'aware_audit_unintegrated',
    help: 'Committed audit entries not yet integrated into the signed Merkle tree',
    registers: [registry],
    async collect() {
      const p = await read();
      if (p) this.set(p.entries);
    },
  });
  new Gauge({
    name: 'aware_audit_sequencer_lag_seconds',
    help: 'Age of the oldest audit entry not yet integrated (0 when none waits)',
    registers: [registry],
    async collect() {
      const p = await read();
      if (p) this.set(p.oldestSeconds);
    },
  });
  const integrated = new Counter({
    name: 'aware_audit_integrated_total',
    help: 'Audit entries integrated into the Merkle tree by this node',
    registers: [registry],
  });
  const treeSize = new Gauge({
    name: 'aware_audit_tree_size',
    help: 'Size of the Merkle tree in the last checkpoint this node signed',
    registers: [registry],
  });
  return {
    batch(entries: number, size: number) {
      integrated.inc(entries);
      treeSize.set(size);
    },
  };
}
