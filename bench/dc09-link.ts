import { connect, type Socket } from 'node:net';
import { parseKey } from '../server/src/crypto/aes-key.ts';
import { Dc09Framer } from '../server/src/ingest/dc09/framer.ts';
import { buildFrame, classifyReply, type SimulatedKind } from '../tools/simulator/src/dc09-dialler.ts';
import type { BenchDevice } from './protocol.ts';

export type LinkOutcome = 'ACK' | 'NAK' | 'DUH' | 'timeout' | 'closed';

export interface LinkReply {
  outcome: LinkOutcome;
  /** frame written → reply read, ms */
  latencyMs: number;
}

interface Waiting {
  sequence: number;
  started: number;
  timer: NodeJS.Timeout;
  resolve(reply: LinkReply): void;
}

/** One address of 127/8 per `perSource` connections, so the receiver's per-source limit is never hit. */
export function sourceAddress(index: number, perSource: number, block: number): string {
  const k = Math.floor(index / perSource);
  return `127.${block}.${Math.floor(k / 250)}.${(k % 250) + 1}`;
}

/**
 * A persistent DC-09 TCP connection for one device, bound to a chosen loopback source address
 * (the simulator's Dc09Connection cannot bind one). Replies are matched by SEQ; a NAK (no SEQ)
 * answers the oldest frame waiting.
 */
export class BenchLink {
  #framer = new Dc09Framer();
  #waiting: Waiting[] = [];
  #key: Buffer | undefined;

  private constructor(
    private readonly socket: Socket,
    readonly device: BenchDevice,
    private readonly timeoutMs: number,
  ) {
    if (device.key !== undefined) {
      const parsed = parseKey(device.key);
      if (!parsed.ok) throw new Error(parsed.error);
      this.#key = parsed.key;
    }
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      for (const w of this.#waiting.splice(0)) this.#settle(w, 'closed');
    });
  }

  static open(options: {
    host: string;
    port: number;
    localAddress: string;
    device: BenchDevice;
    timeoutMs: number;
  }): Promise<BenchLink> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port, localAddress: options.localAddress });
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new BenchLink(socket, options.device, options.timeoutMs));
      });
    });
  }

  get closed(): boolean {
    return this.socket.destroyed;
  }

  /** frames written on this link and not answered yet */
  get outstanding(): number {
    return this.#waiting.length;
  }

  /**
   * Sends one message and resolves with its reply; the clock starts after the frame is built. `account`:
   * another plaintext device's account sent over this connection (several buttons behind one link).
   */
  send(
    kind: SimulatedKind,
    sequence: number,
    position?: { lat: number; lon: number },
    account = this.device.account,
  ): Promise<LinkReply> {
    const key = account === this.device.account ? this.#key : undefined;
    const frame = buildFrame(
      { account, key, kind, lat: position?.lat, lon: position?.lon },
      sequence,
      new Date(),
    );
    return new Promise((resolve) => {
      const waiting: Waiting = {
        sequence,
        started: performance.now(),
        timer: setTimeout(() => {
          this.#waiting.splice(this.#waiting.indexOf(waiting), 1);
          this.#settle(waiting, 'timeout');
        }, this.timeoutMs),
        resolve,
      };
      this.#waiting.push(waiting);
      this.socket.write(frame, 'latin1');
    });
  }

  close(): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.destroy();
    });
  }

  #onData(chunk: Buffer): void {
    const now = performance.now();
    for (const item of this.#framer.push(chunk)) {
      if (item.kind !== 'frame') continue;
      const reply = classifyReply(item.text, this.#key);
      if (!reply) continue;
      const index =
        reply.sequence === undefined
          ? 0
          : this.#waiting.findIndex((w) => w.sequence === Number(reply.sequence));
      const waiting = this.#waiting[index];
      if (index < 0 || !waiting) continue;
      this.#waiting.splice(index, 1);
      this.#settle(waiting, reply.outcome, now);
    }
  }

  #settle(waiting: Waiting, outcome: LinkOutcome, now = performance.now()): void {
    clearTimeout(waiting.timer);
    waiting.resolve({ outcome, latencyMs: now - waiting.started });
  }
}

/** Opens one link per device, `concurrency` connects at a time; source addresses from `block`. */
export async function openLinks(options: {
  host: string;
  port: number;
  devices: readonly BenchDevice[];
  block: number;
  perSource: number;
  timeoutMs: number;
  concurrency?: number;
}): Promise<BenchLink[]> {
  const links: BenchLink[] = new Array(options.devices.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < options.devices.length; i = next++) {
      links[i] = await BenchLink.open({
        host: options.host,
        port: options.port,
        localAddress: sourceAddress(i, options.perSource, options.block),
        device: options.devices[i]!,
        timeoutMs: options.timeoutMs,
      });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 100 }, worker));
  return links;
}
