import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
// biome-ignore lint/suspicious/noExplicitAny: API answers, checked field by field below
type Json = any;

const referral = (overrides: Record<string, unknown> = {}) => ({
  targetGroup: 'stalking',
  referrerKind: 'veilig_thuis',
  channel: 'phone',
  summary: 'Ex-partner volgt cliënt dagelijks.',
  client: { name: 'Test Cliënt', phone: '+31 6 1234 5678', address: 'Geheimstraat 9, Demostad' },
  children: [{ firstName: 'Mila', birthYear: 2018 }],
  perpetrator: { name: 'Test Pleger', description: 'Man, 40, lang', registration: 'AB-123-C' },
  bans: [{ kind: 'contact', description: 'Contactverbod' }],
  ...overrides,
});

const ITEMS = [
  ['unsafety_or_stalking', true],
  ['threat_of_violence', true],
  ['contact_broken', true],
  ['willing_to_report', true],
  ['open_to_help', true],
  ['several_perpetrators', false],
  ['few_safety_risks', false],
  ['too_high_risks', false],
] as const;

describeEachEngine('case intake: referral to connection', (engine) => {
  let p: TestPlatform;
  let vt: Api;
  let police: Api;
  let coordinator: Api;
  let caseworker: Api;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
    vt = await signIn(p, 'vt');
    police = await signIn(p, 'police');
    coordinator = await signIn(p, 'coordinator');
    caseworker = await signIn(p, 'caseworker');
  });
  afterAll(() => p.close());

  const post = (api: Api, path: string, body: unknown) =>
    api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
  const detail = async (api: Api, id: string) => (await (await api(`/api/v1/cases/${id}`)).json()) as Json;
  const timeline = async (id: string) =>
    ((await (await coordinator(`/api/v1/cases/${id}/timeline?limit=200`)).json()) as Json).entries.map(
      (e: { kind: string; summary: string }) => `${e.kind}: ${e.summary}`,
    ) as string[];

  async function newReferral(body = referral()) {
    const r = await post(vt, '/cases', body);
    expect(r.status, await r.clone().text()).toBe(201);
    return (await r.json()) as { id: string; reference: string };
  }

  async function screened(id: string) {
    let c = await detail(coordinator, id);
    const moved = await post(coordinator, `/cases/${id}/transitions`, {
      to: 'screening',
      rationale: 'Aanmelding compleet',
      version: c.version,
    });
    expect(moved.status).toBe(200);
    c = await detail(coordinator, id);
    const items = ITEMS.map(([item, holds]) => ({ item, holds, note: `notitie ${item}` }));
    expect((await post(coordinator, `/cases/${id}/screening`, { version: c.version, items })).status).toBe(
      200,
    );
    c = await detail(coordinator, id);
    expect(
      (
        await post(coordinator, `/cases/${id}/transitions`, {
          to: 'decision',
          rationale: 'Gescreend',
          version: c.version,
        })
      ).status,
    ).toBe(200);
    return detail(coordinator, id);
  }

  it('a VT worker registers a referral: reference, parties, sealed contact details, timeline', async () => {
    const created = await newReferral();
    expect(created.reference).toMatch(/^AW-\d{4}-\d{4}$/);
    const c = await detail(vt, created.id);
    expect(c).toMatchObject({ status: 'referral', targetGroup: 'stalking', version: 1 });
    expect(c.may).toMatchObject({ write: true, decide: true, careRead: true });
    expect(c.parties.map((x: { type: string }) => x.type).sort()).toEqual(['shelter', 'veilig_thuis']);
    expect(c.client).toMatchObject({ name: 'Test Cliënt', phone: '+31 6 1234 5678' });
    const stored = await p.db.query<{ phone_sealed: string }>(
      'select phone_sealed from clients where case_id = $1',
      [created.id],
    );
    expect(stored.rows[0]!.phone_sealed).not.toContain('1234');
    expect(await timeline(created.id)).toEqual([
      expect.stringMatching(
        /^referral: Aanmelding door Veilig Thuis \(Veilig Thuis Demoregio\), telefonisch$/,
      ),
    ]);
  });

  it('references count on within the year', async () => {
    const a = await newReferral();
    const b = await newReferral();
    const n = (ref: string) => Number(ref.split('-')[2]);
    expect(n(b.reference)).toBe(n(a.reference) + 1);
    expect(n(a.reference)).toBeGreaterThan(10); // after the demo's AW-2026-0001..0010
  });

  it('acute unsafety is refused with a field error where the region has not enabled it', async () => {
    await p.db.query(`update regions set acute_unsafety_enabled = false where name like 'Demoregio%'`);
    try {
      const r = await post(vt, '/cases', referral({ targetGroup: 'acute_unsafety' }));
      expect(r.status).toBe(400);
      expect(((await r.json()) as Json).errors).toEqual([
        {
          field: 'targetGroup',
          message: 'acute unsafety is not a target group in this region',
          code: 'intake.acuteNotInRegion',
        },
      ]);
    } finally {
      await p.db.query(`update regions set acute_unsafety_enabled = true where name like 'Demoregio%'`);
    }
    expect((await post(vt, '/cases', referral({ targetGroup: 'acute_unsafety' }))).status).toBe(201);
  });

  it('refuses an illegal transition with the reason, and a stale edit with 409', async () => {
    const { id } = await newReferral();
    const r = await post(coordinator, `/cases/${id}/transitions`, {
      to: 'active',
      rationale: 'snel',
      version: 1,
    });
    expect(r.status).toBe(409);
    expect(((await r.json()) as Json).detail).toBe(
      'from referral a case can only go to screening, not active',
    );
    expect(
      (await post(coordinator, `/cases/${id}/transitions`, { to: 'screening', rationale: 'ok', version: 1 }))
        .status,
    ).toBe(200);
    // a second form still based on version 1
    const stale = await post(vt, `/cases/${id}/screening`, {
      version: 1,
      items: [{ item: 'open_to_help', holds: true }],
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as Json).errors[0].field).toBe('version');
    const screening = await post(coordinator, `/cases/${id}/transitions`, {
      to: 'decision',
      rationale: 'x',
      version: 2,
    });
    const refusal = (await screening.json()) as Json;
    expect(refusal.detail).toBe('every indication and contra-indication must be answered first');
    // the code the web says in Dutch ("Beantwoord eerst alle indicaties en contra-indicaties.")
    expect(refusal.code).toBe('screeningIncomplete');
  });

  it('refuses the decision until every required party agreed; granting creates police and VT tasks', async () => {
    const { id } = await newReferral();
    let c = await screened(id);
    expect(c.decision.requiredParties).toEqual(['police', 'shelter', 'veilig_thuis']);
    expect(c.parties.map((x: { type: string }) => x.type).sort()).toEqual([
      'police',
      'shelter',
      'veilig_thuis',
    ]);
    expect((await post(coordinator, `/cases/${id}/decision/agreements`, { outcome: 'granted' })).status).toBe(
      200,
    );
    expect(
      (await post(vt, `/cases/${id}/decision/agreements`, { outcome: 'granted', note: 'Triage: hoog' }))
        .status,
    ).toBe(200);
    const decision = {
      outcome: 'granted',
      rationale: 'Alle indicaties, geen contra-indicaties',
      version: c.version,
      communicatedToClient: true,
      communicatedToReferrer: true,
      stopTalkSkippedReason: 'Een STOP-gesprek verhoogt het gevaar',
    };
    const early = await post(coordinator, `/cases/${id}/decision`, decision);
    expect(early.status).toBe(409);
    expect(((await early.json()) as Json).detail).toBe(
      'the joint decision still lacks the agreement of: police',
    );
    expect((await post(caseworker, `/cases/${id}/decision/agreements`, { outcome: 'granted' })).status).toBe(
      404,
    );
    expect((await post(police, `/cases/${id}/decision/agreements`, { outcome: 'granted' })).status).toBe(200);
    const done = await post(coordinator, `/cases/${id}/decision`, decision);
    expect(done.status, await done.clone().text()).toBe(200);
    expect(await done.json()).toMatchObject({
      status: 'connecting',
      connectionDeadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    c = await detail(coordinator, id);
    expect(c.decision).toMatchObject({ outcome: 'granted', rationale: decision.rationale });
    expect(c.decision.communicatedClientAt).not.toBeNull();
    expect(c.tasks.map((t: Json) => [t.kind, t.assigneeOrganisationName, t.skippedReason])).toEqual([
      ['police_flag', 'Politie Basisteam Demostad', null],
      ['police_stop_talk', 'Politie Basisteam Demostad', 'Een STOP-gesprek verhoogt het gevaar'],
      ['vt_perpetrator_contact', 'Veilig Thuis Demoregio', null],
    ]);
    const transitions = await p.db.query<{ to_status: string; actor_label: string; rationale: string }>(
      'select to_status, actor_label, rationale from case_transitions where case_id = $1 order by at',
      [id],
    );
    expect(transitions.rows.map((t) => t.to_status)).toEqual(['screening', 'decision', 'connecting']);
    expect(transitions.rows[2]).toMatchObject({
      actor_label: 'coordinator@demo.aware.test',
      rationale: decision.rationale,
    });
    const told = await p.db.query<{ n: number }>(
      `select count(distinct user_id)::int as n from notifications where case_id = $1 and kind = 'case.decision'`,
      [id],
    );
    expect(told.rows[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('a rejection needs advice, ends the case, and nothing moves it afterwards', async () => {
    const { id } = await newReferral();
    const c = await screened(id);
    for (const api of [coordinator, vt, police]) {
      expect((await post(api, `/cases/${id}/decision/agreements`, { outcome: 'rejected' })).status).toBe(200);
    }
    const base = {
      outcome: 'rejected',
      rationale: 'Meerdere plegers',
      version: c.version,
      communicatedToClient: true,
      communicatedToReferrer: false,
    };
    const noAdvice = await post(coordinator, `/cases/${id}/decision`, base);
    expect(noAdvice.status).toBe(400);
    const r = await post(coordinator, `/cases/${id}/decision`, {
      ...base,
      rejectionAdvice: 'Veiligheidsplan met VT',
      rejectionReferral: 'Slachtofferhulp',
    });
    expect(r.status).toBe(200);
    const after = await detail(coordinator, id);
    expect(after.status).toBe('rejected');
    expect(after.decision).toMatchObject({
      rejectionAdvice: 'Veiligheidsplan met VT',
      rejectionReferral: 'Slachtofferhulp',
    });
    expect(after.connection.deadline).toBeNull();
    const again = await post(coordinator, `/cases/${id}/transitions`, {
      to: 'active',
      rationale: 'toch',
      version: after.version,
    });
    expect(((await again.json()) as Json).detail).toBe(
      'a case in status rejected is finished and cannot change',
    );
  });

  it('connects a granted case: caseworker, signalement, device with a test alarm, contract, privacy statement → active', async () => {
    const { id } = await newReferral();
    let c = await screened(id);
    for (const api of [coordinator, vt, police])
      await post(api, `/cases/${id}/decision/agreements`, { outcome: 'granted' });
    await post(coordinator, `/cases/${id}/decision`, {
      outcome: 'granted',
      rationale: 'ok',
      version: c.version,
      communicatedToClient: true,
      communicatedToReferrer: true,
    });
    c = await detail(coordinator, id);
    const carla = c.assignableCaseworkers.find((u: { name: string }) => u.name === 'Carla Hulpverlener');
    expect(
      (await post(caseworker, `/cases/${id}/caseworker`, { caseworkerId: carla.id, version: c.version }))
        .status,
    ).toBe(404);
    expect(
      (await post(coordinator, `/cases/${id}/caseworker`, { caseworkerId: carla.id, version: c.version }))
        .status,
    ).toBe(200);
    c = await detail(caseworker, id);
    expect(c.caseworker.name).toBe('Carla Hulpverlener');
    expect(c.caseDirector.name).toBe('Carla Hulpverlener');

    const refused = await post(caseworker, `/cases/${id}/transitions`, {
      to: 'active',
      rationale: 'klaar',
      version: c.version,
    });
    expect(((await refused.json()) as Json).detail).toBe(
      'connection is not complete: missing a device, a test alarm, the signed contract',
    );
    expect(
      (
        await post(caseworker, `/cases/${id}/signalement`, {
          recipient: 'Stalkingsfunctionaris',
          version: c.version,
        })
      ).status,
    ).toBe(200);
    const pdf = await police(`/api/v1/cases/${id}/signalement/pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // device from stock, in test mode; a test alarm, resolved by the operator as a test
    const devices = (await (await coordinator('/api/v1/devices?state=in_stock')).json()) as Json[];
    const device = devices.find((d) => d.serial === 'XM-1004');
    expect((await post(coordinator, `/devices/${device.id}/assign`, { caseId: id })).status).toBe(200);
    await coordinator(`/api/v1/devices/${device.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ testMode: true }),
    });
    await p.handle({
      protocol: 'dc09',
      deviceAccount: '1004',
      kind: 'panic',
      sequence: 'intake-test-1',
      receivedAt: new Date(),
      raw: 'test',
    });
    const alarm = await p.db.query<{ id: string; is_test: boolean }>(
      `select id, is_test from alarms where sequence = 'intake-test-1'`,
    );
    expect(alarm.rows[0]!.is_test).toBe(true);
    const operator = await signIn(p, 'operator');
    await post(operator, `/alarms/${alarm.rows[0]!.id}/claim`, {});
    expect((await post(operator, `/alarms/${alarm.rows[0]!.id}/resolve`, { outcome: 'test' })).status).toBe(
      200,
    );

    const contract = new FormData();
    contract.append(
      'file',
      new Blob(['%PDF-1.4\n% getekend contract\n%%EOF\n'], { type: 'application/pdf' }),
      'contract.pdf',
    );
    const upload = await fetch(`${p.url}/api/v1/cases/${id}/documents?kind=contract`, {
      method: 'POST',
      headers: { cookie: caseworker.cookie, 'x-requested-with': 'aware' },
      body: contract,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const documentId = ((await upload.json()) as { id: string }).id;
    c = await detail(caseworker, id);
    expect(
      (
        await post(caseworker, `/cases/${id}/contract`, {
          signedOn: '2026-01-05',
          documentId,
          version: c.version,
        })
      ).status,
    ).toBe(200);
    c = await detail(caseworker, id);
    expect(
      (
        await post(caseworker, `/cases/${id}/privacy-statement`, {
          handedOn: '2026-01-05',
          version: c.version,
        })
      ).status,
    ).toBe(200);
    c = await detail(caseworker, id);
    expect(c.connection).toMatchObject({
      contractSignedOn: '2026-01-05',
      privacyStatementHandedOn: '2026-01-05',
      device: { serial: 'XM-1004' },
    });
    expect(c.connection.testAlarmAt).not.toBeNull();
    const active = await post(caseworker, `/cases/${id}/transitions`, {
      to: 'active',
      rationale: 'Aangesloten',
      version: c.version,
    });
    expect(active.status, await active.clone().text()).toBe(200);

    const steps = await timeline(id);
    for (const expected of [
      /^referral: /,
      /^screening: /,
      /^decision: Besluit: toegekend/,
      /^deadline: Aansluiten uiterlijk/,
      /^team: Hulpverlener toegewezen: Carla Hulpverlener$/,
      /^signalement: Signalement verstuurd aan Stalkingsfunctionaris$/,
      /^device: Apparaat uitgegeven: XM-1004/,
      /^test_alarm: Melding ontvangen: noodmelding \(testmodus\)$/,
      /^test_alarm: Testmelding geslaagd$/,
      /^document: gebruikerscontract toegevoegd: contract.pdf$/,
      /^contract: Gebruikerscontract getekend op 2026-01-05$/,
      /^document: Privacyverklaring uitgereikt op 2026-01-05$/,
      /^transition: Status: aansluiten → lopend$/,
    ]) {
      expect(
        steps.some((s) => expected.test(s)),
        `${expected} in ${steps.join('\n')}`,
      ).toBe(true);
    }
    expect(steps[0]).toBe('transition: Status: aansluiten → lopend');

    // connected: the button leaves test mode, and the next press is a real alarm, even on a warm device cache
    await p.handle({
      protocol: 'dc09',
      deviceAccount: '1004',
      kind: 'panic',
      sequence: 'intake-live-1',
      receivedAt: new Date(),
      raw: 'live',
    });
    const live = await p.db.query<{ is_test: boolean; test_mode: boolean }>(
      `select a.is_test, d.test_mode from alarms a join devices d on d.id = a.device_id where a.sequence = 'intake-live-1'`,
    );
    expect(live.rows[0]).toEqual({ is_test: false, test_mode: false });
    const liveId = (
      await p.db.query<{ id: string }>(`select id from alarms where sequence = 'intake-live-1'`)
    ).rows[0]!.id;
    await post(operator, `/alarms/${liveId}/claim`, {});
    await post(operator, `/alarms/${liveId}/resolve`, { outcome: 'false_alarm' });
  });

  it('pages the timeline with a cursor, newest first, and audits the read', async () => {
    const { id } = await newReferral();
    for (let i = 0; i < 4; i++) await post(vt, `/cases/${id}/contributions`, { body: `info ${i}` });
    const first = (await (await coordinator(`/api/v1/cases/${id}/timeline?limit=3`)).json()) as Json;
    expect(first.entries).toHaveLength(3);
    const second = (await (
      await coordinator(`/api/v1/cases/${id}/timeline?limit=3&before=${first.nextCursor}`)
    ).json()) as Json;
    expect(second.entries.map((e: Json) => e.kind)).toEqual(['contribution', 'referral']);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e: Json) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const audited = await p.db.query(
      `select 1 from audit_log where action = 'case.timeline.read' and record_id = $1`,
      [id],
    );
    expect(audited.rows.length).toBe(2);
  });
});

describeEachEngine('case access: who sees which parts', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(() => p.close());
  const caseId = async (reference: string) =>
    (await p.db.query<{ id: string }>('select id from cases where reference = $1', [reference])).rows[0]!.id;

  it("caseworker2 gets 404 on caseworker's case, and the attempt is in the audit log", async () => {
    const id = await caseId('AW-2026-0006');
    const cw2 = await signIn(p, 'caseworker2');
    for (const path of ['', '/timeline', '/documents']) {
      expect((await cw2(`/api/v1/cases/${id}${path}`)).status).toBe(404);
    }
    const refused = await p.db.query<{ actor_label: string; details: Json }>(
      `select actor_label, details from audit_log where action = 'case.refused' and record_id = $1`,
      [id],
    );
    expect(refused.rows).toHaveLength(3);
    expect(refused.rows[0]).toMatchObject({
      actor_label: 'caseworker2@demo.aware.test',
      details: { answer: 404 },
    });
  });

  it('the police see the signalement, bans and decision, but not the client address, phone or children', async () => {
    const id = await caseId('AW-2026-0006');
    const c = (await (await (await signIn(p, 'police'))(`/api/v1/cases/${id}`)).json()) as Json;
    expect(c.perpetrator).toMatchObject({ name: 'Mark de Vries', registration: 'XX-123-Y' });
    expect(c.bans).toHaveLength(2);
    expect(c.decision.outcome).toBe('granted');
    expect(c.client).toBeNull();
    expect(c.children).toEqual([]);
    expect(JSON.stringify(c)).not.toMatch(/Demostraat|5550 1001|Lotte/);
    const vt = (await (await (await signIn(p, 'vt'))(`/api/v1/cases/${id}`)).json()) as Json;
    expect(vt.client.address).toBe('Schuiladres, Demostraat 1, 1234 AB Demostad');
  });

  it('the funder is refused the case list (403) and any case (404)', async () => {
    const funder = await signIn(p, 'funder');
    expect((await funder('/api/v1/cases')).status).toBe(403);
    expect((await funder(`/api/v1/cases/${await caseId('AW-2026-0006')}`)).status).toBe(404);
  });

  it('the demo cases are consistent with their status', async () => {
    const rows = await p.db.query<{
      reference: string;
      status: string;
      items: number;
      decision: string | null;
      deadline: string | null;
      contract: string | null;
      transitions: number;
    }>(
      `select c.reference, c.status, (select count(*)::int from screening_items s where s.case_id = c.id) as items,
              c.decision, c.connection_deadline::text as deadline, c.contract_signed_on::text as contract,
              (select count(*)::int from case_transitions t where t.case_id = c.id) as transitions
       from cases c where c.reference like 'AW-2026-00%' order by c.reference`,
    );
    const byRef = Object.fromEntries(rows.rows.map((r) => [r.reference, r]));
    expect(byRef['AW-2026-0001']).toMatchObject({ status: 'referral', items: 0, transitions: 0 });
    expect(byRef['AW-2026-0003']).toMatchObject({ status: 'decision', items: 8, decision: null });
    expect(byRef['AW-2026-0004']).toMatchObject({ status: 'rejected', decision: 'rejected', deadline: null });
    expect(byRef['AW-2026-0005']).toMatchObject({
      status: 'connecting',
      decision: 'granted',
      contract: null,
    });
    expect(byRef['AW-2026-0005']!.deadline).not.toBeNull();
    for (const ref of ['AW-2026-0006', 'AW-2026-0007', 'AW-2026-0008']) {
      expect(byRef[ref]).toMatchObject({ status: 'active', items: 8, decision: 'granted', transitions: 4 });
      expect(byRef[ref]!.contract).not.toBeNull();
    }
  });
});
