import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
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
  /** What is stored: rows and sealed files. An upload that is refused or cut off changes neither. */
  const stored = async () => ({
    rows: (await p.db.query<{ n: number }>('select count(*)::int as n from case_documents')).rows[0]!.n,
    files: readdirSync(p.config.documentsDir).length,
  });
  type Problem = { code: string; errors: { field: string; code: string }[] };

  it('refuses an oversized file while it streams in, with the 413 refusal, and keeps nothing of it', async () => {
    const before = await stored();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(400_000, 0x20)]);
    const r = await upload('caseworker', big, 'application/pdf');
    expect(r.status).toBe(413);
    const problem = (await r.json()) as Problem & { params: { megabytes: string } };
    expect(problem.code).toBe('document.tooLarge');
    expect(problem.errors[0]).toMatchObject({ field: 'file', code: 'document.tooLarge' });
    expect(await stored()).toEqual(before);
    // exactly at the limit is still accepted
    const atLimit = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(65_536 - 9, 0x20)]);
    const ok = await upload('caseworker', atLimit, 'application/pdf');
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { sizeBytes: number }).sizeBytes).toBe(65_536);
  });

  it('keeps no row and no file when the upload is cut off halfway', async () => {
    const before = await stored();
    const boundary = 'aware-cut-off';
    const head = Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="half.pdf"\r\n` +
        'content-type: application/pdf\r\n\r\n%PDF-1.4\n',
    );
    const cookie = (await signIn(p, 'caseworker')).cookie;
    const url = new URL(`${p.url}/api/v1/cases/${caseId}/documents?kind=evidence`);
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        cookie,
        'x-requested-with': 'aware',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + 50_000),
      },
    });
    req.on('error', () => {});
    req.write(head);
    req.write(Buffer.alloc(20_000, 0x20));
    // the server has begun sealing the file to disk before the client goes away
    await expect.poll(async () => (await stored()).files, { timeout: 5000 }).toBe(before.files + 1);
    req.destroy();
    await expect.poll(stored, { timeout: 5000 }).toEqual(before);
  });

  it('takes one part named file: a second file, another field or no file is refused naming the field', async () => {
    const before = await stored();
    const two = fileForm(PDF, 'application/pdf');
    two.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'tweede.pdf');
    const twice = await post('caseworker', two);
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as Problem).errors[0]!.field).toBe('file');

    const extra = fileForm(PDF, 'application/pdf');
    extra.append('note', 'geheim');
    const withNote = await post('caseworker', extra);
    expect(withNote.status).toBe(400);
    expect(((await withNote.json()) as Problem).errors[0]).toMatchObject({
      field: 'note',
      code: 'notAccepted',
    });

    const empty = new FormData();
    empty.append('kind', 'evidence');
    const noFile = await post('caseworker', empty);
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as Problem).errors[0]!.field).toBe('kind');

    const nothing = await post('caseworker', new FormData());
    expect(nothing.status).toBe(400);
    expect(((await nothing.json()) as Problem).errors[0]).toMatchObject({ field: 'file', code: 'required' });

    const emptyFile = await upload('caseworker', Buffer.alloc(0), 'application/pdf');
    expect(emptyFile.status).toBe(400);
    expect(((await emptyFile.json()) as Problem).errors[0]).toMatchObject({
      field: 'file',
      code: 'document.empty',
    });

    // the raw file as the body, as uploads were sent before, is no form
    const raw = await (await signIn(p, 'caseworker'))(`/api/v1/cases/${caseId}/documents?kind=evidence`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', 'x-requested-with': 'aware' },
      body: new Uint8Array(PDF),
    });
    expect(raw.status).toBe(415);
    expect(((await raw.json()) as Problem).errors[0]!.field).toBe('file');
    expect(await stored()).toEqual(before);
  });

  it('refuses before reading the file: the police may not add a care document, whatever it is', async () => {
    const before = await stored();
    // larger than the socket takes at once: the refusal still reaches a client that is still sending
    const large = Buffer.concat([PDF, Buffer.alloc(2_000_000, 0x20)]);
    const r = await upload('police', large, 'application/pdf', 'evidence');
    expect(r.status).toBe(403);
    expect(((await r.json()) as Problem).code).toBe('document.kindNotAllowed');
    expect(await stored()).toEqual(before);
  });
});
