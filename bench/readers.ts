/**
 * Case-page reader child: BENCH_READERS (JSON) names the server, the session cookie, the case pages and
 * one loopback source address per client. Each client GETs the pages in turn, one request at a time,
 * as fast as answers come, from `go` until `stop` on stdin; then one `result` line. In its own process
 * so that the orchestrator's panic timing is not queued behind these clients.
 */
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';

export interface ReadersConfig {
  url: string;
  cookie: string;
  paths: string[];
  addresses: string[];
}

export interface ReadersResult {
  type: 'result';
  requests: number;
  ok: number;
  /** status → count, for answers other than 200 */
  refused: Record<string, number>;
  seconds: number;
}

const config = JSON.parse(process.env.BENCH_READERS ?? '{}') as ReadersConfig;
const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

function get(agent: Agent, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${config.url}${path}`, { headers: { cookie: config.cookie }, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

let stopping = false;
const result: ReadersResult = { type: 'result', requests: 0, ok: 0, refused: {}, seconds: 0 };
const input = createInterface({ input: process.stdin });
const lines = input[Symbol.asyncIterator]();
say({ type: 'ready' });
await lines.next();
const started = performance.now();
const clients = config.addresses.map(async (address, c) => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: address });
  for (let i = c; !stopping; i++) {
    const status = await get(agent, config.paths[i % config.paths.length]!);
    result.requests += 1;
    if (status === 200) result.ok += 1;
    else result.refused[String(status)] = (result.refused[String(status)] ?? 0) + 1;
  }
  agent.destroy();
});
await lines.next();
stopping = true;
result.seconds = (performance.now() - started) / 1000;
await Promise.all(clients);
say(result);
process.exit(0);
