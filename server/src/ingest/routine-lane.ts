import type { Database } from '../db/index.ts';
import { type RoutineUpdate, writeRoutineUpdates } from './routine-repository.ts';

export type { RoutineUpdate } from './routine-repository.ts';

interface Pending {
  update: RoutineUpdate;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for heartbeats and routine positions: an update waits at most `maxWaitMs` when the lane
 * is idle, or for the write in progress, then goes to the database with everything queued, in one statement. Alarms never pass through here, so they never queue
 * behind bulk traffic. Each caller's promise settles when its update is committed.
 */
export function createRoutineLane(db: Database, options: { maxWaitMs?: number; maxBatch?: number } = {}) {
  const maxWaitMs = options.maxWaitMs ?? 10;
  const maxBatch = options.maxBatch ?? 500;
  const queue: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;

  async function write(batch: Pending[]) {
    // one row per device: the newest update wins
    const latest = new Map<string, RoutineUpdate>();
    for (const { update } of batch) {
      const prev = latest.get(update.deviceId);
      if (!prev || prev.seenAt <= update.seenAt) latest.set(update.deviceId, update);
    }
    await writeRoutineUpdates(db, [...latest.values()]);
  }

  let idle: Promise<void> = Promise.resolve();
  let writing = false;

  /** One writer: each write takes everything queued meanwhile, so batches grow with the load. */
  async function writeAll() {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        await write(batch);
        for (const p of batch) p.resolve();
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
  }

  function start() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (writing) return idle;
    writing = true;
    idle = writeAll().finally(() => {
      writing = false;
    });
    return idle;
  }

  return {
    submit(update: RoutineUpdate): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ update, resolve, reject });
        // while a write runs, what arrives waits for the next one; when idle, wait a moment for company
        if (!writing) {
          if (queue.length >= maxBatch) void start();
          else timer ??= setTimeout(start, maxWaitMs);
        }
      });
    },
    /** Writes what is queued and waits for it (shutdown). */
    async drain() {
      await start();
      if (queue.length > 0) await start();
    },
  };
}

export type RoutineLane = ReturnType<typeof createRoutineLane>;
