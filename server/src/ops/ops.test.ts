import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../demo/seed.ts';
import { startPlatform } from '../platform.ts';
import { describeEachEngine, freshDatabase } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

describeEachEngine('operations endpoints', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(() => p.close());

  it('GET /health is 200 {status: ok} while the database answers', async () => {
    const response = await fetch(`${p.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /metrics is Prometheus text with the platform counters', async () => {
    await fetch(`${p.url}/health`);
    const text = await (await fetch(`${p.url}/metrics`)).text();
    expect(text).toContain('# TYPE aware_http_requests_total counter');
    expect(text).toMatch(/aware_database_up 1/);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('serves the OpenAPI document and its UI at /api/docs', async () => {
    const ui = await fetch(`${p.url}/api/docs`, { redirect: 'follow' });
    expect(ui.status).toBe(200);
    const spec = await (await fetch(`${p.url}/api/docs/json`)).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/alarms', '/api/v1/devices']),
    );
  });

  it('sends security headers and no stack traces', async () => {
    const response = await fetch(`${p.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await fetch(`${p.url}/api/v1/does-not-exist`);
    expect(missing.status).toBe(401);
  });

  it('a page path falls back to the web app, an unknown API path is problem+json', async () => {
    const page = await fetch(`${p.url}/devices/new`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const api = await signIn(p, 'admin');
    const unknown = await api('/api/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });

  it('GET /health is 503 once the database is gone, saying so, as the consoles are told', async () => {
    const other = await startTestPlatform(engine, { demo: false });
    await other.db.close();
    const response = await fetch(`${other.url}/health?details=true`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'database unavailable', database: 'down' });
    expect(other.databaseWatch.state()).toBe('down');
    await other.close();
  });

  it('GET /health is 503 with what start-up is doing until it has finished, then 200', async () => {
    const database = await freshDatabase(engine);
    const config = loadConfig({
      PORT: '0',
      AWARE_DC09_PORT: '0',
      AWARE_OSMAND_PORT: '0',
      AWARE_HOST: '127.0.0.1',
      AWARE_DATA_DIR: mkdtempSync(join(tmpdir(), 'aware-test-')),
      AWARE_LOG_LEVEL: 'silent',
      AWARE_DEMO: 'true',
    });
    const starting = await startPlatform(config, { db: database.db });
    try {
      const first = await fetch(`${starting.url}/health`);
      expect(first.status).toBe(503);
      expect(await first.json()).toEqual({ status: 'starting', reason: 'starting services' });
      starting.startup.step('loading demo data');
      const seeding = seedDemo(starting);
      const during = await fetch(`${starting.url}/health`);
      expect(during.status).toBe(503);
      expect(await during.json()).toEqual({ status: 'starting', reason: 'loading demo data' });
      await seeding;
      starting.startup.done();
      const ready = await fetch(`${starting.url}/health`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok' });
    } finally {
      await starting.stop();
      await database.drop();
    }
  });
});
