import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../demo/seed.ts';
import { type Platform, startPlatform } from '../platform.ts';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../testing/databases.ts';
import { describeRequiring } from '../testing/describe-requiring.ts';
import { signIn } from '../testing/platform.ts';

const MASTER_KEY = 'cd'.repeat(32);

function configFor(env: Record<string, string>) {
  return loadConfig({
    PORT: '0',
    AWARE_DC09_PORT: '0',
    AWARE_OSMAND_PORT: '0',
    AWARE_HOST: '127.0.0.1',
    AWARE_LOG_LEVEL: 'silent',
    AWARE_MASTER_KEY: MASTER_KEY,
    AWARE_SUPERVISION_SWEEP_SECONDS: '3600',
    ...env,
  });
}

describeEachEngine('escalation across a restart', (engine) => {
  let database: TestDatabase | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'aware-restart-'));
  const env = (): Record<string, string> =>
    database?.url ? { DATABASE_URL: database.url } : { AWARE_DATA_DIR: dataDir };

  beforeAll(async () => {
    if (engine === 'postgres') {
      database = await freshDatabase('postgres');
      await database.db.close();
    }
  });
  afterAll(async () => database?.drop());

  it('an unclaimed panic escalates at its deadline even when the server was restarted in between', async () => {
    const first = await startPlatform(configFor({ ...env(), AWARE_ESCALATION_SWEEP_SECONDS: '600' }));
    await seedDemo(first);
    const sent = await sendDc09({
      host: '127.0.0.1',
      port: first.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');
    await first.stop();

    // time passes while the server is down: the deadline lies in the past when it comes back
    const second = await startPlatform(configFor({ ...env(), AWARE_ESCALATION_SWEEP_SECONDS: '1' }));
    try {
      await second.db.query(`update alarms set received_at = received_at - interval '45 seconds'`);
      await expect
        .poll(
          async () =>
            (await second.db.query<{ level: number }>('select escalation_level as level from alarms')).rows[0]
              ?.level,
          {
            timeout: 8000,
          },
        )
        .toBe(1);
    } finally {
      await second.stop();
    }
  });
});

/** A real second server process, as in production: `node --import tsx server/src/main.ts`. */
function startNode(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number; dc09: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
      env: {
        ...process.env,
        AWARE_LOG_LEVEL: 'info',
        AWARE_MASTER_KEY: MASTER_KEY,
        AWARE_HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`node did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Sign in:')) {
        clearTimeout(timer);
        resolve({ child, port: Number(env.PORT), dc09: Number(env.AWARE_DC09_PORT) });
      }
    });
    child.on('exit', (code) => reject(new Error(`node exited ${code}: ${out}`)));
  });
}

describeRequiring(['postgres'], 'two server nodes on one PostgreSQL', () => {
  let database: TestDatabase;
  const nodes: ChildProcess[] = [];

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    await database.db.close();
  });
  afterAll(async () => {
    for (const n of nodes) n.kill('SIGKILL');
    await database.drop();
  });

  it('a panic sent to one node reaches a console connected to the other', async () => {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const a = await startNode({
      DATABASE_URL: database.url!,
      AWARE_DEMO: 'true',
      PORT: String(base),
      AWARE_DC09_PORT: String(base + 1),
      AWARE_OSMAND_PORT: String(base + 2),
    });
    nodes.push(a.child);
    const b = await startNode({
      DATABASE_URL: database.url!,
      PORT: String(base + 3),
      AWARE_DC09_PORT: String(base + 4),
      AWARE_OSMAND_PORT: String(base + 5),
    });
    nodes.push(b.child);

    const onB = await signIn({ url: `http://127.0.0.1:${b.port}` } as Platform, 'operator');
    const controller = new AbortController();
    const stream = await fetch(`http://127.0.0.1:${b.port}/api/v1/alarms/stream`, {
      headers: { cookie: onB.cookie },
      signal: controller.signal,
    });
    const reader = stream.body!.getReader();
    const received = (async () => {
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += new TextDecoder().decode(value);
        if (text.includes('event: alarm')) return text;
      }
    })();

    const sent = await sendDc09({
      host: '127.0.0.1',
      port: a.dc09,
      account: '1001',
      kind: 'panic',
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');
    const text = await Promise.race([
      received,
      new Promise<string>((r) => setTimeout(() => r('timeout'), 5000)),
    ]);
    controller.abort();
    expect(text).toContain('event: alarm');
    expect(text).toContain('"deviceAccount":"1001"');
  });
});
