import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { panicOverDc09, signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { messageIdOf, startTestSmtpServer } from '../testing/smtp.ts';
import { enqueueMail } from './outbox-repository.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
const post = (api: Api, path: string, body: object = {}) =>
  api(path, { method: 'POST', body: JSON.stringify(body) });
const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

describeEachEngine('e-mail outbox', (engine) => {
  let p: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let admin: Api;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    p = await startTestPlatform(engine, {
      env: {
        AWARE_SMTP_URL: smtp.url,
        // rounds are run by the test (with a clock it controls), not by the leader's timer
        AWARE_MAIL_SWEEP_SECONDS: '600',
        AWARE_ESCALATION_SWEEP_SECONDS: '600',
        AWARE_MAIL_RETRY_BASE_SECONDS: '2',
        AWARE_MAIL_MAX_ATTEMPTS: '4',
        AWARE_MAIL_FROM: 'Aware <noreply@mail.aware.test>',
      },
    });
    admin = await signIn(p, 'admin');
  });
  afterAll(async () => {
    await p?.close();
    await smtp.close();
  });

  const statusOf = async (ids: string[]) =>
    (
      await p.db.query<{ status: string; attempts: number }>(
        'select status, attempts from outbox where id = any($1::uuid[]) order by created_at, id',
        [ids],
      )
    ).rows;
  const metric = async (name: string) => {
    const text = await (await fetch(`${p.url}/metrics`)).text();
    return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]);
  };
  const write = async (n: number, tag: string) => {
    await p.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++)
        await enqueueMail(tx, {
          kind: 'task.overdue',
          to: `coordinator${i}@demo.aware.test`,
          subject: `Aware: ${tag} ${i}`,
          text: `message ${tag} ${i}`,
        });
    });
    return (
      await p.db.query<{ id: string }>(
        `select id from outbox where subject like $1 order by created_at, id`,
        [`Aware: ${tag} %`],
      )
    ).rows.map((r) => r.id);
  };
  const receivedWith = (tag: string) => smtp.received.filter((m) => m.raw.includes(`Aware: ${tag} `));

  it('says in /health?details=true that mail is on', async () => {
    const health = await (await fetch(`${p.url}/health?details=true`)).json();
    expect(health).toMatchObject({ status: 'ok', mail: 'on' });
    expect(await metric('aware_mail_enabled')).toBe(1);
  });

  it('retries a refused and an unreachable delivery with backoff, and delivers each message once when the server accepts again', async () => {
    const ids = await write(3, 'retry');
    const t0 = new Date();

    smtp.refuse(451);
    expect(await p.mail.deliver(t0)).toEqual({ sent: 0, retrying: 3, failed: 0 });
    expect(receivedWith('retry')).toHaveLength(0);
    expect(await statusOf(ids)).toEqual(Array(3).fill({ status: 'pending', attempts: 1 }));
    expect(await metric('aware_outbox_pending')).toBe(3);
    // within the first backoff (2 s) nothing is tried again
    expect(await p.mail.deliver(later(t0, 1))).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // the server is down: one attempt finds out, the others are not held up by it
    await smtp.stop();
    const down = await p.mail.deliver(later(t0, 3));
    expect(down).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const overview = await (await admin('/api/v1/admin/mail')).json();
    expect(overview).toMatchObject({ enabled: true, pending: 3, failed: 0 });

    // back, and accepting
    await smtp.start();
    smtp.refuse(null);
    expect(await p.mail.deliver(later(t0, 60))).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(await p.mail.deliver(later(t0, 3600))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const got = receivedWith('retry');
    expect(got.map((m) => m.to[0]).sort()).toEqual([
      'coordinator0@demo.aware.test',
      'coordinator1@demo.aware.test',
      'coordinator2@demo.aware.test',
    ]);
    // the outbox id is the Message-ID: a receiver can recognise a copy sent twice after a crash
    expect(got.map(messageIdOf).sort()).toEqual(ids.map((id) => `<${id}@mail.aware.test>`).sort());
    // each message was tried until accepted: twice, and three times for the one that met the closed port
    const rows = await statusOf(ids);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.map((r) => r.attempts).sort()).toEqual([2, 2, 3]);
    expect(await metric('aware_outbox_pending')).toBe(0);
  });

  it('two nodes delivering at once (both believing they lead) send each message once', async () => {
    const ids = await write(5, 'twice');
    const t0 = later(new Date(), 5);
    const [a, b] = await Promise.all([p.mail.deliver(t0), p.mail.deliver(t0)]);
    expect(a.sent + b.sent).toBe(5);
    expect(receivedWith('twice')).toHaveLength(5);
    expect(new Set(receivedWith('twice').map(messageIdOf)).size).toBe(5);
    expect((await statusOf(ids)).map((r) => r.status)).toEqual(Array(5).fill('sent'));
  });

  it('a node that dies between the server accepting and the mark sends a copy with the same Message-ID, never loses it', async () => {
    const [id] = await write(1, 'crash');
    const t0 = later(new Date(), 5);
    // the mark after acceptance fails, as it would if the node died at that moment
    await p.db.exec(`
      create function outbox_test_no_mark() returns trigger language plpgsql as
        $$ begin raise exception 'node died'; end $$;
      create trigger outbox_test_no_mark before update on outbox
        for each row when (new.status = 'sent') execute function outbox_test_no_mark();`);
    try {
      await expect(p.mail.deliver(t0)).rejects.toThrow(/node died/);
    } finally {
      await p.db.exec('drop trigger outbox_test_no_mark on outbox; drop function outbox_test_no_mark();');
    }
    expect(receivedWith('crash')).toHaveLength(1);
    // within its lease it is left alone; after it, sent again
    expect(await p.mail.deliver(later(t0, 60))).toMatchObject({ sent: 0 });
    expect(await p.mail.deliver(later(t0, 180))).toMatchObject({ sent: 1 });
    const copies = receivedWith('crash');
    expect(copies).toHaveLength(2);
    expect(copies.map(messageIdOf)).toEqual([`<${id}@mail.aware.test>`, `<${id}@mail.aware.test>`]);
    expect(await p.mail.deliver(later(t0, 3600))).toMatchObject({ sent: 0 });
  });

  it('gives a message up after its attempts, shows it to administrators without its address, and sends it on request', async () => {
    const [id] = await write(1, 'refused');
    const t0 = new Date();
    smtp.refuse(550);
    const rounds = [];
    for (const s of [0, 3, 10, 30]) rounds.push(await p.mail.deliver(later(t0, s)));
    expect(rounds.map((r) => r.failed)).toEqual([0, 0, 0, 1]);
    expect(receivedWith('refused')).toHaveLength(0);
    expect(await metric('aware_outbox_failed')).toBe(1);

    const overview = await (await admin('/api/v1/admin/mail')).json();
    expect(overview.failed).toBe(1);
    expect(overview.failedMessages).toEqual([
      expect.objectContaining({
        id,
        kind: 'task.overdue',
        attempts: 4,
        reason: 'rejected',
        responseCode: 550,
      }),
    ]);
    // no address and no content on the administrators' page
    expect(JSON.stringify(overview)).not.toMatch(/@|refused|message/);
    const operator = await signIn(p, 'operator');
    expect((await operator('/api/v1/admin/mail')).status).toBe(403);

    smtp.refuse(null);
    const retried = await post(admin, '/api/v1/admin/mail/retry');
    expect(await retried.json()).toEqual({ requeued: 1 });
    expect(await p.mail.deliver(later(t0, 60))).toMatchObject({ sent: 1 });
    expect(receivedWith('refused')).toHaveLength(1);
    expect(await metric('aware_outbox_failed')).toBe(0);
    const audit = await p.db.query(`select details from audit_log where action = 'mail.retry'`);
    expect(audit.rows).toEqual([{ details: { requeued: 1 } }]);
  });

  it('holds a message exactly when its cause committed: a resolve that rolls back leaves no after-care e-mail', async () => {
    const operator = await signIn(p, 'operator');
    const alarmId = await panicOverDc09(p, '1001', 4711);
    expect((await post(operator, `/api/v1/alarms/${alarmId}/claim`)).status).toBe(200);
    const aftercare = () =>
      p.db.query(`select 1 from outbox where kind = 'alarm.aftercare' and body like '%AW-2026-0006%'`);
    const before = (await aftercare()).rows.length;

    // the case timeline refuses the alarm entry, written after the after-care outbox row in one transaction
    await p.db.exec(`
      create function outbox_test_refuse() returns trigger language plpgsql as
        $$ begin raise exception 'timeline unavailable'; end $$;
      create trigger outbox_test_refuse before insert on case_timeline
        for each row when (new.kind = 'alarm') execute function outbox_test_refuse();`);
    try {
      const refused = await post(operator, `/api/v1/alarms/${alarmId}/resolve`, { outcome: 'no_threat' });
      expect(refused.status).toBe(500);
    } finally {
      await p.db.exec(
        `drop trigger outbox_test_refuse on case_timeline; drop function outbox_test_refuse();`,
      );
    }
    expect((await aftercare()).rows.length).toBe(before);
    expect((await (await operator(`/api/v1/alarms/${alarmId}`)).json()).state).toBe('claimed');

    const resolved = await post(operator, `/api/v1/alarms/${alarmId}/resolve`, { outcome: 'no_threat' });
    expect(resolved.status).toBe(200);
    expect((await aftercare()).rows.length).toBe(before + 1);
  });
});

describeEachEngine('e-mail off', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false, env: { AWARE_DEMO: 'false' } });
  });
  afterAll(() => p?.close());

  it('without AWARE_SMTP_URL, /health?details=true says mail is off and messages wait, unsent', async () => {
    const health = await (await fetch(`${p.url}/health?details=true`)).json();
    expect(health).toMatchObject({ status: 'ok', mail: 'off' });
    // plain /health stays as it was
    expect(await (await fetch(`${p.url}/health`)).json()).toEqual({ status: 'ok' });
    await p.db.transaction((tx) =>
      enqueueMail(tx, { kind: 'task.overdue', to: 'someone@example.org', subject: 's', text: 't' }),
    );
    expect(await p.mail.deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // a day later it is given up: shown to administrators as failed, never sent late
    expect(await p.mail.deliver(new Date(Date.now() + 25 * 3600_000))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    const row = await p.db.query('select status, last_error from outbox');
    expect(row.rows).toEqual([{ status: 'failed', last_error: 'expired' }]);
  });
});
