import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdfText } from '../pdf/testing/pdf-text.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { CSV_HEADER } from './csv.ts';
import { REPORT_HEADINGS } from './pdf.ts';

type Api = Awaited<ReturnType<typeof signIn>>;

describeEachEngine('figures over HTTP: JSON, CSV, PDF, the funder and bad input', (engine) => {
  let p: TestPlatform;
  let coordinator: Api;
  let funder: Api;
  let caseIds: string[];

  beforeAll(async () => {
    p = await startTestPlatform(engine);
    coordinator = await signIn(p, 'coordinator');
    funder = await signIn(p, 'funder');
    caseIds = (await p.db.query<{ id: string }>('select id from cases')).rows.map((r) => r.id);
    // exactly two demo cases start this year (whatever the demo seed sets), so the figures are known
    await p.db.query('update cases set connected_at = null, active_since = null');
    await p.db.query(
      `update cases set connected_at = now(), decided_at = now(), decision = 'granted' where reference in ('AW-2026-0006', 'AW-2026-0007')`,
    );
  });
  afterAll(async () => p?.close());

  it('serves the dashboard JSON to the team lead with drill-down', async () => {
    const r = await coordinator('/api/v1/figures/dashboard');
    expect(r.status).toBe(200);
    const d = await r.json();
    expect(d.drillDown).toBe(true);
    expect(d.trajectories.started).toBe(2);
    const drill = await (await coordinator('/api/v1/figures/cases?figure=started')).json();
    expect(drill.cases.map((c: { reference: string }) => c.reference).sort()).toEqual([
      'AW-2026-0006',
      'AW-2026-0007',
    ]);
  });

  it('exports CSV with the Dutch header and one row per figure', async () => {
    const r = await coordinator('/api/v1/figures/dashboard.csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="aware-cijfers-.*\.csv"/);
    const lines = (await r.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(';'));
    expect(lines).toContain('Trajecten;gestart;periode;2');
    // for Dutch spreadsheet programs: decimal comma, never a decimal point; Dutch dates in the scope lines
    const values = lines.slice(1).map((l) => l.split(';').at(-1) ?? '');
    expect(values.filter((v) => /^-?\d+\.\d+$/.test(v))).toEqual([]);
    expect(values.some((v) => /^-?\d+,\d+$/.test(v))).toBe(true);
    expect(lines.find((l) => l.startsWith('bereik;periode;'))).toMatch(
      /^bereik;periode;\d{1,2} [a-z]+ \d{4} t\/m \d{1,2} [a-z]+ \d{4};$/,
    );
    expect(lines.filter((l) => l.startsWith('Meldingen;soort;')).length).toBe(6);
    // lead times in words, not statistics jargon or arrows
    expect(
      lines.some((l) => l.startsWith('Doorlooptijden;van aanmelding tot besluit: 9 van de 10 binnen;')),
    ).toBe(true);
    expect(lines.filter((l) => /→|p90/.test(l))).toEqual([]);
    expect(lines.length).toBeGreaterThan(60);
  });

  it('exports the dashboard and the yearly report as Dutch PDFs', async () => {
    const r = await coordinator('/api/v1/figures/dashboard.pdf');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const { text } = await pdfText(new Uint8Array(await r.arrayBuffer()));
    expect(text).toContain('Cijfers AWARE - Demoregio Gooi en Vechtstreek');
    expect(text).toContain('Trajecten');
    expect(text).toContain('Reactietijden keten (noodmeldingen)');

    const year = new Date().getFullYear();
    const report = await coordinator(`/api/v1/figures/report.pdf?year=${year}`);
    expect(report.status).toBe(200);
    const { doc: reportDoc, text: reportText } = await pdfText(new Uint8Array(await report.arrayBuffer()));
    expect(reportDoc.getTitle()).toBe(`Jaarverslag AWARE ${year} - Demoregio Gooi en Vechtstreek`);
    for (const heading of REPORT_HEADINGS) expect(reportText).toContain(heading);
    expect(reportText).toContain(`In ${year} zijn 2 AWARE-trajecten gestart`);
  });

  it('gives the funder aggregates only: "< 5" for small cells, no case ids in JSON, CSV or PDF', async () => {
    const d = await (await funder('/api/v1/figures/dashboard')).json();
    expect(d.drillDown).toBe(false);
    expect(d.trajectories.started).toBe('< 5');
    const csv = await (await funder('/api/v1/figures/dashboard.csv')).text();
    expect(csv).toContain('Trajecten;gestart;periode;< 5');
    const pdf = await funder('/api/v1/figures/dashboard.pdf');
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('< 5');
    for (const body of [JSON.stringify(d), csv, text]) {
      for (const id of caseIds) expect(body).not.toContain(id);
      expect(body).not.toContain('AW-2026');
    }
    const drill = await funder('/api/v1/figures/cases?figure=started');
    expect(drill.status).toBe(403);
  });

  it('answers bad input with problem+json naming the field', async () => {
    const backwards = await coordinator('/api/v1/figures/dashboard?from=2025-06-01&to=2025-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await backwards.json()).errors[0].field).toBe('to');
    const notADate = await coordinator('/api/v1/figures/dashboard?from=yesterday');
    expect(notADate.status).toBe(400);
    expect(JSON.stringify(await notADate.json())).toContain('from');
    const unknown = await coordinator(`/api/v1/figures/dashboard?regionId=${crypto.randomUUID()}`);
    expect([unknown.status, (await unknown.json()).errors[0].field]).toEqual([400, 'regionId']);
    const org = (await p.db.query<{ id: string }>(`select id from organisations limit 1`)).rows[0]!.id;
    const perOrg = await funder(`/api/v1/figures/dashboard?organisationId=${org}`);
    expect([perOrg.status, (await perOrg.json()).errors[0].field]).toEqual([403, 'organisationId']);
  });
});
