import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { panicOverDc09, signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { bodyOf, messageIdOf, startTestSmtpServer } from '../testing/smtp.ts';

/**
 * Level-2 escalation end to end, driven only by the leader's own sweeps (escalation and outbox, every
 * second): a panic nobody claims for 60 s notifies the police control room and e-mails the alarm centres'
 * contact persons through a real SMTP server.
 */
describeEachEngine('level-2 escalation', (engine) => {
  let p: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    p = await startTestPlatform(engine, {
      env: {
        AWARE_SMTP_URL: smtp.url,
        AWARE_ESCALATION_SWEEP_SECONDS: '1',
        AWARE_MAIL_SWEEP_SECONDS: '1',
      },
    });
  });
  afterAll(async () => {
    await p?.close();
    await smtp.close();
  });

  it('a panic unclaimed for 60 s reaches the police control room and e-mails the alarm centres’ contacts once', async () => {
    const police = await signIn(p, 'police');
    const operator = await signIn(p, 'operator');
    const id = await panicOverDc09(p, '1001', 6060);
    const policeNotified = async () =>
      ((await (await police('/api/v1/notifications')).json()) as { kind: string; alarmId: string }[]).filter(
        (n) => n.alarmId === id && n.kind === 'alarm.escalated.2',
      ).length;
    expect(await policeNotified()).toBe(0);

    // as if nobody had claimed it for 61 seconds (rather than waiting a minute)
    await p.db.query(
      `update alarms set received_at = received_at - interval '61 seconds',
              last_step_at = last_step_at - interval '61 seconds' where id = $1`,
      [id],
    );

    await expect.poll(policeNotified, { timeout: 10_000, interval: 200 }).toBe(1);
    const escalationMail = () => smtp.received.filter((m) => bodyOf(m).includes(id));
    await expect.poll(() => escalationMail().length, { timeout: 10_000, interval: 200 }).toBe(2);
    const mails = escalationMail();
    expect(mails.map((m) => m.to).sort()).toEqual([['pac.1@demo.aware.test'], ['pac.2@demo.aware.test']]);
    expect(new Set(mails.map(messageIdOf)).size).toBe(2);
    for (const m of mails) {
      expect(bodyOf(m)).toContain('niet op tijd opgepakt en is geëscaleerd naar niveau 2');
      // never the client's name, address or phone (the decoded text: the raw message holds random ids)
      expect(`${m.raw}\n${bodyOf(m)}`).not.toMatch(/Sanne|de Vries|Demostraat|Schuiladres|5550 100/);
    }
    const detail = await (await operator(`/api/v1/alarms/${id}`)).json();
    expect(detail.escalationLevel).toBe(2);

    // further sweeps neither notify nor mail again
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await policeNotified()).toBe(1);
    expect(escalationMail()).toHaveLength(2);
    const outbox = await p.db.query<{ status: string }>(
      `select status from outbox where kind = 'alarm.escalated.2' and body like $1`,
      [`%${id}%`],
    );
    expect(outbox.rows).toEqual([{ status: 'sent' }, { status: 'sent' }]);

    await (await operator(`/api/v1/alarms/${id}/claim`, { method: 'POST', body: '{}' })).text();
    await operator(`/api/v1/alarms/${id}/resolve`, {
      method: 'POST',
      body: JSON.stringify({ outcome: 'no_threat' }),
    });
  });
});
