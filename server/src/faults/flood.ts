import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';

export interface FloodTarget {
  host: string;
  dc09Port: number;
  osmandPort: number;
}

export interface FloodRates {
  /** DC-09 TCP connections writing random bytes, each 4 KiB every 10 ms (reconnecting when dropped) */
  garbageConnections: number;
  /** DC-09 TCP connections sending framed messages with a wrong CRC, one every 5 ms each */
  badFrameConnections: number;
  /** connections (DC-09 and OsmAnd, half each) that trickle one byte a second and never finish */
  slowConnections: number;
  /** UDP datagrams of random bytes per second to the DC-09 port */
  udpPerSecond: number;
  /** OsmAnd HTTP requests with random query strings per second */
  osmandPerSecond: number;
}

export interface FloodCounts {
  tcpBytes: number;
  udpDatagrams: number;
  osmandRequests: number;
  connections: number;
  /** connections the server closed or refused */
  dropped: number;
}

/** well framed, wrong CRC: each one is answered NAK */
const badFrame = (account: number) => `\n00000030"SIA-DCS"0001L0#${account}[#${account}|Nri1/PA501]\r`;

/** Hostile and broken traffic against the receivers, from many loopback sources, until stopped. */
export function startFlood(target: FloodTarget, rates: FloodRates) {
  const counts: FloodCounts = { tcpBytes: 0, udpDatagrams: 0, osmandRequests: 0, connections: 0, dropped: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  let source = 0;
  const nextSource = () => {
    source++;
    return `127.90.${Math.floor(source / 250) % 250}.${(source % 250) + 1}`;
  };
  const every = (ms: number, fn: () => void) => {
    const timer = setInterval(fn, ms);
    timers.add(timer);
  };

  /** one connection that `feed`s while open and is opened again when the server drops it */
  const keep = (port: number, period: number, feed: (socket: Socket) => void) => {
    const open = () => {
      if (stopped) return;
      const socket = connect({ host: target.host, port, localAddress: nextSource() });
      counts.connections++;
      sockets.add(socket);
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        timer = setInterval(() => {
          if (!socket.destroyed && socket.writableLength < 65_536) feed(socket);
        }, period);
      });
      socket.on('data', () => {});
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        sockets.delete(socket);
        counts.dropped++;
        if (!stopped) setTimeout(open, 50);
      });
    };
    open();
  };

  for (let i = 0; i < rates.garbageConnections; i++)
    keep(target.dc09Port, 10, (s) => {
      const chunk = randomBytes(4096);
      s.write(chunk);
      counts.tcpBytes += chunk.length;
    });
  for (let i = 0; i < rates.badFrameConnections; i++)
    keep(target.dc09Port, 5, (s) => {
      const frame = badFrame(100 + i);
      s.write(frame, 'latin1');
      counts.tcpBytes += frame.length;
    });
  for (let i = 0; i < rates.slowConnections; i++) {
    const osmand = i % 2 === 1;
    const text = osmand
      ? 'GET /?id=1&lat=52.1&lon=4.3&timestamp=1 HTTP/1.1\r\nHost: x\r\n'
      : '\n96ED0016"SIA-DCS"0001L0#1234[]';
    let at = 0;
    keep(osmand ? target.osmandPort : target.dc09Port, 1_000, (s) => {
      s.write(text[at++ % text.length]!, 'latin1');
      counts.tcpBytes++;
    });
  }

  const udp = createSocket('udp4');
  udp.on('error', () => {});
  if (rates.udpPerSecond > 0)
    every(10, () => {
      for (let i = 0; i < rates.udpPerSecond / 100; i++) {
        udp.send(randomBytes(64 + Math.floor(Math.random() * 400)), target.dc09Port, target.host);
        counts.udpDatagrams++;
      }
    });
  if (rates.osmandPerSecond > 0)
    every(10, () => {
      for (let i = 0; i < rates.osmandPerSecond / 100; i++) {
        const query = encodeURIComponent(randomBytes(48).toString('latin1'));
        fetch(`http://${target.host}:${target.osmandPort}/?id=${query}&lat=${query}`, { method: 'POST' })
          .then((r) => r.arrayBuffer())
          .catch(() => {});
        counts.osmandRequests++;
      }
    });

  return {
    counts,
    stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      udp.close();
    },
  };
}
