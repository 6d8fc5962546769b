import type { ServerResponse } from 'node:http';
import type { DatabaseState, DatabaseWatch } from '../ops/database-watch.ts';
import type { Bus } from '../realtime/bus.ts';

const KEEPALIVE_MS = 15_000;
/** how soon a subscriber that missed something tries again while the database still looks up */
const CATCH_UP_RETRY_MS = 1_000;

export interface AlarmStreamSource {
  bus: Pick<Bus, 'subscribe'>;
  databaseWatch: Pick<DatabaseWatch, 'state' | 'current' | 'subscribe'>;
  /** from the bus message alone, before any read: may this subscriber see alarms of that region? */
  maySee(regionId: string): boolean;
  /** the alarm as this subscriber may see it (reads the database; may fail) */
  read(alarmId: string): Promise<object | null>;
  /**
   * Alarms of this subscriber's regions changed after an event id, with their latest event id, oldest
   * first. With `recentBelow`, also those whose recent events have a lower id: ids are taken at insert and
   * committed in any order, so a console that saw id N may not yet have seen a lower one.
   */
  changedSince(eventId: number, recentBelow?: boolean): Promise<{ alarmId: string; eventId: number }[]>;
}

/**
 * One console's server-sent event stream. The server never ends it because a read failed: the
 * subscriber is then told the database state, remembers from which event it is owed alarms, and gets
 * them from `alarm_events` once a read succeeds again (at once when the database comes back up).
 * Answers a function that stops it (when the console goes away).
 */
export function streamAlarms(
  res: ServerResponse,
  source: AlarmStreamSource,
  lastEventId: number | null,
): () => void {
  let closed = false;
  let told: DatabaseState | null = null;
  /** events after this id may not have reached this subscriber */
  let owedAfter: number | null = null;
  let catchingUp = false;
  /** while catching up: the event id up to which the owed alarms have been sent */
  let caughtUpTo: number | null = null;
  /** a console resuming after `lastEventId` may lack lower ids that committed later: look below it once */
  let lookBelow = lastEventId !== null;
  /** per alarm, reads under way and the newest one already written: a slow older read never overwrites it */
  const reads = new Map<string, { started: number; underWay: number; written: number }>();
  let retry: NodeJS.Timeout | undefined;

  const write = (chunk: string) => {
    if (!closed && !res.destroyed) res.write(chunk);
  };
  const status = (database: DatabaseState) => {
    if (database === told) return;
    told = database;
    write(`event: status\ndata: ${JSON.stringify({ database })}\n\n`);
  };

  const owe = (afterEventId: number) => {
    owedAfter = owedAfter === null ? afterEventId : Math.min(owedAfter, afterEventId);
    schedule();
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      // while the database is down, its return (watched below) starts the catch-up instead
      if (source.databaseWatch.state() === 'up') void catchUp();
      else schedule();
    }, CATCH_UP_RETRY_MS);
  };

  const deliver = async (alarmId: string, eventId: number) => {
    const reading = reads.get(alarmId) ?? { started: 0, underWay: 0, written: 0 };
    reads.set(alarmId, reading);
    const order = ++reading.started;
    reading.underWay++;
    let alarm: object | null;
    try {
      alarm = await source.read(alarmId);
    } catch {
      owe(eventId - 1);
      status(await source.databaseWatch.current());
      return;
    } finally {
      if (--reading.underWay === 0) reads.delete(alarmId);
    }
    // a read that started later saw the alarm as it is now (or newer): this one's answer is stale
    if (order < reading.written) return;
    reading.written = order;
    // The event id is where a reconnecting browser resumes: never past what this subscriber is still owed.
    const resumeFrom = Math.min(eventId, owedAfter ?? eventId, caughtUpTo ?? eventId);
    if (alarm) write(`event: alarm\nid: ${resumeFrom}\ndata: ${JSON.stringify(alarm)}\n\n`);
  };

  const catchUp = async () => {
    if (closed || catchingUp || owedAfter === null) return;
    catchingUp = true;
    const from = owedAfter;
    owedAfter = null;
    caughtUpTo = from;
    try {
      const missing = await source.changedSince(from, lookBelow);
      lookBelow = false;
      for (const missed of missing) {
        caughtUpTo = missed.eventId;
        await deliver(missed.alarmId, missed.eventId);
      }
    } catch {
      owe(from);
      status(await source.databaseWatch.current());
    } finally {
      catchingUp = false;
      caughtUpTo = null;
      if (owedAfter !== null) schedule();
    }
  };

  write(': connected\n\nretry: 2000\n\n');
  status(source.databaseWatch.state());
  // Subscribe before replaying so nothing falls between the two; a duplicate is harmless (merged by id).
  const unsubscribe = source.bus.subscribe((message) => {
    if (source.maySee(message.regionId)) void deliver(message.alarmId, message.eventId);
  });
  const unwatch = source.databaseWatch.subscribe((database) => {
    status(database);
    if (database === 'up') void catchUp();
  });
  const keepalive = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS);
  if (lastEventId !== null) {
    owedAfter = lastEventId;
    void catchUp();
  }

  return () => {
    closed = true;
    clearInterval(keepalive);
    clearTimeout(retry);
    unsubscribe();
    unwatch();
  };
}
