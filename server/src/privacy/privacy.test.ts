import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied } from '../access/index.ts';
import type { RequestContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { buildApp } from '../http/app.ts';
import { CONFIDENTIAL } from '../pdf/index.ts';
import { pdfText } from '../pdf/testing/pdf-text.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { answerDue, type DataSubjectExport } from './export.ts';
import { renderExportPdf } from './pdf.ts';
import { privacyRoutes } from './routes.ts';
import { createPrivacyService, type PrivacyService } from './service.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
type Http = (path: string, init?: RequestInit) => Promise<Response>;

/** The HTTP status the app's error handler gives a service error. */
function statusOf(error: unknown): number {
  if (error instanceof AccessDenied) return error.conceal ? 404 : 403;
  if (error instanceof DomainError) return error.status;
  throw error;
}
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error) => statusOf(error),
  );

describeEachEngine('privacy: data-subject rights of the client', (engine) => {
  let p: TestPlatform;
  let service: PrivacyService;
  const api: Record<string, Api> = {};
  const ctx: Record<string, RequestContext> = {};
  let sanne: string;
  let otherCase: string;
  /**
   * HTTP goes to the platform itself once platform.ts registers privacyRoutes; until then to a second app
   * built by the same buildApp (authentication, CSRF rule, problem+json, helmet) with only these routes,
   * sharing the platform's database and sessions.
   */
  let http: Record<string, Http> = {};
  let ownApp: Awaited<ReturnType<typeof buildApp>> | null = null;
  const routesWired = () =>
    p.app.hasRoute({ method: 'GET', url: '/api/v1/cases/:id/data-subject-export' }) &&
    p.app.hasRoute({ method: 'POST', url: '/api/v1/privacy-requests/:id/decision' });

  beforeAll(async () => {
    p = await startTestPlatform(engine);
    service = createPrivacyService(p.db, p.secrets);
    for (const role of ['caseworker', 'caseworker2', 'coordinator', 'admin', 'funder', 'police', 'vt']) {
      api[role] = await signIn(p, role);
      const session = await p.identity.resolveSession(api[role].cookie.split('=')[1]!);
      ctx[role] = { actor: session!.actor, ip: '127.0.0.1' };
    }
    const ids = await p.db.query<{ id: string; reference: string }>(
      `select id, reference from cases where reference in ('AW-2026-0006', 'AW-2026-0008')`,
    );
    sanne = ids.rows.find((r) => r.reference === 'AW-2026-0006')!.id;
    otherCase = ids.rows.find((r) => r.reference === 'AW-2026-0008')!.id;
    let base = p.url;
    if (!routesWired()) {
      ownApp = await buildApp({
        identity: p.identity,
        metrics: p.metrics,
        webDist: '/nonexistent',
        trustProxy: false,
        secureCookies: false,
        logLevel: 'silent',
        version: 'test',
        imageOrigins: [],
        rootRoutes: [],
        apiRoutes: [privacyRoutes(service)],
      });
      base = await ownApp.listen({ port: 0, host: '127.0.0.1' });
    }
    http = Object.fromEntries(
      Object.entries(api).map(([role, a]) => [
        role,
        (path: string, init: RequestInit = {}) =>
          fetch(`${base}${path}`, {
            ...init,
            headers: {
              cookie: a.cookie,
              ...(init.body ? { 'content-type': 'application/json' } : { 'x-requested-with': 'aware' }),
              ...init.headers,
            },
          }),
      ]),
    );
    // a panic with a position on Sanne's button, so the export has an alarm to show
    await p.handle({
      protocol: 'dc09',
      deviceAccount: '1001',
      kind: 'panic',
      sequence: '0042',
      receivedAt: new Date(),
      position: { lat: 52.0907, lon: 5.1214, accuracy: 12 },
      raw: 'test frame',
    });
  });
  afterAll(async () => {
    await ownApp?.close();
    await p.close();
  });

  it('exports everything about Sanne de Vries as JSON: her phone and address opened, children, bans, plan, button, alarm', async () => {
    const result = await service.exportCase(ctx.caseworker!, sanne, 'json');
    if (result.format !== 'json') throw new Error('expected json');
    const data: DataSubjectExport = result.data;
    expect(result.filename).toMatch(/^inzage-AW-2026-0006-\d{4}-\d{2}-\d{2}\.json$/);
    expect(data.about).toMatchObject({
      format: 'aware.data-subject-export',
      caseReference: 'AW-2026-0006',
      preparedFor: 'Carla Hulpverlener',
    });
    expect(data.client).toMatchObject({
      name: 'Sanne de Vries',
      language: 'nl',
      phone: '+31 6 5550 1001',
      address: 'Schuiladres, Demostraat 1, 1234 AB Demostad',
    });
    expect(data.client!.photo).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(data.children).toEqual([
      { firstName: 'Lotte', birthYear: 2016 },
      { firstName: 'Daan', birthYear: 2019 },
    ]);
    expect(data.bans.map((b) => b.kind)).toEqual(['area', 'contact']);
    expect(data.safetyPlanAgreements).toHaveLength(4);
    expect(JSON.stringify(data.safetyPlanAgreements)).toContain('Niet terugbellen');
    expect(data.case).toMatchObject({ reference: 'AW-2026-0006', status: 'active', targetGroup: 'stalking' });
    expect(data.devices).toEqual([
      expect.objectContaining({ serial: 'XM-1001', current: true, returnedAt: null }),
    ]);
    const panic = data.alarms.find((a) => a.kind === 'panic');
    expect(panic?.position).toMatchObject({ lat: 52.0907, lon: 5.1214, accuracy: 12 });
    expect(panic?.steps[0]?.state).toBe('received');

    // perpetrator data stays out, and the export says so
    expect(data.perpetratorData.included).toBe(false);
    const json = JSON.stringify(data);
    for (const secret of ['Mark de Vries', 'XX-123-Y', 'Golf', 'mes gedreigd', 'drugsgebruik'])
      expect(json).not.toContain(secret);
    // nor anything of another victim
    expect(json).not.toContain('Fatma');
    expect(json).not.toContain('@demo.aware.test');
  });

  it('the PDF is a real A4 document marked VERTROUWELIJK with recipient and date on every page', async () => {
    const result = await service.exportCase(ctx.caseworker!, sanne, 'pdf');
    if (result.format !== 'pdf') throw new Error('expected pdf');
    expect(result.filename).toMatch(/^inzage-AW-2026-0006-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(Buffer.from(result.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { doc, pages } = await pdfText(result.bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(doc.getSubject()).toContain(CONFIDENTIAL);
    expect(doc.getSubject()).toContain('Opgesteld voor: Carla Hulpverlener');
    pages.forEach((text, i) => {
      expect(text).toContain(CONFIDENTIAL);
      expect(text).toMatch(/Opgesteld voor: Carla Hulpverlener, \d{1,2} \w+ \d{4}/);
      expect(text).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
    const all = pages.join('');
    expect(all).toContain('+31 6 5550 1001');
    expect(all).toContain('Demostraat 1');
    expect(all).toContain('Gegevens over de pleger maken geen deel uit van dit overzicht');
    expect(all).not.toContain('Mark de Vries');
    expect(all).toContain('noodmelding');
  });

  it('renders long and non-Latin-1 text: wrapped, Turkish as written, an emoji as "?" and noted', async () => {
    const base = (await service.exportCase(ctx.coordinator!, sanne, 'json')) as { data: DataSubjectExport };
    const data: DataSubjectExport = {
      ...base.data,
      client: { ...base.data.client!, name: 'Şule Yılmaz 🙂', address: 'x'.repeat(400) },
      safetyPlanAgreements: Array.from({ length: 120 }, (_, i) => `Afspraak ${i} ${'lang '.repeat(30)}`),
    };
    const { doc, pages } = await pdfText(await renderExportPdf(data));
    expect(doc.getPageCount()).toBeGreaterThan(2);
    for (const text of pages) expect(text).toContain(CONFIDENTIAL);
    expect(pages.join('')).toContain('Şule Yılmaz ?');
    // lines wrap where the page ends: compare the text as one line
    expect(pages.join('').replace(/\s+/g, ' ')).toContain('de JSON-export bevat de exacte');
  });

  it('only the executing organisation answers: caseworker2 404, admin and funder 404, police and VT 403', async () => {
    expect(await refusal(service.exportCase(ctx.coordinator!, sanne, 'json'))).toBe(200);
    expect(await refusal(service.exportCase(ctx.caseworker2!, sanne, 'json'))).toBe(404);
    expect(await refusal(service.exportCase(ctx.caseworker!, otherCase, 'pdf'))).toBe(404);
    expect(await refusal(service.exportCase(ctx.admin!, sanne, 'json'))).toBe(404);
    expect(await refusal(service.exportCase(ctx.funder!, sanne, 'pdf'))).toBe(404);
    // they may read the case, but the data-subject request is not theirs to answer
    expect(await refusal(service.exportCase(ctx.police!, sanne, 'json'))).toBe(403);
    expect(await refusal(service.exportCase(ctx.vt!, sanne, 'json'))).toBe(403);
    expect(
      await refusal(service.exportCase(ctx.caseworker!, '00000000-0000-4000-8000-000000000000', 'json')),
    ).toBe(404);
    // an API token is no person to address the document to
    const token = { ...ctx.coordinator!, actor: { ...ctx.coordinator!.actor, kind: 'token' as const } };
    expect(await refusal(service.exportCase(token, sanne, 'json'))).toBe(403);
    expect(await refusal(service.listRequests(ctx.caseworker2!, sanne))).toBe(404);
    expect(
      await refusal(service.createRequest(ctx.funder!, sanne, { kind: 'access', description: 'inzage' })),
    ).toBe(404);
  });

  it('every export is audited (read, reason data-subject request) and appears in her access log', async () => {
    const before = await p.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'case.data_subject_export' and record_id = $1`,
      [sanne],
    );
    const result = (await service.exportCase(ctx.caseworker!, sanne, 'json')) as { data: DataSubjectExport };
    const entries = await p.db.query<{
      actor_label: string;
      access: string;
      reason: string;
      details: unknown;
    }>(
      `select actor_label, access, reason, details from audit_log
       where action = 'case.data_subject_export' and record_type = 'case' and record_id = $1 order by seq`,
      [sanne],
    );
    expect(entries.rows).toHaveLength(before.rows[0]!.n + 1);
    expect(entries.rows.at(-1)).toEqual({
      actor_label: 'caseworker@demo.aware.test',
      access: 'read',
      reason: 'data-subject request',
      details: { format: 'json' },
    });
    expect(result.data.accessLog.at(-1)).toMatchObject({
      action: 'case.data_subject_export',
      who: 'Carla Hulpverlener',
      reason: 'data-subject request',
    });
    // refused attempts leave no export entry
    await refusal(service.exportCase(ctx.caseworker2!, sanne, 'json'));
    const after = await p.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'case.data_subject_export' and record_id = $1`,
      [sanne],
    );
    expect(after.rows[0]!.n).toBe(entries.rows.length);
  });

  it('records a correction request, sealed at rest, decides it once, and lists it in the export', async () => {
    const created = await service.createRequest(ctx.caseworker!, sanne, {
      kind: 'correction',
      description: 'Mijn telefoonnummer is gewijzigd in +31 6 5550 9999',
    });
    expect(created).toMatchObject({ kind: 'correction', decision: null, createdBy: 'Carla Hulpverlener' });
    const stored = await p.db.query<{ description_sealed: string }>(
      'select description_sealed from privacy_requests where id = $1',
      [created.id],
    );
    expect(stored.rows[0]!.description_sealed).not.toContain('5550 9999');

    expect(await refusal(service.decide(ctx.caseworker2!, created.id, { decision: 'x' }))).toBe(404);
    const decided = await service.decide(ctx.coordinator!, created.id, {
      decision: 'Nummer aangepast op 1 maart; cliënt schriftelijk bericht.',
    });
    expect(decided).toMatchObject({
      decidedBy: 'Coen Coördinator',
      decision: expect.stringContaining('aangepast'),
    });
    expect(await refusal(service.decide(ctx.caseworker!, created.id, { decision: 'opnieuw' }))).toBe(409);

    const listed = await service.listRequests(ctx.caseworker!, sanne);
    expect(listed.map((r) => r.id)).toContain(created.id);
    const exported = (await service.exportCase(ctx.caseworker!, sanne, 'json')) as {
      data: DataSubjectExport;
    };
    expect(exported.data.privacyRequests.find((r) => r.id === created.id)?.decision).toContain('aangepast');

    const audited = await p.db.query<{ action: string }>(
      `select action from audit_log where record_type = 'case' and record_id = $1
       and action like 'case.privacy_request%' order by seq`,
      [sanne],
    );
    expect(audited.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'case.privacy_request.create',
        'case.privacy_request.decide',
        'case.privacy_requests.list',
      ]),
    );
  });

  describe('over HTTP', () => {
    it('serves the PDF as a download that is not cached or sniffed', async () => {
      const response = await http.caseworker!(`/api/v1/cases/${sanne}/data-subject-export?format=pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="inzage-AW-2026-0006-\d{4}-\d{2}-\d{2}\.pdf"$/,
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const { doc } = await pdfText(bytes);
      expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);

      const json = await http.caseworker!(`/api/v1/cases/${sanne}/data-subject-export`);
      expect(json.status).toBe(200);
      expect(((await json.json()) as DataSubjectExport).client?.phone).toBe('+31 6 5550 1001');
    });

    it('refuses as the service does, and validation names the field', async () => {
      const path = `/api/v1/cases/${sanne}/data-subject-export`;
      expect((await http.caseworker2!(path)).status).toBe(404);
      expect((await http.admin!(path)).status).toBe(404);
      expect((await http.funder!(`${path}?format=pdf`)).status).toBe(404);
      expect((await http.police!(path)).status).toBe(403);
      const badFormat = await http.caseworker!(`${path}?format=docx`);
      expect(badFormat.status).toBe(400);
      expect((await badFormat.json()).errors[0].field).toMatch(/format/);

      const post = (a: Http, url: string, body: object) =>
        a(url, { method: 'POST', body: JSON.stringify(body) });
      const bad = await post(http.caseworker!, `/api/v1/cases/${sanne}/privacy-requests`, {
        kind: 'forget-me',
        description: 'x',
      });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toContain('kind');
      const empty = await post(http.caseworker!, `/api/v1/cases/${sanne}/privacy-requests`, {
        kind: 'restriction',
        description: '   ',
      });
      expect((await empty.json()).errors.map((e: { field: string }) => e.field)).toContain('description');

      const created = await post(http.caseworker!, `/api/v1/cases/${sanne}/privacy-requests`, {
        kind: 'restriction',
        description: 'Geen gegevens meer delen met de gemeente',
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      expect((await http.caseworker!(`/api/v1/cases/${sanne}/privacy-requests`)).status).toBe(200);
      const noDecision = await post(http.coordinator!, `/api/v1/privacy-requests/${id}/decision`, {});
      expect((await noDecision.json()).errors[0].field).toBe('decision');
      const decided = await post(http.coordinator!, `/api/v1/privacy-requests/${id}/decision`, {
        decision: 'Toegewezen',
      });
      expect(decided.status).toBe(200);
      expect(
        (await post(http.coordinator!, `/api/v1/privacy-requests/${id}/decision`, { decision: 'nog eens' }))
          .status,
      ).toBe(409);
    });
  });
});

describe('answer period', () => {
  it('is one calendar month, clamped to the end of a shorter month', () => {
    expect(answerDue(new Date('2026-03-05T10:00:00Z')).toISOString()).toBe('2026-04-05T10:00:00.000Z');
    expect(answerDue(new Date('2026-01-31T10:00:00Z')).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(answerDue(new Date('2026-12-15T10:00:00Z')).toISOString()).toBe('2027-01-15T10:00:00.000Z');
  });
});
