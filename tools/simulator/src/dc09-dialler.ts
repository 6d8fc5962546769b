import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import { parseKey } from '../../../server/src/crypto/aes-key.ts';
import { decryptContent } from '../../../server/src/ingest/dc09/crypto.ts';
import { encodeDc09, locationXdata, siaData } from '../../../server/src/ingest/dc09/encoder.ts';
import { parseFrame, readEnvelope } from '../../../server/src/ingest/dc09/frame.ts';
import { Dc09Framer } from '../../../server/src/ingest/dc09/framer.ts';
import { parseDc09Time } from '../../../server/src/ingest/dc09/timestamp.ts';

export type SimulatedKind = 'panic' | 'test' | 'heartbeat' | 'battery' | 'battery-restored';
export type Dc09ReplyOutcome = 'ACK' | 'NAK' | 'DUH' | 'timeout';

export interface Dc09SendResult {
  /** the last reply frame (between LF and CR), '' when none came */
  reply: string;
  outcome: Dc09ReplyOutcome;
  /** from the first transmission to the final answer */
  latencyMs: number;
  attempts: number;
  /** why the last attempt could not be sent (e.g. connection refused) */
  error?: string;
  /** which receiver gave the final answer (or was tried last) */
  via: 'primary' | 'secondary';
}

/** A receiver address, as programmed into a transmitter. */
export interface ReceiverAddress {
  host: string;
  port: number;
}

export interface SendDc09Options {
  host: string;
  port: number;
  udp?: boolean;
  account: string;
  /** ASCII or hex key, as configured on the receiver (see parseKey) */
  key?: string;
  kind: SimulatedKind;
  lat?: number;
  lon?: number;
  /** 0–9999; a random one when absent */
  sequence?: number;
  timeoutMs: number;
  /** retransmissions after the first attempt, on timeout or NAK */
  retries: number;
  /** source address, e.g. another 127/8 address to stay under a receiver's per-source limit */
  localAddress?: string;
  /**
   * The second receiver address (another Aware node). When the receiver in use cannot be reached or
   * does not answer in time, the dialler goes over to the other one for the next transmission, with
   * the same SEQ: the centre stores the alarm once, whichever node it reaches.
   */
  secondary?: ReceiverAddress;
}

export interface MessageSpec {
  account: string;
  key: Buffer | undefined;
  kind: SimulatedKind;
  lat?: number | undefined;
  lon?: number | undefined;
}

function keyFrom(text: string | undefined): Buffer | undefined {
  if (text === undefined) return undefined;
  const parsed = parseKey(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.key;
}

const SIA_CODE: Record<Exclude<SimulatedKind, 'heartbeat'>, string> = {
  panic: 'PA',
  test: 'RX',
  battery: 'YT',
  'battery-restored': 'YR',
};

/** One complete frame for the message, stamped with `now` (the dialler's corrected clock). */
export function buildFrame(spec: MessageSpec, sequence: number, now: Date): string {
  const xdata = spec.lat !== undefined && spec.lon !== undefined ? locationXdata(spec.lat, spec.lon) : [];
  return encodeDc09({
    token: spec.kind === 'heartbeat' ? 'NULL' : 'SIA-DCS',
    sequence,
    receiver: '0',
    prefix: '0',
    account: spec.account,
    data: spec.kind === 'heartbeat' ? '' : siaData(spec.account, SIA_CODE[spec.kind], '1'),
    xdata,
    timestamp: now,
    ...(spec.key ? { key: spec.key } : {}),
  });
}

export interface ClassifiedReply {
  outcome: Exclude<Dc09ReplyOutcome, 'timeout'>;
  sequence?: string;
  /** the receiver's clock, from a NAK */
  receiverTime?: Date;
}

/** Reads a reply frame; undefined when it is not a valid ACK, NAK or DUH (a dialler ignores those). */
export function classifyReply(text: string, key: Buffer | undefined): ClassifiedReply | undefined {
  const envelope = readEnvelope(text);
  if (!envelope.ok) return undefined;
  if (envelope.envelope.token === 'NAK') {
    const time = parseDc09Time(envelope.envelope.rest.split('_').at(-1) ?? '');
    return time ? { outcome: 'NAK', receiverTime: time } : { outcome: 'NAK' };
  }
  const frame = parseFrame(text);
  if (!frame.ok || (frame.frame.token !== 'ACK' && frame.frame.token !== 'DUH')) return undefined;
  if (frame.frame.token === 'ACK' && frame.frame.encrypted) {
    if (!key || !decryptContent(frame.frame.body, key).ok) return undefined;
  }
  return { outcome: frame.frame.token, sequence: frame.frame.sequence };
}

/** Collects reply frames from a socket and hands them out one by one. */
class ReplyQueue {
  #framer = new Dc09Framer();
  #replies: string[] = [];
  #waiter: (() => void) | undefined;

  push(chunk: Buffer): void {
    for (const item of this.#framer.push(chunk)) if (item.kind === 'frame') this.#replies.push(item.text);
    this.wake();
  }

  wake(): void {
    this.#waiter?.();
  }

  async next(deadline: number): Promise<string | undefined> {
    while (this.#replies.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#waiter = undefined;
    }
    return this.#replies.shift();
  }
}

interface Link {
  send(frame: string): Promise<void>;
  replies: ReplyQueue;
  close(): void;
}

async function openTcp(
  host: string,
  port: number,
  localAddress?: string,
): Promise<Link & { socket: Socket }> {
  const socket = connect({ port, host, ...(localAddress ? { localAddress } : {}) });
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const replies = new ReplyQueue();
  socket.on('data', (chunk: Buffer) => replies.push(chunk));
  socket.on('error', () => {});
  socket.on('close', () => replies.wake());
  return {
    socket,
    replies,
    send: (frame) =>
      new Promise((resolve, reject) =>
        socket.write(frame, 'latin1', (error) => (error ? reject(error) : resolve())),
      ),
    close: () => socket.destroy(),
  };
}

function openUdp(host: string, port: number): Link {
  const socket: UdpSocket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  const replies = new ReplyQueue();
  socket.on('message', (message) => replies.push(message));
  socket.on('error', () => {});
  return {
    replies,
    send: (frame) =>
      new Promise((resolve, reject) =>
        socket.send(Buffer.from(frame, 'latin1'), port, host, (error) => (error ? reject(error) : resolve())),
      ),
    close: () => socket.close(),
  };
}

/**
 * Sends one message like a real dialler: waits for the answer, and on timeout or NAK retransmits
 * with the same SEQ (re-stamped, and with the clock corrected from the NAK, as encrypted messages
 * must carry a current time). DUH is final.
 */
export async function sendDc09(options: SendDc09Options): Promise<Dc09SendResult> {
  const spec: MessageSpec = { ...options, key: keyFrom(options.key) };
  const sequence = options.sequence ?? Math.floor(Math.random() * 10_000);
  const started = performance.now();
  let clockOffsetMs = 0;
  let link: (Link & { socket?: Socket }) | undefined;
  let last: { reply: string; outcome: Dc09ReplyOutcome } = { reply: '', outcome: 'timeout' };
  let attempts = 0;
  let lastError: string | undefined;
  const receivers: ReceiverAddress[] = [
    { host: options.host, port: options.port },
    ...(options.secondary ? [options.secondary] : []),
  ];
  let using = 0;
  /** the receiver in use failed: the next transmission goes to the other address, on a new link */
  const switchReceiver = () => {
    if (receivers.length < 2) return false;
    using = (using + 1) % receivers.length;
    link?.close();
    link = undefined;
    return true;
  };
  const open = async (receiver: ReceiverAddress) =>
    options.udp
      ? openUdp(receiver.host, receiver.port)
      : await openTcp(receiver.host, receiver.port, options.localAddress);
  try {
    while (attempts <= options.retries) {
      attempts += 1;
      const deadline = Date.now() + options.timeoutMs;
      try {
        if (!link || link.socket?.destroyed) {
          link?.close();
          link = undefined;
          try {
            link = await open(receivers[using]!);
          } catch (error) {
            // a refused connection is known at once: this attempt goes to the other address
            if (!switchReceiver()) throw error;
            link = await open(receivers[using]!);
          }
        }
        await link.send(buildFrame(spec, sequence, new Date(Date.now() + clockOffsetMs)));
      } catch (error) {
        // No connection is no answer: wait out the attempt like a dialler would, then try again.
        lastError = error instanceof Error ? error.message : String(error);
        last = { reply: '', outcome: 'timeout' };
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));
        continue;
      }
      lastError = undefined;
      last = { reply: '', outcome: 'timeout' };
      for (
        let text = await link.replies.next(deadline);
        text !== undefined;
        text = await link.replies.next(deadline)
      ) {
        const reply = classifyReply(text, spec.key);
        if (!reply) continue;
        // A late answer to an earlier message on this link is not ours.
        if (reply.sequence !== undefined && Number(reply.sequence) !== sequence) continue;
        last = { reply: text, outcome: reply.outcome };
        if (reply.receiverTime) clockOffsetMs = reply.receiverTime.getTime() - Date.now();
        break;
      }
      if (last.outcome === 'ACK' || last.outcome === 'DUH') break;
      // silence: that receiver may be gone; a NAK is an answer, and the same receiver is asked again
      if (last.outcome === 'timeout') switchReceiver();
    }
  } finally {
    link?.close();
  }
  const result: Dc09SendResult = {
    ...last,
    latencyMs: performance.now() - started,
    attempts,
    via: using === 0 ? 'primary' : 'secondary',
  };
  if (last.outcome === 'timeout' && lastError) result.error = lastError;
  return result;
}

export interface Dc09ConnectionOptions {
  host: string;
  port: number;
  localAddress?: string;
  account: string;
  key?: string;
  timeoutMs: number;
  retries?: number;
}

interface Pending {
  sequence: number;
  spec: MessageSpec;
  attempts: number;
  started: number;
  timer?: NodeJS.Timeout;
  resolve(result: Dc09SendResult): void;
}

/**
 * One persistent TCP connection for load generation: many messages in flight, each answered by
 * SEQ (ACK, DUH) or, for NAK, which carries no SEQ, in sending order.
 */
export class Dc09Connection {
  #pending: Pending[] = [];
  #nextSequence = 1;
  #key: Buffer | undefined;

  private constructor(
    private readonly link: Link & { socket: Socket },
    private readonly options: Dc09ConnectionOptions,
  ) {
    this.#key = keyFrom(options.key);
    link.socket.on('data', () => this.#drain());
    link.socket.on('close', () => {
      for (const pending of this.#pending.splice(0)) this.#finish(pending, '', 'timeout');
    });
  }

  static async open(options: Dc09ConnectionOptions): Promise<Dc09Connection> {
    return new Dc09Connection(await openTcp(options.host, options.port, options.localAddress), options);
  }

  send(message: {
    kind: SimulatedKind;
    lat?: number;
    lon?: number;
    sequence?: number;
  }): Promise<Dc09SendResult> {
    const sequence = message.sequence ?? this.#nextSequence;
    this.#nextSequence = (sequence % 9999) + 1;
    return new Promise((resolve) => {
      const pending: Pending = {
        sequence,
        spec: {
          account: this.options.account,
          key: this.#key,
          kind: message.kind,
          lat: message.lat,
          lon: message.lon,
        },
        attempts: 0,
        started: performance.now(),
        resolve,
      };
      this.#pending.push(pending);
      this.#transmit(pending);
    });
  }

  async close(): Promise<void> {
    this.link.close();
  }

  #transmit(pending: Pending): void {
    pending.attempts += 1;
    this.link.send(buildFrame(pending.spec, pending.sequence, new Date())).catch(() => {});
    pending.timer = setTimeout(() => this.#retryOrFinish(pending, '', 'timeout'), this.options.timeoutMs);
  }

  #retryOrFinish(pending: Pending, reply: string, outcome: 'NAK' | 'timeout'): void {
    clearTimeout(pending.timer);
    if (pending.attempts <= (this.options.retries ?? 0) && !this.link.socket.destroyed)
      this.#transmit(pending);
    else {
      this.#pending.splice(this.#pending.indexOf(pending), 1);
      this.#finish(pending, reply, outcome);
    }
  }

  #finish(pending: Pending, reply: string, outcome: Dc09ReplyOutcome): void {
    clearTimeout(pending.timer);
    pending.resolve({
      reply,
      outcome,
      latencyMs: performance.now() - pending.started,
      attempts: pending.attempts,
      via: 'primary',
    });
  }

  async #drain(): Promise<void> {
    for (
      let text = await this.link.replies.next(0);
      text !== undefined;
      text = await this.link.replies.next(0)
    ) {
      const reply = classifyReply(text, this.#key);
      if (!reply) continue;
      const index =
        reply.sequence === undefined
          ? 0
          : this.#pending.findIndex((p) => p.sequence === Number(reply.sequence));
      const pending = this.#pending[index];
      if (index < 0 || !pending) continue;
      if (reply.outcome === 'NAK') this.#retryOrFinish(pending, text, 'NAK');
      else {
        this.#pending.splice(index, 1);
        this.#finish(pending, text, reply.outcome);
      }
    }
  }
}
