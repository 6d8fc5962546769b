import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../demo/seed.ts';
import { type Platform, startPlatform } from '../platform.ts';
import { freshDatabase, type TestDatabase } from './databases.ts';
import { startTcpProxy } from './tcp-proxy.ts';

export interface PlatformBehindProxy {
  platform: Platform;
  /** cut() takes the database away from the platform, restore() brings it back */
  proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  /** the same database, reached directly (for the test's own checks) */
  direct: TestDatabase['db'];
  close(): Promise<void>;
}

/**
 * A platform with demo data on a fresh PostgreSQL database that it reaches only through a TCP proxy,
 * so a test can make the database unreachable and bring it back (needs DATABASE_URL).
 */
export async function startPlatformBehindProxy(): Promise<PlatformBehindProxy> {
  const database = await freshDatabase('postgres');
  const url = new URL(database.url!);
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  const platform = await startPlatform(
    loadConfig({
      PORT: '0',
      AWARE_DC09_PORT: '0',
      AWARE_OSMAND_PORT: '0',
      AWARE_HOST: '127.0.0.1',
      AWARE_DATA_DIR: mkdtempSync(join(tmpdir(), 'aware-outage-')),
      AWARE_LOG_LEVEL: 'silent',
      AWARE_DEMO: 'true',
      AWARE_SUPERVISION_SWEEP_SECONDS: '3600',
      AWARE_TOTP_REPLAY_GUARD: 'false',
      DATABASE_URL: url.toString(),
    }),
    { loginRatePerMinute: 1000 },
  );
  await seedDemo(platform);
  platform.startup.done();
  return {
    platform,
    proxy,
    direct: database.db,
    async close() {
      proxy.restore();
      await platform.stop();
      await proxy.close();
      await database.drop();
    },
  };
}
