import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { publicKeyRing } from '../audit/checkpoint.ts';
import { auditKeyFiles } from '../audit/signing-key.ts';
import { pdfText } from '../pdf/testing/pdf-text.ts';
import { addControlRoomOnlyUser } from '../testing/control-room-user.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import type { EvidenceContent } from './content.ts';
import { dutchInstant } from './dutch-time.ts';
import { describeVerdict, verifyBundle } from './verify.ts';

const REPO = join(import.meta.dirname, '../../..');

/** `npm run evidence:verify` as a court would run it: no database, no configuration, only the key file. */
function verifyOffline(bundleFile: string, keyFile: string) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/src/evidence/verify-cli.ts', bundleFile, '--public-key', keyFile],
    { cwd: REPO, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describeEachEngine('evidence bundle of one alarm', (engine) => {
  let p: TestPlatform;
  let alarmId: string;
  let bundle: Buffer;
  let keyFile: string;
  const dir = mkdtempSync(join(tmpdir(), 'aware-evidence-'));

  beforeAll(async () => {
    p = await startTestPlatform(engine);
    await addControlRoomOnlyUser(p);
    keyFile = auditKeyFiles(p.config.auditKeyFile).publicKeysFile;
  });
  afterAll(async () => {
    await p?.close();
  });

  it('exports a real panic’s whole lifecycle, signed, and it verifies offline with only the public key', async () => {
    const operator = await signIn(p, 'operator');
    const control = await signIn(p, 'meldkamer');
    const sent = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      lat: 52.2291,
      lon: 5.1669,
      sequence: 7311,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');
    alarmId = (
      await p.db.query<{ id: string }>(
        `select a.id from alarms a join devices d on d.id = a.device_id where d.account = '1001' and a.sequence = '7311'`,
      )
    ).rows[0]!.id;
    const post = (api: typeof operator, step: string, body: object = {}) =>
      api(`/api/v1/alarms/${alarmId}/${step}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post(operator, 'claim')).status).toBe(200);
    expect((await operator(`/api/v1/alarms/${alarmId}/linked`)).status).toBe(200);
    expect((await post(operator, 'forward', { note: 'Cliënte fluistert, pleger aan de deur' })).status).toBe(
      200,
    );
    expect((await post(control, 'on-scene')).status).toBe(200);
    expect((await post(control, 'resolve', { outcome: 'arrest_in_act' })).status).toBe(200);

    const res = await post(operator, 'evidence');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="aware-bewijs-${alarmId}.json"`,
    );
    bundle = Buffer.from(await res.arrayBuffer());

    const verdict = verifyBundle(bundle, publicKeyRing(readFileSync(keyFile, 'utf8')));
    expect(verdict.ok, describeVerdict(verdict)).toBe(true);
    const c = verdict.content as EvidenceContent;
    // receipt with the raw frame, exactly as the dialler sent it
    expect(c.alarm.receipt.protocol).toBe('dc09');
    // (between the LF and CR that frame it: CRC, length, message; ends in the dialler's time stamp)
    expect(c.alarm.receipt.rawFrame).toMatch(
      /^[0-9A-F]{4}[0-9A-F]{4}"SIA-DCS"7311R0L0#1001\[#1001\|Nri1\/PA1\]\[X5\.166900\]\[Y52\.229100\]_\d\d:\d\d:\d\d,\d\d-\d\d-\d{4}$/,
    );
    // every step with its actor and a time to the millisecond
    expect(c.steps.map((s) => [s.from, s.to, s.actor.kind, s.actor.label])).toEqual([
      [null, 'received', 'device', 'device:1001'],
      ['received', 'claimed', 'person', 'operator@demo.aware.test'],
      ['claimed', 'forwarded', 'person', 'operator@demo.aware.test'],
      ['forwarded', 'on_scene', 'person', 'meldkamer@demo.aware.test'],
      ['on_scene', 'resolved', 'person', 'meldkamer@demo.aware.test'],
    ]);
    for (const s of c.steps) expect(s.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(c.steps[2]!.note).toBe('Cliënte fluistert, pleger aan de deur');
    // the position, opened from its sealed form
    expect(c.positions).toEqual([expect.objectContaining({ source: 'alarm', lat: 52.2291, lon: 5.1669 })]);
    // who viewed the linked information, and the export itself
    expect(c.views.map((v) => [v.action, v.actor.label])).toEqual([
      ['case.linked_info.read', 'operator@demo.aware.test'],
      ['alarm.evidence.export', 'operator@demo.aware.test'],
    ]);
    expect(c.exportedBy).toEqual({
      kind: 'person',
      label: 'operator@demo.aware.test',
      name: expect.any(String),
    });
    // every audit entry proven under the signed checkpoint, the export's own entry among them
    expect(c.audit.entries.map((e) => e.entry.action)).toEqual([
      'alarm.raise',
      'alarm.claim',
      'case.linked_info.read',
      'alarm.forward',
      'alarm.on_scene',
      'alarm.resolve',
      'alarm.evidence.export',
    ]);
    expect(
      c.audit.entries.every((e) => e.proof !== null && e.leafIndex! < c.audit.checkpoint!.treeSize),
    ).toBe(true);
    // the Dutch PDF: confidential, the timeline in Dutch time to the millisecond, the checkpoint, how to verify
    const { text } = await pdfText(verdict.pdf!);
    const pdfLines = text.replace(/\n/g, ' ');
    expect(pdfLines).toContain('VERTROUWELIJK');
    expect(pdfLines).toContain('Bewijsoverzicht van een melding');
    expect(pdfLines).toContain(`Gebeurteniscode: ${c.alarm.code}`);
    for (const step of c.steps) expect(pdfLines).toContain(dutchInstant(step.at));
    expect(dutchInstant(c.steps[1]!.at)).toMatch(/^\d{1,2} [a-z]+ \d{4} om \d\d:\d\d:\d\d,\d{3}$/);
    expect(pdfLines).toContain('van "ontvangen" naar "opgepakt door de alarmcentrale"');
    expect(pdfLines).toContain('Cliënte fluistert, pleger aan de deur');
    expect(pdfLines).toContain(`Wortel (SHA-256): ${c.audit.checkpoint!.rootHash}`);
    expect(pdfLines).toContain('npm run evidence:verify');

    // offline, as a separate process without database or configuration
    const file = join(dir, `aware-bewijs-${alarmId}.json`);
    if (process.env.EVIDENCE_KEEP) writeFileSync(process.env.EVIDENCE_KEEP, bundle);
    writeFileSync(file, bundle);
    const offline = verifyOffline(file, keyFile);
    expect(offline.out).toContain('Uitkomst: het bewijspakket is echt en onveranderd.');
    expect(offline.status).toBe(0);
  });

  it('fails verification after any byte of the bundle is changed', () => {
    const ring = publicKeyRing(readFileSync(keyFile, 'utf8'));
    const text = bundle.toString('latin1');
    // 2,001 positions spread evenly over the whole file, the first and the last byte among them, and every
    // byte of the parts whose text decoders are lenient (the checkpoint with its signature, the bundle's
    // signature at the end)
    const positions = new Set<number>();
    for (let k = 0; k <= 2000; k++) positions.add(Math.round((k * (bundle.length - 1)) / 2000));
    const checkpointAt = text.indexOf('"checkpoint":{');
    for (let i = checkpointAt; i < text.indexOf('}', checkpointAt) + 1; i++) positions.add(i);
    for (let i = text.lastIndexOf('"signature":{'); i < bundle.length; i++) positions.add(i);
    expect(positions.has(0) && positions.has(bundle.length - 1)).toBe(true);
    const started = Date.now();
    const survived: number[] = [];
    for (const i of positions) {
      // one bit, and a case flip (a letter in base64 or hex stays a valid character)
      for (const mask of [0x01, 0x20]) {
        const copy = Buffer.from(bundle);
        copy[i]! ^= mask;
        if (verifyBundle(copy, ring).ok) survived.push(i);
      }
    }
    expect(survived).toEqual([]);
    console.log(
      `evidence: ${positions.size} of ${bundle.length} byte positions changed twice each, every change failed (${Date.now() - started} ms)`,
    );
    // and the unchanged bundle still holds
    expect(verifyBundle(bundle, ring).ok).toBe(true);
  }, 240_000);

  // the command line opens the same database as the running server (PGlite in tests lives in the test's memory)
  if (engine === 'postgres') {
    it('`npm run evidence -- --alarm <id> --out <dir>` writes the bundle and its PDF, audited under the console user', () => {
      const out = join(dir, 'cli');
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/src/evidence/cli.ts', '--alarm', alarmId, '--out', out],
        {
          cwd: REPO,
          encoding: 'utf8',
          timeout: 120_000,
          env: {
            PATH: process.env.PATH ?? '',
            DATABASE_URL: p.databaseUrl!,
            AWARE_DATA_DIR: p.config.dataDir,
            AWARE_KEY_FILE: p.config.keyFile,
            AWARE_AUDIT_KEY_FILE: p.config.auditKeyFile,
          },
        },
      );
      expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`aware-bewijs-${alarmId}.json`);
      const written = readFileSync(join(out, `aware-bewijs-${alarmId}.json`));
      const verdict = verifyBundle(written, publicKeyRing(readFileSync(keyFile, 'utf8')));
      expect(verdict.ok, describeVerdict(verdict)).toBe(true);
      expect(verdict.content!.exportedBy.label).toMatch(/^cli:/);
      expect(readFileSync(join(out, `aware-bewijs-${alarmId}.pdf`)).equals(verdict.pdf!)).toBe(true);
      expect(verifyOffline(join(out, `aware-bewijs-${alarmId}.json`), keyFile).status).toBe(0);
    });
  }

  it('fails verification with a wrong public key, naming what failed', () => {
    const other = join(dir, 'other.pem');
    writeFileSync(
      other,
      generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    const offline = verifyOffline(join(dir, `aware-bewijs-${alarmId}.json`), other);
    expect(offline.status).toBe(1);
    expect(offline.out).toContain('[FOUT]  Het pakket is ondertekend met de opgegeven openbare sleutel');
    expect(offline.out).toContain('[FOUT]  Het controlepunt van de auditlog');
    expect(offline.out).toContain('NIET in orde');
  });

  it('police investigators export what was handed to them; the control room and case roles are refused, and every export is audited', async () => {
    const police = await signIn(p, 'police');
    const res = await police(`/api/v1/alarms/${alarmId}/evidence`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    const again = verifyBundle(
      Buffer.from(await res.arrayBuffer()),
      publicKeyRing(readFileSync(keyFile, 'utf8')),
    );
    expect(again.ok).toBe(true);
    // the earlier export by the operator is in the later bundle
    // (on PostgreSQL the command line exported in between, under the console user)
    const exporters = again
      .content!.views.filter((v) => v.action === 'alarm.evidence.export')
      .map((v) => v.actor.label)
      .filter((label) => !label.startsWith('cli:'));
    expect(exporters).toEqual(['operator@demo.aware.test', 'police@demo.aware.test']);
    for (const role of ['meldkamer', 'caseworker', 'coordinator']) {
      const api = await signIn(p, role);
      const refused = await api(`/api/v1/alarms/${alarmId}/evidence`, { method: 'POST', body: '{}' });
      expect(refused.status, role).toBe(403);
      const detail = await api(`/api/v1/alarms/${alarmId}`);
      if (detail.status === 200) expect((await detail.json()).mayExportEvidence, role).toBe(false);
    }
    const operator = await signIn(p, 'operator');
    expect((await (await operator(`/api/v1/alarms/${alarmId}`)).json()).mayExportEvidence).toBe(true);
    const exports = await p.db.query<{ actor: string }>(
      `select actor_label as actor from audit_log where action = 'alarm.evidence.export' and record_id = $1 order by seq`,
      [alarmId],
    );
    expect(exports.rows.map((r) => r.actor).filter((a) => !a.startsWith('cli:'))).toEqual([
      'operator@demo.aware.test',
      'police@demo.aware.test',
    ]);
  });
});
