import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { followingPool } from '../db/following-pool.ts';
import { locatePrimary, type PrimaryLocator } from '../db/primary.ts';
import { type AlarmChanged, type Bus, type BusMessage, createLocalBus } from './bus.ts';
import { alarmEventsMissed, replayStart } from './missed-repository.ts';

const CHANNEL = 'aware_events';
/**
 * How far below the newest event id seen a replay looks: identity ids are taken at insert and committed
 * in any order, so an event with a lower id can still commit (and be missed) after a higher one arrived.
 */
const WINDOW = 2_000;
const PAGE = 1_000;
/** an alarm event is written at its transaction's start: one may commit this long after the previous look */
const LONGEST_TRANSACTION_MS = 60_000;
/** failed NOTIFYs kept for another try; beyond this the other nodes' replay is the only way */
const MAX_UNSENT = 10_000;

export interface PostgresBusOptions {
  /** how often a node also looks for alarm events it was not told about (lost NOTIFY); default 10 s */
  sweepMs?: number;
  /** pause before reconnecting LISTEN and before sending failed NOTIFYs again; default 1 s */
  retryMs?: number;
}

/**
 * Several nodes on one PostgreSQL: each message is delivered locally at once and sent to the other
 * nodes with NOTIFY; a dedicated connection LISTENs. A node ignores its own notifications, so local
 * consoles never depend on the database round trip.
 *
 * Nothing is lost when that connection breaks (database restart, network): the node reconnects and
 * replays from `alarm_events` every change it has not delivered yet, de-duplicated by event id. The
 * same catch-up runs every `sweepMs`, for a NOTIFY that the publishing node could not send (it retries
 * too) while the listeners stayed connected.
 */
export function createPostgresBus(
  database: string | PrimaryLocator,
  log: { warn(o: object, m: string): void },
  options: PostgresBusOptions = {},
): Bus {
  const sweepMs = options.sweepMs ?? 10_000;
  const retryMs = options.retryMs ?? 1_000;
  const local = createLocalBus();
  const nodeId = randomUUID();
  // after a failover the bus follows the primary too: a LISTEN on a standby would hear nothing
  const primary = typeof database === 'string' ? locatePrimary(database) : database;
  const db = followingPool(primary, {
    max: 2,
    connectionTimeoutMillis: 2000,
    statement_timeout: 5000,
    query_timeout: 6000,
  });
  let listener: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  // --- what this node delivered: event ids, newest first seen, and the floor nothing is replayed below
  const delivered = new Set<number>();
  let newest = 0;
  let floor: number | null = null;
  let since: Date | null = null;
  let firstContact = 0;
  /** false if this event was delivered before */
  const remember = (eventId: number) => {
    if (delivered.has(eventId)) return false;
    delivered.add(eventId);
    if (eventId > newest) newest = eventId;
    if (delivered.size > 4 * WINDOW) {
      for (const id of delivered) if (id <= newest - WINDOW) delivered.delete(id);
    }
    return true;
  };
  const deliver = (message: AlarmChanged) => {
    if (remember(message.eventId)) local.publish(message);
  };

  let catchingUp: Promise<void> | null = null;
  let catchUpAgain = false;
  let catchUpFailing = false;
  let catchUpRetry: NodeJS.Timeout | null = null;
  async function replay() {
    const start = await replayStart(db);
    if (floor === null || since === null) {
      // first contact: consoles started now fetch older alarms themselves, so nothing before this is replayed
      floor = start.eventId;
      since = start.now;
      firstContact = start.now.getTime();
      return 0;
    }
    let after = Math.max(floor, newest - WINDOW);
    let replayed = 0;
    for (;;) {
      const seen = [...delivered].filter((id) => id > after);
      const missed = await alarmEventsMissed(db, { after, since, seen, limit: PAGE });
      // several missed changes of one alarm: consoles fetch the alarm as it is now, so its newest is enough
      const latest = new Map<string, AlarmChanged>();
      for (const message of missed) {
        if (!remember(message.eventId)) continue;
        latest.delete(message.alarmId);
        latest.set(message.alarmId, message);
      }
      for (const message of latest.values()) local.publish(message);
      replayed += latest.size;
      if (missed.length < PAGE) {
        since = new Date(Math.max(firstContact, start.now.getTime() - LONGEST_TRANSACTION_MS));
        return replayed;
      }
      after = missed.at(-1)!.eventId;
    }
  }
  function catchUp(): Promise<void> {
    if (closed) return Promise.resolve();
    if (catchingUp) {
      catchUpAgain = true;
      return catchingUp;
    }
    catchingUp = (async () => {
      do {
        catchUpAgain = false;
        try {
          const replayed = await replay();
          if (replayed > 0)
            log.warn({ replayed }, 'event bus: alarm changes replayed that this node had missed');
          catchUpFailing = false;
        } catch (error) {
          if (!catchUpFailing)
            log.warn({ errorName: (error as Error).name }, 'event bus: catch-up failed; trying again');
          catchUpFailing = true;
          // after a reconnect the consoles wait for this: try again soon, not only at the next sweep
          catchUpRetry ??= setTimeout(() => {
            catchUpRetry = null;
            void catchUp();
          }, retryMs);
        }
      } while (catchUpAgain && !closed);
      catchingUp = null;
    })();
    return catchingUp;
  }
  const sweep = setInterval(() => void catchUp(), sweepMs);
  sweep.unref();

  let listenFailing = false;
  async function listen() {
    if (closed) return;
    let url: string;
    try {
      url = await primary.url();
    } catch (error) {
      if (!listenFailing)
        log.warn({ errorName: (error as Error).name }, 'event bus: no primary to LISTEN on; retrying');
      listenFailing = true;
      retry = setTimeout(() => {
        retry = null;
        void listen();
      }, retryMs);
      return;
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000, keepAlive: true });
    client.on('notification', (n) => {
      if (!n.payload) return;
      try {
        const { from, message } = JSON.parse(n.payload) as { from: string; message: BusMessage };
        if (from !== nodeId) deliver(message);
      } catch {
        // not ours
      }
    });
    let gone = false;
    const reconnect = (error?: unknown) => {
      // 'error' and 'end' both come for one break: this client is replaced once
      if (closed || gone) return;
      primary.lost(url, error ?? new Error('Connection ended'));
      gone = true;
      if (listener === client && !listenFailing)
        log.warn({}, 'event bus: LISTEN connection lost; reconnecting, then replaying what was missed');
      if (listener === client) listener = null;
      client.end().catch(() => {});
      retry = setTimeout(() => {
        retry = null;
        void listen();
      }, retryMs);
    };
    client.on('error', reconnect);
    client.on('end', reconnect);
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      if (closed) {
        await client.end();
        return;
      }
      listener = client;
      listenFailing = false;
      // listening first, then reading: a change committed in between arrives twice and is delivered once
      void catchUp();
    } catch (error) {
      if (!listenFailing)
        log.warn({ errorName: (error as Error).name }, 'event bus: LISTEN connection failed; retrying');
      listenFailing = true;
      reconnect(error);
    }
  }
  void listen();

  // --- NOTIFYs that failed are sent again (receivers drop duplicates by event id)
  const unsent: string[] = [];
  let resend: NodeJS.Timeout | null = null;
  const notify = (payload: string) => {
    db.query('select pg_notify($1, $2)', [CHANNEL, payload]).catch((error) => {
      if (closed) return;
      if (unsent.length === 0)
        log.warn({ errorName: (error as Error).name }, 'event bus: NOTIFY failed; sending again');
      unsent.push(payload);
      if (unsent.length > MAX_UNSENT) unsent.shift();
      resend ??= setTimeout(() => {
        resend = null;
        for (const again of unsent.splice(0)) notify(again);
      }, retryMs);
    });
  };

  return {
    publish(message) {
      deliver(message);
      notify(JSON.stringify({ from: nodeId, message }));
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      clearInterval(sweep);
      if (retry) clearTimeout(retry);
      if (resend) clearTimeout(resend);
      if (catchUpRetry) clearTimeout(catchUpRetry);
      await catchingUp;
      await listener?.end().catch(() => {});
      await db.end();
      await local.close();
    },
  };
}
