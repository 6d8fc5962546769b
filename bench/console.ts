import { Agent, request } from 'node:http';
import { authenticator } from 'otplib';

/** The operator's console side: sign in, follow the alarm stream, call the API. */
export interface Session {
  url: string;
  cookie: string;
}

export async function signIn(
  url: string,
  email: string,
  password: string,
  totpSecret: string,
): Promise<Session> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, totp: authenticator.generate(totpSecret) }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return { url, cookie };
}

export interface StreamedAlarm {
  id: string;
  deviceAccount: string;
  kind: string;
  state: string;
}

export interface AlarmStream {
  /** called with each `alarm` event and the time it was read (performance.now()) */
  onAlarm(listener: (alarm: StreamedAlarm, at: number) => void): void;
  close(): void;
}

/** GET /api/v1/alarms/stream, parsed as server-sent events; resolves once the stream is open. */
export function openAlarmStream(session: Session, localAddress: string): Promise<AlarmStream> {
  return new Promise((resolve, reject) => {
    const listeners: ((alarm: StreamedAlarm, at: number) => void)[] = [];
    const req = request(`${session.url}/api/v1/alarms/stream`, {
      headers: { cookie: session.cookie, accept: 'text/event-stream' },
      localAddress,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`alarm stream: HTTP ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          if (!lines.includes('event: alarm')) continue;
          const data = lines.find((l) => l.startsWith('data: '));
          if (!data) continue;
          const alarm = JSON.parse(data.slice(6)) as StreamedAlarm;
          for (const l of listeners) l(alarm, at);
        }
      });
      res.on('error', () => {});
      resolve({
        onAlarm: (listener) => listeners.push(listener),
        close: () => req.destroy(),
      });
    });
    req.end();
  });
}

/**
 * A keep-alive HTTP client bound to one loopback source address: the API allows 600 requests a
 * minute per address, so each measured run uses its own.
 */
export function clientFrom(localAddress: string): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1, localAddress });
}

/** One timed GET over `agent`; returns the latency and the parsed body. */
export function timedGet<T>(session: Session, path: string, agent: Agent): Promise<{ ms: number; body: T }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(`${session.url}${path}`, { headers: { cookie: session.cookie }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const ms = performance.now() - started;
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: HTTP ${res.statusCode}`));
        else resolve({ ms, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
