/**
 * Group commit for alarms. An alarm arriving at an idle lane waits at most `maxWaitMs` for company; alarms that
 * arrive while the writers are busy go in the next batch as soon as a writer is free (they have waited already);
 * a full batch goes at once. `commit` stores a batch in one transaction and returns one result per item, in
 * order; each caller's promise settles only after that commit (persist, then acknowledge).
 *
 * A batch whose commit fails is committed again alarm by alarm, so one alarm the database refuses fails alone
 * and its neighbours are stored. When the database itself is unreachable, every alarm of the batch fails at
 * once and the devices retry.
 */
export function createAlarmLane<T, R>(
  commit: (items: T[]) => Promise<R[]>,
  options: { maxWaitMs?: number; maxBatch?: number; writers?: number } = {},
) {
  const maxWaitMs = options.maxWaitMs ?? 1;
  const maxBatch = options.maxBatch ?? 256;
  const writers = options.writers ?? 2;
  const queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let busy = 0;
  let timer: NodeJS.Timeout | null = null;
  const running = new Set<Promise<void>>();

  async function write(batch: typeof queue) {
    try {
      const results = await commit(batch.map((p) => p.item));
      for (const [i, p] of batch.entries()) p.resolve(results[i]!);
      return;
    } catch (error) {
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const p of batch) p.reject(error);
        return;
      }
    }
    // one by one, in arrival order (a repeated press folds into the press before it)
    for (const [i, p] of batch.entries()) {
      try {
        const [result] = await commit([p.item]);
        p.resolve(result!);
      } catch (error) {
        p.reject(error);
        if (isDatabaseUnavailable(error)) {
          for (const rest of batch.slice(i + 1)) rest.reject(error);
          return;
        }
      }
    }
  }

  function startWriters() {
    if (timer) clearTimeout(timer);
    timer = null;
    while (busy < writers && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      busy++;
      const done: Promise<void> = write(batch).finally(() => {
        busy--;
        running.delete(done);
        startWriters();
      });
      running.add(done);
    }
  }

  return {
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (busy >= writers) return; // a writer takes it the moment it is free
        if (queue.length >= maxBatch) startWriters();
        else timer ??= setTimeout(startWriters, maxWaitMs);
      });
    },
    /** Commits what is queued and waits for every batch in progress (shutdown). */
    async drain() {
      startWriters();
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

export type AlarmLane<T, R> = ReturnType<typeof createAlarmLane<T, R>>;

/**
 * Whether an error means the database could not be reached or is shutting down (SQLSTATE classes 08, 53, 57,
 * 58, or a driver error without SQLSTATE: refused, reset, timed out), rather than a refusal of this statement.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return ['08', '53', '57', '58'].includes(code.slice(0, 2));
}
