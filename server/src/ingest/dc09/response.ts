import { crcHex } from './crc.ts';
import { encryptContent } from './crypto.ts';
import type { Dc09Header } from './frame.ts';
import { formatDc09Time } from './timestamp.ts';

/** Wraps the text from the opening `"` onwards in `<LF>` CRC LLLL … `<CR>`. */
export function frameMessage(span: string): string {
  const length = Buffer.byteLength(span, 'latin1');
  if (length > 0xfff) throw new RangeError(`DC-09 frame too long: ${length}`);
  return `\n${crcHex(span)}0${length.toString(16).toUpperCase().padStart(3, '0')}${span}\r`;
}

/**
 * `SEQ[Rrcvr]Lpref#acct` as the message had it. The ACK format requires a prefix; when the
 * dialler sent none, `L0` is answered.
 */
function echo(header: Dc09Header): string {
  const receiver = header.receiver === undefined ? '' : `R${header.receiver}`;
  return `${header.sequence}${receiver}L${header.prefix ?? '0'}#${header.account}`;
}

/** `"ACK"SEQ[Rrcvr]Lpref#acct[]`; with a key `"*ACK"` and an encrypted `[|]_timestamp` body. */
export function buildAck(header: Dc09Header, options: { key?: Buffer | null; now?: Date } = {}): string {
  if (!options.key) return frameMessage(`"ACK"${echo(header)}[]`);
  const body = encryptContent(`]_${formatDc09Time(options.now ?? new Date())}`, options.key);
  return frameMessage(`"*ACK"${echo(header)}[${body}`);
}

/** `"NAK"0000R0L0A0[]_HH:MM:SS,MM-DD-YYYY`, carrying the receiver's clock. */
export function buildNak(now: Date = new Date()): string {
  return frameMessage(`"NAK"0000R0L0A0[]_${formatDc09Time(now)}`);
}

/** `"DUH"SEQ[Rrcvr]Lpref#acct[]`: understood as a frame, but not supported. */
export function buildDuh(header: Dc09Header): string {
  return frameMessage(`"DUH"${echo(header)}[]`);
}
