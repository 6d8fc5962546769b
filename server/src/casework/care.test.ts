import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdfText } from '../pdf/testing/pdf-text.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

type Api = Awaited<ReturnType<typeof signIn>>;

describeEachEngine('casework: care records of phase 3', (engine) => {
  let p: TestPlatform;
  let cw: Api;
  let caseId: string;
  const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    p = await startTestPlatform(engine);
    cw = await signIn(p, 'caseworker');
    caseId = (await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0006'`))
      .rows[0]!.id;
  });
  afterAll(() => p.close());

  const timelineKinds = async () =>
    (
      await p.db.query<{ kind: string }>('select kind from case_timeline where case_id = $1 order by id', [
        caseId,
      ])
    ).rows.map((r) => r.kind);

  it('records conversations and counts them against the stalking norms (18 client, 2-3 per child, 9 network)', async () => {
    const before = (await (await cw(`/api/v1/cases/${caseId}/conversations`)).json()) as {
      progress: {
        client: { done: number; norm: { expected: number } };
        children: { norm: { expected: number } };
      };
    };
    expect(before.progress.client.norm.expected).toBe(18);
    expect(before.progress.children.norm.expected).toBe(5); // two children: Lotte and Daan
    const r = await cw(
      `/api/v1/cases/${caseId}/conversations`,
      json({
        heldOn: today,
        kind: 'client',
        durationMinutes: 45,
        observation: 'Huilt bij het noemen van school',
        interpretation: 'Angst rond ophalen kinderen',
      }),
    );
    expect(r.status, await r.clone().text()).toBe(201);
    const after = (await (await cw(`/api/v1/cases/${caseId}/conversations`)).json()) as typeof before & {
      conversations: { observation: string; interpretation: string }[];
    };
    expect(after.progress.client.done).toBe(before.progress.client.done + 1);
    expect(after.conversations[0]).toMatchObject({
      observation: 'Huilt bij het noemen van school',
      interpretation: 'Angst rond ophalen kinderen',
    });
    expect(await timelineKinds()).toContain('conversation');
  });

  it('refuses a conversation with a child until consent is recorded', async () => {
    const forms = (await (await cw(`/api/v1/cases/${caseId}/forms`)).json()) as {
      children: { id: string; firstName: string }[];
    };
    const lotte = forms.children.find((c) => c.firstName === 'Lotte')!;
    const talk = () =>
      cw(
        `/api/v1/cases/${caseId}/conversations`,
        json({
          heldOn: today,
          kind: 'child',
          childId: lotte.id,
          durationMinutes: 30,
          observation: 'Tekent haar huis',
        }),
      );
    const refused = await talk();
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('childId');
    const consent = await cw(
      `/api/v1/cases/${caseId}/forms`,
      json({
        kind: 'child_consent',
        childId: lotte.id,
        baseVersion: 0,
        content: { consentGiven: true, givenBy: 'Moeder', givenOn: today },
      }),
    );
    expect(consent.status, await consent.clone().text()).toBe(201);
    expect((await talk()).status).toBe(201);
  });

  it('every save of the safety plan is a new version; a stale edit is refused with 409', async () => {
    const start = (await (await cw(`/api/v1/cases/${caseId}/safety-plan`)).json()) as {
      plan: { version: number };
    };
    expect(start.plan.version).toBe(1); // the demo's first version
    const save = (baseVersion: number, agreements: string[]) =>
      cw(
        `/api/v1/cases/${caseId}/safety-plan`,
        json({
          baseVersion,
          content: { alarmAgreements: agreements, tips: ['Route wisselen'] },
          reason: 'na incident',
        }),
      );
    const second = await save(1, ['Knop altijd bij me', 'Buren weten ervan']);
    expect(second.status, await second.clone().text()).toBe(201);
    expect(((await second.json()) as { version: number }).version).toBe(2);
    const stale = await save(1, ['Iets anders']);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('baseVersion');
    const now = (await (await cw(`/api/v1/cases/${caseId}/safety-plan`)).json()) as {
      plan: { version: number; content: { alarmAgreements: string[] } };
      versions: { version: number }[];
      changes: { section: string; added: string[] }[];
    };
    expect(now.plan.version).toBe(2);
    expect(now.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(now.changes.find((c) => c.section === 'alarmAgreements')?.added).toContain('Buren weten ervan');
    const old = (await (await cw(`/api/v1/cases/${caseId}/safety-plan?version=1`)).json()) as {
      plan: { version: number };
    };
    expect(old.plan.version).toBe(1);
    // a plan without button agreements is refused, naming the section
    const empty = await save(2, []);
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe(
      'content/alarmAgreements',
    );
  });

  it('the alarm console reads the button agreements from the newest plan version', async () => {
    const { loadLinkedInfo } = await import('../alarms/linked-info.ts');
    const info = await loadLinkedInfo(
      p.db,
      p.secrets,
      caseId,
      '00000000-0000-4000-8000-000000000000',
      new Date(),
    );
    expect(info.agreements).toEqual(['Knop altijd bij me', 'Buren weten ervan']);
    const table = await p.db.query(`select to_regclass('safety_plan_alarm_agreements') as t`);
    expect((table.rows[0] as { t: string | null }).t).toBeNull();
  });

  it('prints the plan for her home in her language, without case reference or perpetrator name', async () => {
    await cw(
      `/api/v1/cases/${caseId}/safety-plan`,
      json({
        baseVersion: 2,
        content: {
          alarmAgreements: ['Knop altijd bij me'],
          unsafeSituations: ['Als Mark voor de deur staat'],
        },
        reason: 'na gesprek',
      }),
    );
    const r = await cw(`/api/v1/cases/${caseId}/safety-plan/pdf`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const pdf = await pdfText(bytes);
    for (const heading of [
      'Mijn veiligheidsplan',
      'Wat zijn mijn krachten?',
      'Wie kan mij helpen?',
      'Afspraken als ik op de knop druk',
      'Digitale veiligheid',
    ])
      expect(pdf.text).toContain(heading);
    expect(pdf.text).toContain('Als ... voor de deur staat');
    expect(pdf.text).not.toContain('AW-2026');
    expect(pdf.text).not.toContain('Mark');
    expect(pdf.text).not.toContain('Schuilplaats');
    expect(`${pdf.title}${pdf.author}${pdf.keywords}`).not.toMatch(/AW-2026|AWARE|Vries/);
    // English for a client whose language is English; any other language falls back to Dutch
    await p.db.query(`update clients set language = 'en' where case_id = $1`, [caseId]);
    const en = await pdfText(
      new Uint8Array(await (await cw(`/api/v1/cases/${caseId}/safety-plan/pdf`)).arrayBuffer()),
    );
    expect(en.text).toContain('My safety plan');
    expect(en.text).toContain('Agreements for when I press the button');
    await p.db.query(`update clients set language = 'tr' where case_id = $1`, [caseId]);
    const tr = await pdfText(
      new Uint8Array(await (await cw(`/api/v1/cases/${caseId}/safety-plan/pdf`)).arrayBuffer()),
    );
    expect(tr.text).toContain('Mijn veiligheidsplan');
    await p.db.query(`update clients set language = 'nl' where case_id = $1`, [caseId]);
  });

  it('keeps the digital safety check and other forms versioned, refusing stale and unknown fields', async () => {
    const save = (baseVersion: number, content: Record<string, unknown>) =>
      cw(`/api/v1/cases/${caseId}/forms`, json({ kind: 'digital_safety_check', baseVersion, content }));
    expect(
      (await save(0, { phoneLocationSharing: true, passwordsChanged: false, actions: 'Nieuwe telefoon' }))
        .status,
    ).toBe(201);
    expect((await save(0, { phoneLocationSharing: true })).status).toBe(409);
    const unknown = await save(1, { phoneColour: 'rood' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe(
      'content/phoneColour',
    );
    const forms = (await (await cw(`/api/v1/cases/${caseId}/forms`)).json()) as {
      definitions: { kind: string }[];
      forms: { kind: string; version: number; content: Record<string, unknown> }[];
    };
    expect(forms.definitions.map((d) => d.kind)).toEqual([
      'intake',
      'strengths_wishes',
      'action_plan',
      'digital_safety_check',
      'children_form',
      'child_consent',
      'psycho_education',
    ]);
    expect(forms.forms.find((f) => f.kind === 'digital_safety_check')).toMatchObject({
      version: 1,
      content: { phoneLocationSharing: true, passwordsChanged: false },
    });
  });

  it('keeps her incident log and exports it in order of time as a PDF for a police report', async () => {
    const add = (body: object) => cw(`/api/v1/cases/${caseId}/incident-log`, json(body));
    expect(
      (
        await add({
          occurredOn: '2026-02-10',
          occurredTime: '21:30',
          whatHappened: 'Stond bij de school',
          place: 'Schoolplein',
          witnesses: 'Juf Anja',
          reportedToPolice: true,
          policeReportNumber: 'PL0900-2026-1234',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await add({
          occurredOn: '2026-01-03',
          whatHappened: 'Veertig berichten in een nacht',
          reportedToPolice: false,
        })
      ).status,
    ).toBe(201);
    const badNumber = await add({
      occurredOn: '2026-01-04',
      whatHappened: 'x',
      reportedToPolice: false,
      policeReportNumber: '123',
    });
    expect(badNumber.status).toBe(400);
    const evidence = await add({
      occurredOn: '2026-01-04',
      whatHappened: 'x',
      reportedToPolice: false,
      evidenceDocumentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(((await evidence.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe(
      'evidenceDocumentIds',
    );
    const log = (await (await cw(`/api/v1/cases/${caseId}/incident-log`)).json()) as {
      whatHappened: string;
    }[];
    expect(log.map((e) => e.whatHappened)).toEqual(['Veertig berichten in een nacht', 'Stond bij de school']);
    const r = await cw(`/api/v1/cases/${caseId}/incident-log/pdf`);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const pdf = await pdfText(new Uint8Array(await r.arrayBuffer()));
    expect(pdf.text).toContain('Logboek incidenten');
    expect(pdf.text).toContain('ja, nummer PL0900-2026-1234');
    expect(pdf.text.indexOf('Veertig berichten')).toBeLessThan(pdf.text.indexOf('Stond bij de school'));
    // the time she knows is printed; the one she does not know is never invented
    expect(pdf.text).toContain('10 februari 2026, 21:30');
    expect(pdf.text).toContain('3 januari 2026, tijd onbekend');
    expect(pdf.text).not.toContain('12:00');
    expect(pdf.text).toContain('Traject AW-2026-0006');
    expect(pdf.text).toContain('Bron: vastgelegd door de hulpverlener');
  });

  it('records referrals to further support on the timeline', async () => {
    const r = await cw(
      `/api/v1/cases/${caseId}/support-referrals`,
      json({ referredOn: today, kind: 'trauma_care', toWhom: 'GGZ Demostad' }),
    );
    expect(r.status).toBe(201);
    expect(await timelineKinds()).toEqual(
      expect.arrayContaining(['support_referral', 'incident_log', 'form', 'safety_plan']),
    );
  });

  it('police never see care records (403); another caseworker is not told the case exists (404); VT reads but does not write', async () => {
    const police = await signIn(p, 'police');
    const other = await signIn(p, 'caseworker2');
    const vt = await signIn(p, 'vt');
    for (const path of [
      'conversations',
      'safety-plan',
      'safety-plan/pdf',
      'forms',
      'incident-log',
      'incident-log/pdf',
      'evaluation',
    ]) {
      expect((await police(`/api/v1/cases/${caseId}/${path}`)).status, path).toBe(403);
      expect((await other(`/api/v1/cases/${caseId}/${path}`)).status, path).toBe(404);
      expect((await vt(`/api/v1/cases/${caseId}/${path}`)).status, path).toBe(200);
    }
    expect(
      (
        await vt(
          `/api/v1/cases/${caseId}/conversations`,
          json({ heldOn: today, kind: 'client', durationMinutes: 10 }),
        )
      ).status,
    ).toBe(403);
  });

  it('audits every read of a care record without personal data in the details', async () => {
    await cw(`/api/v1/cases/${caseId}/incident-log`);
    const r = await p.db.query<{ action: string; details: object }>(
      `select action, details from audit_log where record_id = $1 and access = 'read' and action like '%incident_log%'`,
      [caseId],
    );
    expect(r.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.rows)).not.toMatch(/Stond|school|PL0900/i);
  });
});
