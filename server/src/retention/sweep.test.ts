import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

describeEachEngine('retention per record type', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, {
      env: { AWARE_RETENTION_READ_NOTIFICATION_DAYS: '10', AWARE_RETENTION_ENDED_SESSION_DAYS: '5' },
    });
  });
  afterAll(() => p.close());

  it('deletes what expired, keeps what did not, audits each record type it touched', async () => {
    const api = await signIn(p, 'vt');
    await api('/api/v1/auth/logout', { method: 'POST' });
    await signIn(p, 'vt');
    await p.db.query(
      `update sessions set revoked_at = now() - interval '6 days' where revoked_at is not null`,
    );
    const user = await p.db.query<{ id: string }>(`select id from users limit 1`);
    await p.db.query(
      `insert into notifications (user_id, kind, read_at) values ($1, 'old', now() - interval '11 days'), ($1, 'recent', now() - interval '2 days'), ($1, 'unread', null)`,
      [user.rows[0]!.id],
    );
    const touched = await p.retentionSweepNow();
    expect(touched.read_notifications).toBe(1);
    expect(touched.ended_sessions).toBeGreaterThanOrEqual(1);
    const kinds = await p.db.query<{ kind: string }>(
      `select kind from notifications where kind in ('old', 'recent', 'unread') order by kind`,
    );
    expect(kinds.rows.map((r) => r.kind)).toEqual(['recent', 'unread']);
    const live = await p.db.query(`select 1 from sessions where revoked_at is null and expires_at > now()`);
    expect(live.rows.length).toBeGreaterThanOrEqual(1);
    const audited = await p.db.query<{ record_type: string }>(
      `select record_type from audit_log where action = 'retention.erase'`,
    );
    expect(audited.rows.map((r) => r.record_type)).toEqual(
      expect.arrayContaining(['read_notifications', 'ended_sessions']),
    );
    expect(await p.retentionSweepNow()).toEqual({});
  });
});
