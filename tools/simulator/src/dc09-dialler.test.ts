import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../server/src/events/device-event.ts';
import { parseFrame } from '../../../server/src/ingest/dc09/frame.ts';
import { Dc09Framer } from '../../../server/src/ingest/dc09/framer.ts';
import { type Dc09Receiver, startDc09Receiver } from '../../../server/src/ingest/dc09/receiver.ts';
import { Dc09Connection, sendDc09 } from './dc09-dialler.ts';

const KEY_TEXT = 'AwareDemoKey0001';
const silent = { info: () => {}, warn: () => {}, error: () => {} };

let receiver: Dc09Receiver | undefined;
let handle: (event: DeviceEvent) => Promise<void>;
const stored: DeviceEvent[] = [];

async function startReceiver(): Promise<number> {
  stored.length = 0;
  handle = async (event) => void stored.push(event);
  receiver = await startDc09Receiver({
    port: 0,
    host: '127.0.0.1',
    handle: (event) => handle(event),
    lookupAccount: async (account) => {
      if (account === '1001') return { key: null };
      if (account === '1002') return { key: Buffer.from(KEY_TEXT) };
      return null;
    },
    log: silent,
  });
  return receiver.tcpPort;
}

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const base = { host: '127.0.0.1', account: '1001', timeoutMs: 1_000, retries: 2 } as const;

describe('sendDc09', () => {
  it.each([
    ['panic', 'panic', 'SIA PA'],
    ['test', 'test', 'SIA RX'],
    ['battery', 'low_battery', 'SIA YT'],
    ['heartbeat', 'heartbeat', undefined],
  ] as const)('%s over TCP is stored as %s and ACKed', async (kind, storedKind, code) => {
    const port = await startReceiver();
    const result = await sendDc09({ ...base, port, kind, sequence: 321 });
    expect(result).toMatchObject({ outcome: 'ACK', attempts: 1 });
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: storedKind, sequence: '0321', deviceAccount: '1001' });
    expect(stored[0]?.code).toBe(code);
  });

  it('sends an encrypted panic with location and checks the encrypted ACK', async () => {
    const port = await startReceiver();
    const result = await sendDc09({
      ...base,
      port,
      account: '1002',
      key: KEY_TEXT,
      kind: 'panic',
      lat: 52.37,
      lon: 4.89,
    });
    expect(result.outcome).toBe('ACK');
    expect(result.reply).toContain('"*ACK"');
    expect(stored[0]?.position).toMatchObject({ lat: 52.37, lon: 4.89 });
  });

  it('works over UDP', async () => {
    const port = await startReceiver();
    const result = await sendDc09({ ...base, port, udp: true, kind: 'panic' });
    expect(result.outcome).toBe('ACK');
    expect(stored).toHaveLength(1);
  });

  it('retransmits the same SEQ after a NAK', async () => {
    const port = await startReceiver();
    let calls = 0;
    handle = async (event) => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
      stored.push(event);
    };
    const result = await sendDc09({ ...base, port, kind: 'panic', sequence: 17 });
    expect(result).toMatchObject({ outcome: 'ACK', attempts: 2 });
    expect(calls).toBe(2);
    expect(stored.map((e) => e.sequence)).toEqual(['0017']);
  });

  it('does not retry a DUH', async () => {
    const port = await startReceiver();
    const result = await sendDc09({ ...base, port, account: '9999', kind: 'panic' });
    expect(result).toMatchObject({ outcome: 'DUH', attempts: 1 });
  });

  describe('against a receiver that never answers', () => {
    let server: Server;
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('retransmits the same SEQ on timeout, then gives up', async () => {
      const received: string[] = [];
      server = createServer((socket) => {
        const framer = new Dc09Framer();
        socket.on('data', (chunk) => {
          for (const item of framer.push(chunk)) if (item.kind === 'frame') received.push(item.text);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const result = await sendDc09({
        ...base,
        port,
        kind: 'panic',
        sequence: 55,
        timeoutMs: 100,
        retries: 2,
      });
      expect(result).toMatchObject({ outcome: 'timeout', attempts: 3, reply: '' });
      expect(received).toHaveLength(3);
      const sequences = received.map((text) => {
        const parsed = parseFrame(text);
        return parsed.ok ? parsed.frame.sequence : 'bad';
      });
      expect(sequences).toEqual(['0055', '0055', '0055']);
    });

    it('with a second receiver address, goes over to it after silence and is stored there', async () => {
      const sockets: Socket[] = [];
      server = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      const silentPort = typeof address === 'object' && address ? address.port : 0;
      const port = await startReceiver();
      const result = await sendDc09({
        ...base,
        port: silentPort,
        secondary: { host: '127.0.0.1', port },
        kind: 'panic',
        sequence: 56,
        timeoutMs: 200,
        retries: 2,
      });
      for (const socket of sockets) socket.destroy();
      expect(result).toMatchObject({ outcome: 'ACK', attempts: 2, via: 'secondary' });
      expect(stored).toHaveLength(1);
    });
  });

  it('with its first receiver address refusing connections, delivers through the second at once', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const refusing = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const port = await startReceiver();
    const result = await sendDc09({
      ...base,
      port: refusing,
      secondary: { host: '127.0.0.1', port },
      kind: 'panic',
      sequence: 57,
      retries: 0,
    });
    expect(result).toMatchObject({ outcome: 'ACK', attempts: 1, via: 'secondary' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'panic', sequence: '0057' });
  });
});

describe('Dc09Connection', () => {
  it('keeps many messages in flight on one connection, each ACKed by SEQ', async () => {
    const port = await startReceiver();
    const connection = await Dc09Connection.open({
      host: '127.0.0.1',
      port,
      account: '1002',
      key: KEY_TEXT,
      timeoutMs: 2_000,
    });
    try {
      const results = await Promise.all(Array.from({ length: 25 }, () => connection.send({ kind: 'panic' })));
      expect(results.map((r) => r.outcome)).toEqual(Array(25).fill('ACK'));
      expect(new Set(stored.map((e) => e.sequence)).size).toBe(25);
      expect(receiver!.connections()).toBe(1);
    } finally {
      await connection.close();
    }
  });

  it('retries a NAKed message on the same connection', async () => {
    const port = await startReceiver();
    let failed = false;
    handle = async (event) => {
      if (!failed) {
        failed = true;
        throw new Error('database down');
      }
      stored.push(event);
    };
    const connection = await Dc09Connection.open({ ...base, port, retries: 1 });
    try {
      const result = await connection.send({ kind: 'test', sequence: 4 });
      expect(result).toMatchObject({ outcome: 'ACK', attempts: 2 });
    } finally {
      await connection.close();
    }
  });
});
