import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child process that speaks JSON lines on stdin/stdout; stderr is passed through. */
export interface LineChild {
  process: ChildProcess;
  /** resolves with the first line matching `match`, rejects when the child exits first or on timeout */
  next<T>(match: (message: { type?: string; id?: number }) => boolean, timeoutMs: number): Promise<T>;
  write(message: object | string): void;
  exited: Promise<number | null>;
}

/**
 * Starts `node --import tsx <script>` through `sh -c 'ulimit -n …; exec …'` so the child may hold
 * many sockets; after exec the pid is the node process itself (its /proc entry is the server's).
 */
export function spawnTsx(script: string, env: Record<string, string>, options: { fdLimit?: number } = {}) {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") reaches the server child only: bench/profile.ts
  const extra = env.BENCH_NODE_ARGS ? env.BENCH_NODE_ARGS.split(' ').filter(Boolean) : [];
  const args = ['--expose-gc', ...extra, '--import', 'tsx', script];
  const quoted = [process.execPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const fd = options.fdLimit ?? 65_536;
  const child = spawn('sh', ['-c', `ulimit -n ${fd} 2>/dev/null || ulimit -n 20000; exec ${quoted}`], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return wrap(child);
}

function wrap(child: ChildProcess): LineChild {
  const waiters: { match: (m: { type?: string; id?: number }) => boolean; resolve: (m: unknown) => void }[] =
    [];
  const backlog: { type?: string; id?: number }[] = [];
  let exitCode: number | null | undefined;
  const exitListeners: (() => void)[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      for (const l of exitListeners.splice(0)) l();
      resolve(code);
    }),
  );
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let message: { type?: string; id?: number };
    try {
      message = JSON.parse(line) as { type?: string; id?: number };
    } catch {
      process.stderr.write(`[child stdout] ${line}\n`);
      return;
    }
    const index = waiters.findIndex((w) => w.match(message));
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(message);
    else backlog.push(message);
  });
  return {
    process: child,
    exited,
    write(message) {
      child.stdin!.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
    },
    next<T>(match: (m: { type?: string; id?: number }) => boolean, timeoutMs: number): Promise<T> {
      const queued = backlog.findIndex(match);
      if (queued >= 0) return Promise.resolve(backlog.splice(queued, 1)[0] as T);
      return new Promise<T>((resolve, reject) => {
        if (exitCode !== undefined) {
          reject(new Error(`child exited (${exitCode}) before answering`));
          return;
        }
        const timer = setTimeout(
          () => reject(new Error(`child did not answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const waiter = {
          match,
          resolve: (m: unknown) => {
            clearTimeout(timer);
            resolve(m as T);
          },
        };
        waiters.push(waiter);
        exitListeners.push(() => {
          clearTimeout(timer);
          reject(new Error(`child exited (${exitCode}) before answering`));
        });
      });
    },
  };
}
