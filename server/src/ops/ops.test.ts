import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
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

  it('GET /health is 503 once the database is gone', async () => {
    const other = await startTestPlatform(engine, { demo: false });
    await other.db.close();
    const response = await fetch(`${other.url}/health`);
    expect(response.status).toBe(503);
    await other.close();
  });
});
