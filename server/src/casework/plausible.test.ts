import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdfText } from '../pdf/testing/pdf-text.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { panicOverDc09, signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
interface Refusal {
  field: string;
  code?: string;
  params?: Record<string, string>;
}

/** The Dutch text the web app shows next to the field (casework.nl.json → refusals). */
const NL = JSON.parse(
  readFileSync(new URL('../../../web/src/i18n/casework.nl.json', import.meta.url), 'utf8'),
) as { refusals: Record<string, Record<string, string>> };
const dutch = (e: Refusal) => {
  const [group, key] = (e.code ?? '').split('.');
  const text = NL.refusals[group!]?.[key!];
  if (!text) throw new Error(`no Dutch text for ${e.code}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => e.params?.[k] ?? '');
};

describeEachEngine('casework: implausible input refused, corrections keep their history', (engine) => {
  let p: TestPlatform;
  let cw: Api;
  let caseId: string;
  const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
  const daysAgo = (n: number) =>
    new Date(Date.now() - n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });

  beforeAll(async () => {
    p = await startTestPlatform(engine);
    cw = await signIn(p, 'caseworker');
    caseId = (await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0006'`))
      .rows[0]!.id;
  });
  afterAll(() => p.close());

  const refusals = async (r: Response) => {
    expect(r.status, 'refused as bad input').toBe(400);
    const body = (await r.json()) as { errors: Refusal[] };
    return Object.fromEntries(body.errors.map((e) => [e.field, e]));
  };

  it('a conversation without content dated 1 January 1900 is refused on both fields, in Dutch, and counts nowhere', async () => {
    const progress = async () =>
      (
        (await (await cw(`/api/v1/cases/${caseId}/conversations`)).json()) as {
          conversations: unknown[];
          progress: { client: { done: number } };
        }
      ).progress.client.done;
    const before = await progress();
    const r = await cw(
      `/api/v1/cases/${caseId}/conversations`,
      json({ heldOn: '1900-01-01', kind: 'client', durationMinutes: 60, observation: '  ' }),
    );
    const e = await refusals(r);
    expect(e.heldOn!.code).toBe('date.beforeCase');
    expect(dutch(e.heldOn!)).toMatch(
      /^Deze datum ligt vóór de aanmelding van het traject \(\d{4}-\d{2}-\d{2}\)/,
    );
    expect(e.observation!.code).toBe('conversation.contentRequired');
    expect(dutch(e.observation!)).toBe('Schrijf op wat er in het gesprek is waargenomen of gezegd.');
    const future = await refusals(
      await cw(
        `/api/v1/cases/${caseId}/conversations`,
        json({ heldOn: '2999-01-01', kind: 'client', durationMinutes: 60, observation: 'x' }),
      ),
    );
    expect(dutch(future.heldOn!)).toBe('Deze datum ligt in de toekomst.');
    expect(await progress()).toBe(before);
  });

  it('an incident dated 1 March 1850 without a time is refused; one without a time keeps none, on screen and in the PDF', async () => {
    const add = (body: object) => cw(`/api/v1/cases/${caseId}/incident-log`, json(body));
    const e = await refusals(
      await add({ occurredOn: '1850-03-01', whatHappened: '', reportedToPolice: false }),
    );
    expect(e.occurredOn!.code).toBe('date.beforeIncidentHistory');
    expect(dutch(e.occurredOn!)).toMatch(/^Deze datum ligt meer dan vijf jaar vóór de aanmelding/);
    expect(dutch(e.whatHappened!)).toBe('Beschrijf wat er is gebeurd.');
    const ok = await add({
      occurredOn: daysAgo(3),
      occurredTime: null,
      whatHappened: 'Auto van de pleger in de straat',
      reportedToPolice: true,
      policeReportNumber: 'PL0900-2026-777',
    });
    expect(ok.status, await ok.clone().text()).toBe(201);
    expect(await ok.json()).toMatchObject({
      occurredOn: daysAgo(3),
      occurredTime: null,
      source: 'caseworker',
    });
    const pdf = await pdfText(
      new Uint8Array(await (await cw(`/api/v1/cases/${caseId}/incident-log/pdf`)).arrayBuffer()),
    );
    expect(pdf.text).toContain('Traject AW-2026-0006');
    expect(pdf.text).toContain('Tijd: tijd onbekend');
    expect(pdf.text).toContain('ja, nummer PL0900-2026-777');
    expect(pdf.text).not.toContain('12:00');
  });

  it('an evaluation with nothing in it is refused, naming the first question', async () => {
    const e = await refusals(
      await cw(`/api/v1/cases/${caseId}/evaluations`, json({ evaluatedOn: today, moment: 'interim' })),
    );
    expect(e.safetyScale!.code).toBe('evaluation.empty');
    expect(dutch(e.safetyScale!)).toContain('Beantwoord ten minste één vraag');
  });

  it('a safety-plan version with no change and no reason is refused on both', async () => {
    const plan = (await (await cw(`/api/v1/cases/${caseId}/safety-plan`)).json()) as {
      plan: { version: number; content: Record<string, string[]> };
    };
    const save = (reason: string | null, content = plan.plan.content) =>
      cw(`/api/v1/cases/${caseId}/safety-plan`, json({ baseVersion: plan.plan.version, content, reason }));
    const e = await refusals(await save(null));
    expect(dutch(e.content!)).toBe(
      'Deze versie is gelijk aan de versie die geldt. Pas iets aan of annuleer.',
    );
    expect(dutch(e.reason!)).toBe('Geef de reden van deze nieuwe versie.');
    const changed = {
      ...plan.plan.content,
      tips: [...(plan.plan.content.tips ?? []), 'Andere route naar werk'],
    };
    expect(dutch((await refusals(await save('  ', changed))).reason!)).toBe(
      'Geef de reden van deze nieuwe versie.',
    );
    expect((await save('na incident', changed)).status).toBe(201);
  });

  it('a corrected conversation shows its earlier version; the audit log keeps a hash of it, not the text', async () => {
    const created = await cw(
      `/api/v1/cases/${caseId}/conversations`,
      json({
        heldOn: daysAgo(2),
        kind: 'client',
        durationMinutes: 45,
        observation: 'Sliep slecht na de zitting',
      }),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const correct = (body: object) =>
      cw(`/api/v1/cases/${caseId}/conversations/${id}/corrections`, json(body));
    const fields = {
      heldOn: daysAgo(1),
      durationMinutes: 45,
      observation: 'Sliep slecht na de rechtszitting',
    };
    expect(dutch((await refusals(await correct({ ...fields, reason: '' }))).reason!)).toBe(
      'Geef de reden van de correctie.',
    );
    expect(
      dutch(
        (
          await refusals(
            await correct({
              heldOn: daysAgo(2),
              durationMinutes: 45,
              observation: 'Sliep slecht na de zitting',
              reason: 'x',
            }),
          )
        ).reason!,
      ),
    ).toBe('Er is niets gewijzigd ten opzichte van wat er stond.');
    expect(
      (await refusals(await correct({ ...fields, heldOn: '1900-01-01', reason: 'typfout' }))).heldOn!.code,
    ).toBe('date.beforeCase');
    const ok = await correct({ ...fields, reason: 'Verkeerde dag en woord' });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const list = (await (await cw(`/api/v1/cases/${caseId}/conversations`)).json()) as {
      conversations: {
        id: string;
        heldOn: string;
        observation: string;
        corrections: {
          previous: { heldOn: string; observation: string };
          reason: string;
          changedFields: string[];
          correctedBy: string;
        }[];
      }[];
    };
    const entry = list.conversations.find((c) => c.id === id)!;
    expect(entry).toMatchObject({ heldOn: daysAgo(1), observation: 'Sliep slecht na de rechtszitting' });
    expect(entry.corrections).toHaveLength(1);
    expect(entry.corrections[0]).toMatchObject({
      previous: { heldOn: daysAgo(2), observation: 'Sliep slecht na de zitting' },
      reason: 'Verkeerde dag en woord',
      changedFields: ['heldOn', 'observation'],
      correctedBy: 'Carla Hulpverlener',
    });
    const audit = await p.db.query<{ details: { fields: string[]; previousSha256: string } }>(
      `select details from audit_log where action = 'conversation.correct' and record_id = $1`,
      [id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.details.fields).toEqual(['heldOn', 'observation']);
    expect(audit.rows[0]!.details.previousSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(audit.rows)).not.toContain('Sliep');
  });

  it('an incident and an evaluation are corrected with a reason; their earlier versions stay', async () => {
    const added = await cw(
      `/api/v1/cases/${caseId}/incident-log`,
      json({ occurredOn: daysAgo(6), whatHappened: 'Belde twintig keer', reportedToPolice: false }),
    );
    const incident = (await added.json()) as { id: string };
    // she remembers the time later: the unknown time becomes known, the version without it stays
    const corrected = await cw(
      `/api/v1/cases/${caseId}/incident-log/${incident.id}/corrections`,
      json({
        occurredOn: daysAgo(6),
        occurredTime: '22:15',
        whatHappened: 'Belde twintig keer',
        reportedToPolice: false,
        reason: 'Tijd alsnog bekend',
      }),
    );
    expect(corrected.status, await corrected.clone().text()).toBe(200);
    expect(await corrected.json()).toMatchObject({
      occurredTime: '22:15',
      corrections: [{ previous: { occurredTime: null }, changedFields: ['occurredTime'] }],
    });

    const recorded = (await (
      await cw(
        `/api/v1/cases/${caseId}/evaluations`,
        json({ evaluatedOn: daysAgo(1), moment: 'interim', safetyScale: '6' }),
      )
    ).json()) as { evaluations: { id: string; evaluatedOn: string }[] };
    const evaluation = recorded.evaluations.find((e) => e.evaluatedOn === daysAgo(1))!;
    const path = `/api/v1/cases/${caseId}/evaluations/${evaluation.id}/corrections`;
    expect(
      dutch((await refusals(await cw(path, json({ evaluatedOn: daysAgo(1), reason: 'leeg' })))).safetyScale!),
    ).toContain('Beantwoord ten minste één vraag');
    const ok = await cw(path, json({ evaluatedOn: daysAgo(1), safetyScale: '7', reason: 'Schaal verkeerd' }));
    expect(ok.status, await ok.clone().text()).toBe(200);
    const after = (
      (await ok.json()) as {
        evaluations: {
          id: string;
          safetyScale: string;
          corrections: { previous: { safetyScale: string } }[];
        }[];
      }
    ).evaluations.find((e) => e.id === evaluation.id)!;
    expect(after.safetyScale).toBe('7');
    expect(after.corrections[0]!.previous.safetyScale).toBe('6');
  });

  it('a form is corrected by a new version with a reason; the version before stays readable', async () => {
    const forms = async () =>
      (
        (await (await cw(`/api/v1/cases/${caseId}/forms`)).json()) as {
          forms: {
            kind: string;
            version: number;
            content: Record<string, unknown>;
            reason: string | null;
            earlier: { version: number; content: Record<string, unknown> }[];
          }[];
        }
      ).forms.find((f) => f.kind === 'strengths_wishes');
    const save = (baseVersion: number, wishes: string, reason?: string) =>
      cw(
        `/api/v1/cases/${caseId}/forms`,
        json({ kind: 'strengths_wishes', baseVersion, content: { wishes }, reason }),
      );
    const base = (await forms())?.version ?? 0;
    expect((await save(base, 'Weer gaan werken')).status).toBe(201);
    expect(dutch((await refusals(await save(base + 1, 'Weer gaan werken, parttime'))).reason!)).toBe(
      'Geef de reden van de correctie.',
    );
    expect(dutch((await refusals(await save(base + 1, 'Weer gaan werken', 'x'))).reason!)).toBe(
      'Er is niets gewijzigd ten opzichte van wat er stond.',
    );
    expect((await save(base + 1, 'Weer gaan werken, parttime', 'Aangevuld na gesprek')).status).toBe(201);
    const now = (await forms())!;
    expect(now).toMatchObject({
      version: base + 2,
      content: { wishes: 'Weer gaan werken, parttime' },
      reason: 'Aangevuld na gesprek',
    });
    expect(now.earlier[0]).toMatchObject({ version: base + 1, content: { wishes: 'Weer gaan werken' } });
  });

  it('the incident written when the police close an alarm lands in the case’s incident log, with its time', async () => {
    const operator = await signIn(p, 'operator');
    const police = await signIn(p, 'police');
    const alarmId = await panicOverDc09(p, '1001', 4711);
    const post = (api: Api, step: string, body: object = {}) =>
      api(`/api/v1/alarms/${alarmId}/${step}`, json(body));
    expect((await post(operator, 'claim')).status).toBe(200);
    expect((await post(operator, 'forward', { note: 'prio 1' })).status).toBe(200);
    expect((await post(police, 'on-scene')).status).toBe(200);
    expect((await post(police, 'resolve', { outcome: 'arrest_in_act' })).status).toBe(200);
    const log = (await (await cw(`/api/v1/cases/${caseId}/incident-log`)).json()) as {
      source: string;
      occurredOn: string;
      occurredTime: string | null;
      whatHappened: string;
    }[];
    const fromAlarm = log.filter((e) => e.source === 'alarm');
    expect(fromAlarm).toHaveLength(1);
    expect(fromAlarm[0]!.occurredOn).toBe(today);
    expect(fromAlarm[0]!.occurredTime).toMatch(/^\d{2}:\d{2}$/);
    expect(fromAlarm[0]!.whatHappened).toMatch(/^Noodmelding afgehandeld/);
    // the caseworker's own entry of the test before sits in the same log
    expect(log.some((e) => e.source === 'caseworker')).toBe(true);
    const pdf = await pdfText(
      new Uint8Array(await (await cw(`/api/v1/cases/${caseId}/incident-log/pdf`)).arrayBuffer()),
    );
    expect(pdf.text).toContain('Bron: noodmelding, afgehandeld door de politie');
  });
});
