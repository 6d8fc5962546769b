import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { sendOsmand } from '../../../tools/simulator/src/osmand-client.ts';
import { DEMO } from '../demo/seed.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

// What a stolen database dump must not reveal: where the victim lives, her phone, where she is.
const SECRETS = [
  'Demostraat 1',
  'Voorbeeldlaan 22',
  '5550 1001',
  '5550 1002',
  DEMO.encryptedAccount.key,
  DEMO.totpSecret,
  DEMO.vendor.webhookSecret,
  '52.61803',
  '4.73205',
];

describeEachEngine('data at rest', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
    // traffic that carries positions: a panic with location, heartbeats with location, then handling it
    const panic = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      lat: 52.61803,
      lon: 4.73205,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(panic.outcome).toBe('ACK');
    await sendOsmand({
      host: '127.0.0.1',
      port: p.osmand.port,
      id: 'demo-phone-1',
      kind: 'panic',
      lat: 52.61803,
      lon: 4.73205,
    });
    await sendOsmand({
      host: '127.0.0.1',
      port: p.osmand.port,
      id: 'demo-phone-1',
      kind: 'heartbeat',
      lat: 52.61803,
      lon: 4.73205,
    });
    const operator = await signIn(p, 'operator');
    const [alarm] = await (await operator('/api/v1/alarms?state=open')).json();
    await operator(`/api/v1/alarms/${alarm.id}/claim`, { method: 'POST', body: '{}' });
    expect((await operator(`/api/v1/alarms/${alarm.id}/linked`)).status).toBe(200);
  });
  afterAll(() => p.close());

  it('a dump of every table holds no plaintext address, phone number, position or secret', async () => {
    const tables = await p.db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    let dump = '';
    for (const { table_name } of tables.rows) {
      const rows = await p.db.query<{ row: string }>(
        `select row_to_json(t)::text as row from "${table_name}" t`,
      );
      dump += rows.rows.map((r) => r.row).join('\n');
    }
    // the dump is real: it holds what is not secret
    expect(dump).toContain('AW-2026-0006');
    expect(dump).toContain('XX-123-Y');
    for (const secret of SECRETS) expect(dump, secret).not.toContain(secret);
  });

  // pg_dump reads PostgreSQL only; on PGlite the row dump above is the whole check
  if (engine === 'postgres') {
    it('so does pg_dump of the database', () => {
      const url = p.databaseUrl;
      expect(url).toBeDefined();
      const dump = execFileSync('pg_dump', ['--data-only', url!], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(dump).toContain('COPY public.alarms');
      for (const secret of SECRETS) expect(dump, secret).not.toContain(secret);
    });
  }
});
