import { spawnTsx } from './child.ts';
import type { ChildCommand, Engine, ServerReady, ServerStats } from './protocol.ts';

export interface ServerChild {
  ready: ServerReady;
  stats(gc?: boolean): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** Starts bench/server.ts in its own process and waits for its `ready` line. */
export async function startServerChild(
  engine: Engine,
  env: Record<string, string> = {},
): Promise<ServerChild> {
  const child = spawnTsx('bench/server.ts', { ...env, BENCH_ENGINE: engine });
  const ready = await child.next<ServerReady>((m) => m.type === 'ready', 120_000);
  let id = 0;
  return {
    ready,
    stats(gc = false) {
      const command: ChildCommand = { cmd: 'stats', id: ++id, gc };
      const answer = child.next<ServerStats>((m) => m.type === 'stats' && m.id === command.id, 30_000);
      child.write(command);
      return answer;
    },
    async stop() {
      child.write({ cmd: 'stop' } satisfies ChildCommand);
      const timer = setTimeout(() => child.process.kill('SIGKILL'), 30_000);
      await child.exited;
      clearTimeout(timer);
    },
  };
}
