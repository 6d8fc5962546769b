import { crcHex } from './crc.ts';

export const KNOWN_TOKENS = ['SIA-DCS', 'ADM-CID', 'NULL'] as const;
export type KnownToken = (typeof KNOWN_TOKENS)[number];

/** The fields a reply echoes. Receiver and prefix are stored without their `R`/`L` letter. */
export interface Dc09Header {
  sequence: string;
  receiver?: string;
  prefix?: string;
  account: string;
}

export interface Dc09Frame extends Dc09Header {
  crc: string;
  length: number;
  /** without quotes and without the `*`; may be a token this receiver does not support */
  token: string;
  encrypted: boolean;
  /** plaintext: everything from the first `[` (data, xdata, `_timestamp`); encrypted: the hex ciphertext */
  body: string;
}

export type FrameErrorReason = 'bad-crc' | 'bad-length' | 'malformed';
export type FrameResult =
  | { ok: true; frame: Dc09Frame }
  | { ok: false; reason: FrameErrorReason; detail: string };

export interface Envelope {
  crc: string;
  length: number;
  token: string;
  encrypted: boolean;
  /** what follows the closing quote of the token */
  rest: string;
}

export type EnvelopeResult =
  | { ok: true; envelope: Envelope }
  | { ok: false; reason: FrameErrorReason; detail: string };

const ENVELOPE = /^([0-9A-Fa-f]{4})([0-9A-Fa-f]{4})("(\*?)([\x21\x23-\x7E]{1,32})"(.*))$/s;
const HEADER = /^(\d{4})(?:R([0-9A-Fa-f]{1,6}))?(?:L([0-9A-Fa-f]{1,6}))?#([0-9A-Fa-f]{3,16})(?=\[|_|$)(.*)$/s;
const CIPHER_BODY = /^\[([0-9A-Fa-f]*)$/;

/**
 * Checks CRC and length of one frame's text (between `<LF>` and `<CR>`, read as latin1 so that one
 * character is one byte) and splits off the token. Shared by the receiver and the dialler.
 */
export function readEnvelope(text: string): EnvelopeResult {
  const match = ENVELOPE.exec(text);
  if (!match) return { ok: false, reason: 'malformed', detail: 'no CRC, length and quoted token' };
  const [, crc, lengthHex, span, star, token, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = crcHex(span);
  if (expected !== crc.toUpperCase())
    return { ok: false, reason: 'bad-crc', detail: `CRC ${crc}, computed ${expected}` };
  const length = Number.parseInt(lengthHex, 16);
  if (length !== span.length) {
    return { ok: false, reason: 'bad-length', detail: `length ${length}, actual ${span.length}` };
  }
  return { ok: true, envelope: { crc: crc.toUpperCase(), length, token, encrypted: star === '*', rest } };
}

/** Parses one message frame's text (between `<LF>` and `<CR>`). */
export function parseFrame(text: string): FrameResult {
  const envelope = readEnvelope(text);
  if (!envelope.ok) return envelope;
  const { crc, length, token, encrypted, rest } = envelope.envelope;
  const header = HEADER.exec(rest);
  if (!header) return { ok: false, reason: 'malformed', detail: 'no SEQ, receiver, prefix and #account' };
  const [, sequence, receiver, prefix, account, body] = header as unknown as [
    string,
    string,
    string | undefined,
    string | undefined,
    string,
    string,
  ];
  let storedBody = body;
  if (encrypted) {
    const cipher = CIPHER_BODY.exec(body);
    if (!cipher?.[1]) return { ok: false, reason: 'malformed', detail: 'encrypted body is not "[" + hex' };
    storedBody = cipher[1].toUpperCase();
  }
  const frame: Dc09Frame = { crc, length, token, encrypted, sequence, account, body: storedBody };
  if (receiver !== undefined) frame.receiver = receiver;
  if (prefix !== undefined) frame.prefix = prefix;
  return { ok: true, frame };
}

export function isKnownToken(token: string): token is KnownToken {
  return (KNOWN_TOKENS as readonly string[]).includes(token);
}
