import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { startTestPlatform, type TestPlatform } from '../testing/platform.ts';

describeEachEngine('request rate limit', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false, requestRatePerMinute: 3 });
  });
  afterAll(() => p.close());

  it('answers a request over the limit with a coded problem and when to retry', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${p.url}/api/v1/auth/me`)).status);
    expect(statuses).toEqual([401, 401, 401]);

    const refused = await fetch(`${p.url}/api/v1/auth/me`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = await refused.json();
    expect(body).toMatchObject({ status: 429, code: 'rateLimited' });
    // the web app says this in the reader's language with the same wait as the header
    expect(body.params.seconds).toBe(retryAfter);
  });
});
