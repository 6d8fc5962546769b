import type { Socket } from 'node:net';
import { type AnswerDeps, answerItem } from './answer.ts';
import { Dc09Framer } from './framer.ts';

export interface ConnectionOptions {
  idleTimeoutMs: number;
  maxFrameBytes: number;
  /** consecutive refused frames after which the connection is closed */
  maxConsecutiveRefusals?: number;
}

/** Frames queued on one connection before reading from it pauses (backpressure on a slow store). */
const PAUSE_AT = 32;
const RESUME_AT = 8;

/**
 * Serves one TCP (or TLS) connection: frames are answered strictly in order, each reply written
 * only once its event is stored. Each connection has its own queue, so a slow store on one
 * connection does not hold up another.
 */
export function serveConnection(socket: Socket, deps: AnswerDeps, options: ConnectionOptions): void {
  const framer = new Dc09Framer(options.maxFrameBytes);
  const maxRefusals = options.maxConsecutiveRefusals ?? 16;
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;
  let refusals = 0;

  socket.setNoDelay(true);
  socket.setTimeout(options.idleTimeoutMs);
  socket.on('timeout', () => {
    // Not idle while a reply is still waiting for the store.
    if (pending > 0) socket.setTimeout(options.idleTimeoutMs);
    else socket.destroy();
  });
  socket.on('error', (error) => deps.log.info({ err: error.message }, 'DC-09 connection error'));
  socket.on('data', (chunk: Buffer) => {
    for (const item of framer.push(chunk)) {
      pending += 1;
      if (pending >= PAUSE_AT) socket.pause();
      queue = queue.then(async () => {
        try {
          const answer = await answerItem(item, deps, 'tcp');
          refusals = answer.outcome === 'nak' || answer.outcome === 'duh' ? refusals + 1 : 0;
          if (!socket.destroyed) socket.write(answer.reply, 'latin1');
          // A peer that only sends what we refuse is not a dialler: stop reading from it.
          if (refusals >= maxRefusals) socket.end();
        } catch (error) {
          deps.log.error(
            { err: error instanceof Error ? error.message : String(error) },
            'DC-09 reply failed',
          );
        } finally {
          pending -= 1;
          if (pending <= RESUME_AT && socket.isPaused() && !socket.destroyed) socket.resume();
        }
      });
    }
  });
}
