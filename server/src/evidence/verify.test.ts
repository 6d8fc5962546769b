import { describe, expect, it } from 'vitest';
import { type AuditSigningKey, signCheckpoint } from '../audit/checkpoint.ts';
import { inclusionProof, merkleRoot } from '../audit/merkle.ts';
import { testAuditKey } from '../testing/audit-keys.ts';
import { sealBundle, sha256Hex } from './bundle.ts';
import { canonical } from './canonical.ts';
import { auditLeafHashOf, toBundledCheckpoint } from './checkpoint-link.ts';
import type { AuditEntryFields, EvidenceContent } from './content.ts';
import { describeVerdict, verifyBundle } from './verify.ts';

const newKey = (): AuditSigningKey => testAuditKey().key;
const ringOf = (...keys: AuditSigningKey[]) => new Map(keys.map((k) => [k.keyId, k.publicKey]));

const entry = (i: number, action: string): AuditEntryFields => ({
  at: new Date(Date.UTC(2026, 11, 4, 21, 0, i, 123)).toISOString(),
  actorId: null,
  actorLabel: i === 0 ? 'device:1001' : 'operator@demo.aware.test',
  action,
  access: 'write',
  recordType: 'alarm',
  recordId: 'a1',
  ip: null,
  reason: null,
  details: { step: i },
});

/** A bundle over a small audit tree of 5 leaves, 2 of them this alarm's (seq 11 at leaf 1, seq 14 at leaf 4). */
function makeBundle(key: AuditSigningKey, edit?: (c: EvidenceContent) => void) {
  const mine = [
    { seq: 11, leafIndex: 1, entry: entry(1, 'alarm.raise') },
    { seq: 14, leafIndex: 4, entry: entry(4, 'alarm.claim') },
  ];
  const leaves = [0, 1, 2, 3, 4].map((i) => {
    const m = mine.find((e) => e.leafIndex === i);
    return m ? auditLeafHashOf(m.entry, m.seq, i) : auditLeafHashOf(entry(i, 'other'), 10 + i, i);
  });
  const checkpoint = signCheckpoint(
    {
      treeSize: 5,
      rootHash: merkleRoot(leaves).toString('hex'),
      signedAt: new Date('2026-12-04T21:00:10.500Z'),
    },
    key,
  );
  const pdf = Buffer.from('%PDF-1.7 test');
  const content = {
    type: 'aware.alarm-evidence',
    version: 1,
    exportedAt: '2026-12-04T21:00:11.000Z',
    exportedBy: { kind: 'person', label: 'operator@demo.aware.test', name: 'Omar' },
    alarm: { id: 'a1', deviceLabel: 'XM-1001', receipt: { receivedAt: '2026-12-04T21:00:01.000Z' } },
    repeats: [],
    steps: [],
    positions: [
      {
        alarmId: 'a1',
        source: 'alarm',
        at: '2026-12-04T21:00:01.000Z',
        lat: 52.1,
        lon: 5.1,
        accuracy: null,
        altitude: null,
      },
    ],
    views: [],
    audit: {
      leafFormat: 'test',
      checkpoint: toBundledCheckpoint(checkpoint),
      entries: mine.map((m) => ({
        ...m,
        actorName: null,
        proof: inclusionProof(m.leafIndex, leaves).map((p) => p.toString('hex')),
      })),
    },
    pdf: { fileName: 'x.pdf', sha256: sha256Hex(pdf), bytes: pdf.length },
  } as unknown as EvidenceContent;
  edit?.(content);
  return sealBundle(content, pdf, key);
}

describe('evidence verification (offline, pure)', () => {
  const key = newKey();

  it('a bundle as made verifies, and says so in Dutch', () => {
    const v = verifyBundle(makeBundle(key), ringOf(key));
    expect(v.ok, describeVerdict(v)).toBe(true);
    expect(describeVerdict(v)).toContain('Uitkomst: het bewijspakket is echt en onveranderd.');
  });

  it('a signature spelled differently in base64 but decoding to the same bytes fails (Node decodes leniently)', () => {
    const bytes = makeBundle(key);
    const parsed = JSON.parse(bytes.toString());
    const value: string = parsed.signature.value; // 64 bytes: 86 characters + "=="; the last one carries 4 spare bits
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = alphabet.indexOf(value[85]!);
    const twin = `${value.slice(0, 85)}${alphabet[last ^ 0b0001]}==`;
    expect(Buffer.from(twin, 'base64').equals(Buffer.from(value, 'base64'))).toBe(true);
    parsed.signature.value = twin;
    const v = verifyBundle(Buffer.from(canonical(parsed)), ringOf(key));
    expect(v.ok).toBe(false);
    expect(v.checks.find((c) => !c.ok)?.what).toContain('De handtekening');
  });

  it('the same content with whitespace or in another key order fails: the bytes must be the canonical form', () => {
    const parsed = JSON.parse(makeBundle(key).toString());
    for (const text of [JSON.stringify(parsed, null, 2), `${canonical(parsed)}\n`]) {
      const v = verifyBundle(Buffer.from(text), ringOf(key));
      expect(v.ok).toBe(false);
      expect(v.checks.filter((c) => !c.ok).map((c) => c.what)).toEqual([
        'Het bestand staat precies in de vaste vorm waarin het is gemaakt (geen teken toegevoegd, weggelaten of veranderd)',
      ]);
    }
  });

  it('an audit entry changed and the bundle signed again still fails: the entry no longer leads to the checkpoint', () => {
    const forged = makeBundle(key, (c) => {
      c.audit.entries[1]!.entry.actorLabel = 'someone.else@demo.aware.test';
    });
    const v = verifyBundle(forged, ringOf(key));
    expect(v.ok).toBe(false);
    expect(v.checks.filter((c) => !c.ok).map((c) => c.detail)).toEqual([
      'geen geldig bewijs voor auditregel 14',
    ]);
  });

  it('an entry without a proof, or a checkpoint by another key, fails', () => {
    const unproven = makeBundle(key, (c) => {
      c.audit.entries[0]!.proof = null;
    });
    expect(verifyBundle(unproven, ringOf(key)).ok).toBe(false);
    const other = newKey();
    const v = verifyBundle(makeBundle(other), ringOf(key));
    expect(v.ok).toBe(false);
    expect(v.checks.filter((c) => !c.ok).map((c) => c.what)).toEqual([
      'Het pakket is ondertekend met de opgegeven openbare sleutel',
      `Het controlepunt van de auditlog (5 regels, ondertekend met sleutel ${other.keyId}) is echt`,
    ]);
    // with both keys known, it holds
    expect(verifyBundle(makeBundle(other), ringOf(key, other)).ok).toBe(true);
  });
});
