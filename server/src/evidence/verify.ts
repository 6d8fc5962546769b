import { verify as verifySignature } from 'node:crypto';
import type { PublicKeyRing } from '../audit/checkpoint.ts';
import { verifyInclusion } from '../audit/merkle.ts';
import { BUNDLE_FORMAT, SIGNING_PREFIX, sha256Hex } from './bundle.ts';
import { canonical, canonicalBytes, strictBase64, strictHex } from './canonical.ts';
import { auditLeafHashOf, checkpointFacts, verifyCheckpointSignature } from './checkpoint-link.ts';
import type { AuditEvidenceEntry, EvidenceContent } from './content.ts';
import { dutchInstant } from './dutch-time.ts';

/** One thing the verifier checked, said in plain Dutch. */
export interface Check {
  ok: boolean;
  /** what was checked */
  what: string;
  /** what was found, when it did not hold (or a figure when it did) */
  detail?: string;
}

export interface Verdict {
  ok: boolean;
  checks: Check[];
  /** the parsed content, only when the bundle verified */
  content?: EvidenceContent;
  pdf?: Buffer;
}

const signedMessageOf = (contentBytes: Buffer) =>
  Buffer.concat([Buffer.from(SIGNING_PREFIX, 'utf8'), contentBytes]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hasExactly = (v: Record<string, unknown>, keys: string[]) =>
  Object.keys(v).length === keys.length && keys.every((k) => k in v);

/**
 * Checks an evidence bundle offline: only its bytes and the public key(s) of the audit signing key, no
 * database and no configuration. Every check runs (each says what it found); the bundle holds only when
 * every one holds. Any changed byte breaks at least one: the bytes must be exactly the canonical form of
 * what they say, and everything they say is signed, hashed or proven.
 */
export function verifyBundle(bytes: Buffer, publicKeys: PublicKeyRing): Verdict {
  const checks: Check[] = [];
  const check = (ok: boolean, what: string, detail?: string) => {
    checks.push(detail === undefined ? { ok, what } : { ok, what, detail });
    return ok;
  };
  const fail = () => ({ ok: false, checks });

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    check(false, 'Het bestand is een leesbaar bewijspakket (JSON)', 'het bestand is geen geldige JSON');
    return fail();
  }
  check(true, 'Het bestand is een leesbaar bewijspakket (JSON)');

  // the content's canonical bytes are needed twice (the whole file, the signed message): made once
  let contentBytes: Buffer | null = null;
  let exact = false;
  try {
    if (isObject(parsed) && isObject(parsed.content)) {
      contentBytes = canonicalBytes(parsed.content);
      const { content: _content, ...rest } = parsed;
      const restText = canonical(rest);
      // `content` sorts before every other key: {"content":<content>,<rest…>}
      exact =
        restText.length > 2 &&
        Buffer.concat([
          Buffer.from('{"content":'),
          contentBytes,
          Buffer.from(`,${restText.slice(1)}`),
        ]).equals(bytes);
    } else {
      exact = Buffer.from(canonical(parsed), 'utf8').equals(bytes);
    }
  } catch {
    exact = false;
  }
  check(
    exact,
    'Het bestand staat precies in de vaste vorm waarin het is gemaakt (geen teken toegevoegd, weggelaten of veranderd)',
    exact ? undefined : 'de bytes wijken af van de vaste vorm: het bestand is na het maken veranderd',
  );
  if (
    !isObject(parsed) ||
    !hasExactly(parsed, ['content', 'format', 'pdf', 'signature']) ||
    parsed.format !== BUNDLE_FORMAT ||
    !isObject(parsed.content) ||
    !isObject(parsed.signature)
  ) {
    check(false, `Het pakket heeft de indeling ${BUNDLE_FORMAT}`, 'onderdelen ontbreken of zijn onbekend');
    return fail();
  }
  check(true, `Het pakket heeft de indeling ${BUNDLE_FORMAT}`);
  const content = parsed.content as unknown as EvidenceContent;
  const signature = parsed.signature;

  // the signature over the content
  const byId = publicKeys;
  const sigValue = strictBase64(signature.value);
  const key = typeof signature.keyId === 'string' ? byId.get(signature.keyId) : undefined;
  const signatureShapeOk =
    hasExactly(signature, ['algorithm', 'keyId', 'value']) &&
    signature.algorithm === 'Ed25519' &&
    sigValue !== null &&
    sigValue.length === 64;
  if (!key) {
    check(
      false,
      'Het pakket is ondertekend met de opgegeven openbare sleutel',
      `het pakket noemt sleutel ${String(signature.keyId)}; opgegeven: ${[...byId.keys()].join(', ') || 'geen'}`,
    );
  } else {
    const valid =
      signatureShapeOk &&
      verifySignature(
        null,
        signedMessageOf(contentBytes ?? canonicalBytes(parsed.content)),
        key,
        sigValue as Buffer,
      );
    check(
      valid,
      `De handtekening (Ed25519, sleutel ${signature.keyId}) hoort bij de inhoud`,
      valid ? undefined : 'de handtekening klopt niet: de inhoud of de handtekening is veranderd',
    );
  }

  // the PDF beside the content
  const pdf = strictBase64(parsed.pdf);
  const pdfOk =
    pdf !== null &&
    isObject(content.pdf) &&
    pdf.length === content.pdf.bytes &&
    sha256Hex(pdf) === content.pdf.sha256;
  check(
    pdfOk,
    'De PDF in het pakket is dezelfde als die bij het ondertekenen (SHA-256)',
    pdfOk ? undefined : 'de PDF is veranderd of de vingerafdruk klopt niet',
  );

  // the audit entries against the signed checkpoint
  checkAudit(content, byId, check);

  const ok = checks.every((c) => c.ok);
  return ok ? { ok, checks, content, pdf: pdf as Buffer } : { ok, checks };
}

function checkAudit(
  content: EvidenceContent,
  keys: PublicKeyRing,
  check: (ok: boolean, what: string, detail?: string) => boolean,
) {
  const audit = content.audit;
  if (!isObject(audit) || !Array.isArray(audit.entries) || audit.entries.length === 0) {
    check(false, 'Het pakket bevat de auditregels van de melding', 'er staan geen auditregels in');
    return;
  }
  const facts = checkpointFacts(audit.checkpoint);
  if (!facts) {
    check(false, 'Het pakket bevat een ondertekend controlepunt van de auditlog', 'er is geen controlepunt');
    return;
  }
  const signed = verifyCheckpointSignature(audit.checkpoint, keys);
  check(
    signed,
    `Het controlepunt van de auditlog (${facts.treeSize} regels, ondertekend met sleutel ${facts.keyId}) is echt`,
    signed ? undefined : 'de handtekening van het controlepunt klopt niet met de opgegeven sleutel',
  );
  const root = strictHex(facts.rootHash, 32);
  const bad: number[] = [];
  for (const e of audit.entries as AuditEvidenceEntry[]) {
    if (!proves(e, facts.treeSize, root)) bad.push(isObject(e) && typeof e.seq === 'number' ? e.seq : -1);
  }
  check(
    bad.length === 0,
    `Elke auditregel van de melding (${audit.entries.length}) staat in de auditlog onder dat controlepunt (bewijs van opname, RFC 6962)`,
    bad.length === 0 ? undefined : `geen geldig bewijs voor auditregel ${bad.join(', ')}`,
  );
}

function proves(e: AuditEvidenceEntry, treeSize: number, root: Buffer | null): boolean {
  if (!root || !isObject(e) || !isObject(e.entry) || !Array.isArray(e.proof)) return false;
  if (!Number.isSafeInteger(e.leafIndex) || !Number.isSafeInteger(e.seq)) return false;
  const path = e.proof.map((p) => strictHex(p, 32));
  if (path.some((p) => p === null)) return false;
  let leaf: Buffer;
  try {
    leaf = auditLeafHashOf(e.entry, e.seq, e.leafIndex as number);
  } catch {
    return false;
  }
  return verifyInclusion(e.leafIndex as number, treeSize, leaf, path as Buffer[], root);
}

/** The verdict in plain Dutch, one line per check. */
export function describeVerdict(v: Verdict): string {
  const lines = v.checks.map(
    (c) => `${c.ok ? '[goed]  ' : '[FOUT]  '}${c.what}${c.detail ? ` — ${c.detail}` : ''}`,
  );
  if (v.ok && v.content) {
    const c = v.content;
    lines.push(
      `Het pakket gaat over melding ${c.alarm.id} (knop ${c.alarm.deviceLabel}, ontvangen ${dutchInstant(c.alarm.receipt.receivedAt)}), gemaakt op ${dutchInstant(c.exportedAt)} door ${c.exportedBy.label}.`,
    );
  }
  lines.push(
    v.ok
      ? 'Uitkomst: het bewijspakket is echt en onveranderd.'
      : `Uitkomst: het bewijspakket is NIET in orde (${v.checks.filter((c) => !c.ok).length} controle(s) mislukt). Vertrouw de inhoud niet.`,
  );
  return lines.join('\n');
}
