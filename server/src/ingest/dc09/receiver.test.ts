import { createSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../events/device-event.ts';
import { decryptContent } from './crypto.ts';
import { encodeDc09, siaData } from './encoder.ts';
import { parseFrame } from './frame.ts';
import { Dc09Framer } from './framer.ts';
import { type Dc09Receiver, type Dc09ReceiverOptions, startDc09Receiver } from './receiver.ts';

const KEY = Buffer.from('AwareDemoKey0001');
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const accounts: Record<string, Buffer | null> = { '1001': null, '1002': KEY, '1003': null };

function panic(sequence: number, account = '1001'): string {
  return encodeDc09({
    token: 'SIA-DCS',
    sequence,
    prefix: '0',
    account,
    data: siaData(account, 'PA', '1'),
    xdata: ['X4.895168', 'Y52.370216'],
    ...(accounts[account] ? { key: accounts[account] } : {}),
  });
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A TCP client that collects reply frames. */
class Client {
  readonly replies: string[] = [];
  #framer = new Dc09Framer();
  #waiters: Array<() => void> = [];
  closed = deferred();

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const item of this.#framer.push(chunk)) if (item.kind === 'frame') this.replies.push(item.text);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    socket.on('close', () => this.closed.resolve());
    socket.on('error', () => {});
  }

  static async open(port: number): Promise<Client> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new Client(socket);
  }

  write(text: string): void {
    this.socket.write(Buffer.from(text, 'latin1'));
  }

  async waitFor(count: number, timeoutMs = 3_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.replies.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.replies.length} of ${count} replies`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.replies.slice(0, count);
  }
}

function tokenOf(reply: string): string {
  const parsed = parseFrame(reply);
  if (parsed.ok) return `${parsed.frame.encrypted ? '*' : ''}${parsed.frame.token}:${parsed.frame.sequence}`;
  return reply.includes('"NAK"') ? 'NAK' : `unparsed:${reply}`;
}

async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let receiver: Dc09Receiver | undefined;
const clients: Client[] = [];

async function start(overrides: Partial<Dc09ReceiverOptions> & Pick<Dc09ReceiverOptions, 'handle'>) {
  receiver = await startDc09Receiver({
    port: 0,
    host: '127.0.0.1',
    lookupAccount: async (account) => (account in accounts ? { key: accounts[account] ?? null } : null),
    log: silent,
    ...overrides,
  });
  return receiver;
}

async function client(): Promise<Client> {
  const c = await Client.open(receiver!.tcpPort);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.destroy();
  await receiver?.close();
  receiver = undefined;
});

describe('DC-09 receiver over TCP', () => {
  it('stores a panic once and ACKs only after the store committed', async () => {
    const stored: DeviceEvent[] = [];
    const commit = deferred();
    await start({
      handle: async (event) => {
        stored.push(event);
        await commit.promise;
      },
    });
    const c = await client();
    c.write(panic(42));
    await new Promise((r) => setTimeout(r, 150));
    expect(stored).toHaveLength(1);
    expect(c.replies).toEqual([]);
    commit.resolve();
    expect((await c.waitFor(1)).map(tokenOf)).toEqual(['ACK:0042']);
    expect(stored[0]).toMatchObject({ kind: 'panic', deviceAccount: '1001', sequence: '0042' });
    expect(stored[0]?.position?.lat).toBeCloseTo(52.370216, 6);
  });

  it('NAKs when the store fails, and ACKs the retry once it works', async () => {
    let failing = true;
    const stored: string[] = [];
    await start({
      handle: async (event) => {
        if (failing) throw new Error('database down');
        stored.push(event.sequence ?? '');
      },
    });
    const c = await client();
    c.write(panic(7));
    expect((await c.waitFor(1)).map(tokenOf)).toEqual(['NAK']);
    failing = false;
    c.write(panic(7));
    expect((await c.waitFor(2)).map(tokenOf)).toEqual(['NAK', 'ACK:0007']);
    expect(stored).toEqual(['0007']);
  });

  it('answers two frames in one write in order, even when the first is slower', async () => {
    const order: string[] = [];
    await start({
      handle: async (event) => {
        if (event.sequence === '0001') await new Promise((r) => setTimeout(r, 100));
        order.push(event.sequence ?? '');
      },
    });
    const c = await client();
    c.write(panic(1) + panic(2));
    expect((await c.waitFor(2)).map(tokenOf)).toEqual(['ACK:0001', 'ACK:0002']);
    expect(order).toEqual(['0001', '0002']);
  });

  it('reads a frame split across writes', async () => {
    await start({ handle: async () => {} });
    const c = await client();
    const frame = panic(3);
    for (const part of [frame.slice(0, 5), frame.slice(5, 30), frame.slice(30)]) {
      c.write(part);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await c.waitFor(1)).map(tokenOf)).toEqual(['ACK:0003']);
  });

  it('NAKs garbage without storing, keeps the connection, and other connections carry on', async () => {
    const stored: string[] = [];
    await start({ handle: async (event) => void stored.push(event.sequence ?? '') });
    const hostile = await client();
    const honest = await client();
    hostile.write('\nthis is not a frame\r');
    hostile.write(`noise without LF${panic(5).replace('PA', 'PB')}`);
    honest.write(panic(6));
    expect((await hostile.waitFor(2)).map(tokenOf)).toEqual(['NAK', 'NAK']);
    expect((await honest.waitFor(1)).map(tokenOf)).toEqual(['ACK:0006']);
    hostile.write(panic(8));
    expect((await hostile.waitFor(3)).map(tokenOf)[2]).toBe('ACK:0008');
    expect(stored.sort()).toEqual(['0006', '0008']);
  });

  it('a slow store on one connection does not hold up another', async () => {
    const slow = deferred();
    await start({
      handle: async (event) => {
        if (event.deviceAccount === '1003') await slow.promise;
      },
    });
    const blocked = await client();
    const free = await client();
    blocked.write(panic(1, '1003'));
    free.write(panic(2));
    expect((await free.waitFor(1)).map(tokenOf)).toEqual(['ACK:0002']);
    expect(blocked.replies).toEqual([]);
    slow.resolve();
    expect((await blocked.waitFor(1)).map(tokenOf)).toEqual(['ACK:0001']);
  });

  it('answers an encrypted panic with an encrypted ACK', async () => {
    await start({ handle: async () => {} });
    const c = await client();
    c.write(panic(9, '1002'));
    const [reply] = await c.waitFor(1);
    const parsed = parseFrame(reply!);
    expect(parsed.ok && parsed.frame.encrypted && parsed.frame.token).toBe('ACK');
    if (parsed.ok) expect(decryptContent(parsed.frame.body, KEY)).toMatchObject({ ok: true });
  });

  it('stores a link test and a panic whose encrypted padding has no "|", answering each with *ACK', async () => {
    const stored: DeviceEvent[] = [];
    await start({ handle: async (event) => void stored.push(event) });
    const c = await client();
    const withoutBar = { sequence: 0, prefix: '0', account: '1002', key: KEY, paddingBar: false } as const;
    c.write(encodeDc09({ ...withoutBar, token: 'NULL', sequence: 11 }));
    c.write(encodeDc09({ ...withoutBar, token: 'SIA-DCS', sequence: 12, data: siaData('1002', 'PA', '1') }));
    const replies = await c.waitFor(2);
    expect(replies.map(tokenOf)).toEqual(['*ACK:0011', '*ACK:0012']);
    for (const reply of replies) {
      const parsed = parseFrame(reply);
      if (parsed.ok) expect(decryptContent(parsed.frame.body, KEY)).toMatchObject({ ok: true });
    }
    expect(stored.map((e) => [e.kind, e.sequence, e.code])).toEqual([
      ['heartbeat', '0011', undefined],
      ['panic', '0012', 'SIA PA'],
    ]);
  });

  it('DUHs an unknown account and a plaintext frame for a keyed account, storing nothing', async () => {
    const stored: DeviceEvent[] = [];
    await start({ handle: async (event) => void stored.push(event) });
    const c = await client();
    c.write(encodeDc09({ token: 'SIA-DCS', sequence: 1, account: '9999', data: siaData('9999', 'PA') }));
    c.write(encodeDc09({ token: 'SIA-DCS', sequence: 2, account: '1002', data: siaData('1002', 'PA') }));
    expect((await c.waitFor(2)).map(tokenOf)).toEqual(['DUH:0001', 'DUH:0002']);
    expect(stored).toEqual([]);
  });

  it('NAKs when the account lookup fails', async () => {
    await start({ handle: async () => {}, lookupAccount: () => Promise.reject(new Error('db down')) });
    const c = await client();
    c.write(panic(1));
    expect((await c.waitFor(1)).map(tokenOf)).toEqual(['NAK']);
  });

  it('NAKs an oversized frame', async () => {
    await start({ handle: async () => {}, maxFrameBytes: 256 });
    const c = await client();
    c.write(`\n${'A'.repeat(300)}\r${panic(4)}`);
    expect((await c.waitFor(2)).map(tokenOf)).toEqual(['NAK', 'ACK:0004']);
  });

  it('closes idle connections', async () => {
    await start({ handle: async () => {}, idleTimeoutMs: 100 });
    const c = await client();
    const started = Date.now();
    await c.closed.promise;
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    await eventually(() => receiver!.connections() === 0);
  });

  it('limits connections per source address', async () => {
    await start({ handle: async () => {}, maxConnectionsPerSource: 2 });
    await client();
    await client();
    const third = await client();
    await third.closed.promise;
    await eventually(() => receiver!.connections() === 2);
  });
});

describe('DC-09 receiver over UDP', () => {
  async function exchange(port: number, frame: string): Promise<string> {
    const socket = createSocket('udp4');
    try {
      const reply = new Promise<string>((resolve, reject) => {
        socket.once('message', (message) => resolve(message.toString('latin1')));
        setTimeout(() => reject(new Error('no UDP reply')), 3_000);
      });
      socket.send(Buffer.from(frame, 'latin1'), port, '127.0.0.1');
      return await reply;
    } finally {
      socket.close();
    }
  }

  it('answers the sender on the same port number as TCP', async () => {
    const stored: DeviceEvent[] = [];
    const r = await start({ handle: async (event) => void stored.push(event) });
    expect(r.udpPort).toBe(r.tcpPort);
    const reply = await exchange(r.udpPort, panic(11));
    expect(tokenOf(reply.slice(1, -1))).toBe('ACK:0011');
    expect(stored).toHaveLength(1);
  });

  it('answers an encrypted panic with "*ACK" and NAKs a broken frame', async () => {
    const r = await start({ handle: async () => {} });
    expect(tokenOf((await exchange(r.udpPort, panic(12, '1002'))).slice(1, -1))).toBe('*ACK:0012');
    const broken = panic(13).replace('#1001|', '#1001/');
    expect(tokenOf((await exchange(r.udpPort, broken)).slice(1, -1))).toBe('NAK');
  });
});
