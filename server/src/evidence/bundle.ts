import { createHash, type KeyObject, sign } from 'node:crypto';
import { canonical, canonicalBytes } from './canonical.ts';
import type { EvidenceContent } from './content.ts';

/**
 * One evidence bundle is one file whose bytes are exactly `canonical(bundle)` (no trailing newline):
 *
 *   { "content": {…}, "format": "aware-evidence-bundle/1", "pdf": "<base64>",
 *     "signature": { "algorithm": "Ed25519", "keyId": "…", "value": "<base64>" } }
 *
 * The signature covers SIGNING_PREFIX followed by canonical(content); the content holds the PDF's SHA-256 and
 * length, the audit entries with their inclusion proofs and the signed checkpoint they lead to.
 */
export const BUNDLE_FORMAT = 'aware-evidence-bundle/1';
/** Domain separation: the audit key also signs checkpoints, whose messages never start like this. */
export const SIGNING_PREFIX = `${BUNDLE_FORMAT}\n`;

export interface Bundle {
  content: EvidenceContent;
  format: typeof BUNDLE_FORMAT;
  pdf: string;
  signature: { algorithm: 'Ed25519'; keyId: string; value: string };
}

export interface EvidenceSigner {
  keyId: string;
  privateKey: KeyObject;
}

export const signedMessage = (content: unknown): Buffer =>
  Buffer.concat([Buffer.from(SIGNING_PREFIX, 'utf8'), canonicalBytes(content)]);

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The bundle's bytes: the content (whose `pdf` field must already describe `pdf`) signed, the PDF beside it. */
export function sealBundle(content: EvidenceContent, pdf: Uint8Array, signer: EvidenceSigner): Buffer {
  if (content.pdf.sha256 !== sha256Hex(pdf) || content.pdf.bytes !== pdf.length) {
    throw new Error('the content does not describe this PDF');
  }
  const bundle: Bundle = {
    content,
    format: BUNDLE_FORMAT,
    pdf: Buffer.from(pdf).toString('base64'),
    signature: {
      algorithm: 'Ed25519',
      keyId: signer.keyId,
      value: sign(null, signedMessage(content), signer.privateKey).toString('base64'),
    },
  };
  return Buffer.from(canonical(bundle), 'utf8');
}

export const bundleFileName = (alarmId: string) => `aware-bewijs-${alarmId}.json`;
export const pdfFileName = (alarmId: string) => `aware-bewijs-${alarmId}.pdf`;
