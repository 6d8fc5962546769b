import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

const PDF = Buffer.from('%PDF-1.4\n% Aware upload test: GEHEIM-MARKER-42\n%%EOF\n');

describeEachEngine('case documents: sealed uploads', (engine) => {
  let p: TestPlatform;
  let caseId: string;
  beforeAll(async () => {
    // above the demo's own contract PDF (about 22 kB with its embedded font), which the seed stores
    p = await startTestPlatform(engine, { env: { AWARE_MAX_UPLOAD_BYTES: '65536' } });
    caseId = (await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0006'`))
      .rows[0]!.id;
  });
  afterAll(() => p.close());

  /** Posts a form as the web app does (native FormData), with the session of `who`. */
  const post = async (who: string, form: FormData, kind = 'evidence') =>
    fetch(`${p.url}/api/v1/cases/${caseId}/documents?kind=${kind}`, {
      method: 'POST',
      headers: { cookie: (await signIn(p, who)).cookie, 'x-requested-with': 'aware' },
      body: form,
    });
  const fileForm = (body: Buffer, type: string, name = 'bewijs.pdf') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(body)], { type }), name);
    return form;
  };
  const upload = (who: string, body: Buffer, type: string, kind = 'evidence') =>
    post(who, fileForm(body, type), kind);

  it('stores a PDF sealed on disk, with its hash, and serves it back as an attachment', async () => {
    const r = await upload('caseworker', PDF, 'application/pdf');
    expect(r.status).toBe(201);
    const doc = (await r.json()) as { id: string; sha256: string; sizeBytes: number; mediaType: string };
    expect(doc).toMatchObject({ sizeBytes: PDF.length, mediaType: 'application/pdf' });
    const dir = p.config.documentsDir;
    const files = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`));
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.includes('GEHEIM-MARKER-42') || f.includes('%PDF'))).toBe(false);

    const got = await (await signIn(p, 'caseworker'))(`/api/v1/case-documents/${doc.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="bewijs.pdf"; filename*=UTF-8''bewijs.pdf`,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
    const audited = await p.db.query(
      `select 1 from audit_log where action = 'case.document.read' and record_id = $1`,
      [doc.id],
    );
    expect(audited.rows).toHaveLength(1);
    // the police do not learn a care document exists; another caseworker neither
    expect((await (await signIn(p, 'police'))(`/api/v1/case-documents/${doc.id}`)).status).toBe(404);
    expect((await (await signIn(p, 'caseworker2'))(`/api/v1/case-documents/${doc.id}`)).status).toBe(404);
  });

  it('refuses a file over the limit with 413 problem+json', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(70_000, 0x20)]);
    const r = await upload('caseworker', big, 'application/pdf');
    expect(r.status).toBe(413);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('checks the bytes, not the declared type: an executable called PDF is refused naming the field', async () => {
    const r = await upload('caseworker', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf');
    expect(r.status).toBe(415);
    expect(((await r.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('file');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const mislabelled = await upload('caseworker', png, 'application/pdf');
    expect(mislabelled.status).toBe(415);
    expect((await upload('caseworker', png, 'image/png')).status).toBe(201);
  });
});
