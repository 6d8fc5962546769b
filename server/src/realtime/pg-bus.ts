import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type Bus, type BusMessage, createLocalBus } from './bus.ts';

const CHANNEL = 'aware_events';

/**
 * Several nodes on one PostgreSQL: each message is delivered locally at once and sent to the other
 * nodes with NOTIFY; a dedicated connection LISTENs and reconnects after an outage. A node ignores
 * its own notifications, so local consoles never depend on the database round trip.
 */
export function createPostgresBus(url: string, log: { warn(o: object, m: string): void }): Bus {
  const local = createLocalBus();
  const nodeId = randomUUID();
  const publisher = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2000 });
  publisher.on('error', () => {});
  let listener: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  async function listen() {
    if (closed) return;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('notification', (n) => {
      if (!n.payload) return;
      try {
        const { from, message } = JSON.parse(n.payload) as { from: string; message: BusMessage };
        if (from !== nodeId) local.publish(message);
      } catch {
        // not ours
      }
    });
    const reconnect = () => {
      if (closed || retry) return;
      listener = null;
      retry = setTimeout(() => {
        retry = null;
        void listen();
      }, 1000);
    };
    client.on('error', reconnect);
    client.on('end', reconnect);
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      listener = client;
    } catch (error) {
      log.warn({ errorName: (error as Error).name }, 'event bus: LISTEN connection failed; retrying');
      client.end().catch(() => {});
      reconnect();
    }
  }
  void listen();

  return {
    publish(message) {
      local.publish(message);
      publisher
        .query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: nodeId, message })])
        .catch((error) => log.warn({ errorName: (error as Error).name }, 'event bus: NOTIFY failed'));
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await listener?.end().catch(() => {});
      await publisher.end().catch(() => {});
      await local.close();
    },
  };
}
