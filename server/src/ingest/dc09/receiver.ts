import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { createServer as createTcpServer, isIPv6, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { DeviceEvent } from '../../events/device-event.ts';
import {
  type AnswerDeps,
  answerItem,
  type Dc09AccountRecord,
  type Dc09Logger,
  type Dc09Metrics,
} from './answer.ts';
import { Dc09Framer, DEFAULT_MAX_FRAME_BYTES } from './framer.ts';
import { serveConnection } from './tcp-connection.ts';
import { DEFAULT_REPLAY_WINDOW, type ReplayWindow } from './timestamp.ts';

export interface Dc09ReceiverOptions {
  /** TCP and UDP listen on this port; 0 picks a free one (the same number for both) */
  port: number;
  host?: string;
  /** resolves when the event is committed; rejects when it cannot be stored (the device gets NAK) */
  handle(event: DeviceEvent): Promise<void>;
  /** null: unknown account (DUH); key null: plaintext account; key set: only encrypted messages */
  lookupAccount(account: string): Promise<Dc09AccountRecord | null>;
  window?: ReplayWindow;
  idleTimeoutMs?: number;
  maxConnectionsPerSource?: number;
  maxFrameBytes?: number;
  metrics?: Dc09Metrics;
  log: Dc09Logger;
  /** TLS on the TCP side when given (PEM) */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface Dc09Receiver {
  tcpPort: number;
  udpPort: number;
  close(): Promise<void>;
  /** open TCP connections */
  connections(): number;
}

export async function startDc09Receiver(options: Dc09ReceiverOptions): Promise<Dc09Receiver> {
  const deps: AnswerDeps = {
    handle: options.handle,
    lookupAccount: options.lookupAccount,
    window: options.window ?? DEFAULT_REPLAY_WINDOW,
    log: options.log,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  const host = options.host ?? '0.0.0.0';
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const sockets = new Set<Socket>();
  const perSource = new Map<string, number>();
  const maxPerSource = options.maxConnectionsPerSource ?? 64;

  const onConnection = (socket: Socket) => {
    const source = socket.remoteAddress ?? 'unknown';
    const count = perSource.get(source) ?? 0;
    if (count >= maxPerSource) {
      options.metrics?.frame('connection_refused');
      options.log.warn({ limit: maxPerSource }, 'DC-09 connection refused: too many from one source');
      socket.destroy();
      return;
    }
    perSource.set(source, count + 1);
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      const left = (perSource.get(source) ?? 1) - 1;
      if (left > 0) perSource.set(source, left);
      else perSource.delete(source);
    });
    serveConnection(socket, deps, { idleTimeoutMs: options.idleTimeoutMs ?? 120_000, maxFrameBytes });
  };

  const makeTcp = (): Server => {
    if (!options.tls) return createTcpServer(onConnection);
    const server = createTlsServer({ ...options.tls, handshakeTimeout: 10_000 }, onConnection);
    server.on('tlsClientError', (error) =>
      options.log.info({ err: error.message }, 'DC-09 TLS handshake failed'),
    );
    return server;
  };

  const onDatagram = (udp: UdpSocket) => async (message: Buffer, remote: RemoteInfo) => {
    const framer = new Dc09Framer(maxFrameBytes);
    for (const item of framer.push(message)) {
      const reply = Buffer.from((await answerItem(item, deps, 'udp')).reply, 'latin1');
      // Never answer a (possibly spoofed) datagram with much more than it carried: no amplification.
      if (reply.length > message.length + 16) {
        options.metrics?.frame('reply_dropped');
        continue;
      }
      try {
        udp.send(reply, remote.port, remote.address);
      } catch (error) {
        options.log.info(
          { err: error instanceof Error ? error.message : String(error) },
          'DC-09 UDP reply failed',
        );
      }
    }
  };

  for (let attempt = 0; ; attempt++) {
    const tcp = makeTcp();
    const tcpPort = await listenTcp(tcp, options.port, host);
    const udp = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    try {
      await bindUdp(udp, tcpPort, host);
    } catch (error) {
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      if (options.port === 0 && attempt < 5) continue;
      throw error;
    }
    udp.on('message', onDatagram(udp));
    udp.on('error', (error) => options.log.error({ err: error.message }, 'DC-09 UDP socket error'));
    tcp.on('error', (error) => options.log.error({ err: error.message }, 'DC-09 TCP server error'));
    return {
      tcpPort,
      udpPort: tcpPort,
      connections: () => sockets.size,
      close: async () => {
        const closed = new Promise<void>((resolve) => tcp.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await Promise.all([closed, new Promise<void>((resolve) => udp.close(() => resolve()))]);
      },
    };
  }
}

function listenTcp(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function bindUdp(socket: UdpSocket, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
}
