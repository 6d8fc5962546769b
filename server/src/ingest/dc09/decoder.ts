import type { DeviceEvent } from '../../events/device-event.ts';
import { parseContent } from './content.ts';
import { decryptContent } from './crypto.ts';
import { type Dc09Frame, type FrameErrorReason, isKnownToken, parseFrame } from './frame.ts';
import { type DecodedPayload, decodeCidData, decodeSiaData } from './payload.ts';
import { buildAck, buildDuh, buildNak } from './response.ts';
import { DEFAULT_REPLAY_WINDOW, isWithinWindow, parseDc09Time, type ReplayWindow } from './timestamp.ts';
import { cleanText, parseExtendedData } from './xdata.ts';

/**
 * What the receiver knows about an account: a key (the account only accepts encrypted
 * messages), null (known, plaintext) or undefined (unknown account).
 */
export type AccountKey = Buffer | null | undefined;

export interface DecodeContext {
  lookupKey(account: string): AccountKey | Promise<AccountKey>;
  now?: Date;
  window?: ReplayWindow;
}

export type NakReason =
  | FrameErrorReason
  | 'decrypt-failed'
  | 'bad-timestamp'
  | 'missing-timestamp'
  | 'outside-window'
  | 'oversized'
  | 'truncated'
  | 'lookup-failed';

export type DuhReason = 'unknown-token' | 'unknown-account' | 'no-key-for-encrypted' | 'encryption-required';

export type Dc09Decision =
  | {
      outcome: 'event';
      event: DeviceEvent;
      /** ACK when the event was stored (encrypted `*ACK` when the message was), NAK when it was not */
      reply(stored: boolean, now?: Date): string;
    }
  | { outcome: 'nak'; reason: NakReason; detail?: string; reply: string }
  | { outcome: 'duh'; reason: DuhReason; account?: string; reply: string };

export function nakDecision(reason: NakReason, now: Date = new Date(), detail?: string): Dc09Decision {
  return detail === undefined
    ? { outcome: 'nak', reason, reply: buildNak(now) }
    : { outcome: 'nak', reason, detail, reply: buildNak(now) };
}

/**
 * Decodes one frame's text (between `<LF>` and `<CR>`, latin1) into an event or a refusal. Never
 * throws for any input; only a throwing `lookupKey` propagates (the caller answers NAK).
 *
 * Key policy: an account configured with a key accepts only encrypted messages, so nobody
 * without the key can forge a panic, a restoral or a heartbeat: plaintext → DUH. An encrypted
 * message for an account without a key → DUH. Both are "understood, not supported": a retry
 * would not help. An encrypted message that does not decrypt → NAK.
 */
export async function decodeDc09(frameText: string, ctx: DecodeContext): Promise<Dc09Decision> {
  const now = ctx.now ?? new Date();
  const parsed = parseFrame(frameText);
  if (!parsed.ok) return nakDecision(parsed.reason, now, parsed.detail);
  const { frame } = parsed;
  if (!isKnownToken(frame.token)) return { outcome: 'duh', reason: 'unknown-token', reply: buildDuh(frame) };
  const key = await ctx.lookupKey(frame.account);
  return interpretFrame(frame, key, { now, window: ctx.window ?? DEFAULT_REPLAY_WINDOW, raw: frameText });
}

/** The synchronous second half of {@link decodeDc09}, for callers that resolved the account already. */
export function interpretFrame(
  frame: Dc09Frame,
  key: AccountKey,
  options: { now: Date; window: ReplayWindow; raw: string },
): Dc09Decision {
  const { now } = options;
  if (key === undefined) return duhDecision(frame, 'unknown-account');
  if (frame.encrypted && key === null) return duhDecision(frame, 'no-key-for-encrypted');
  if (!frame.encrypted && key !== null) return duhDecision(frame, 'encryption-required');

  let contentText = frame.body;
  if (key) {
    const decrypted = decryptContent(frame.body, key);
    if (!decrypted.ok) return nakDecision('decrypt-failed', now, decrypted.error);
    contentText = `[${decrypted.content}`;
  }
  const parsed = parseContent(contentText);
  // Unreadable plaintext behind a good CRC almost always means the wrong key.
  if (!parsed.ok) return nakDecision(frame.encrypted ? 'decrypt-failed' : 'malformed', now, parsed.detail);
  const content = parsed.content;

  let sentAt: Date | undefined;
  if (content.timestamp !== undefined) {
    sentAt = parseDc09Time(content.timestamp);
    if (!sentAt) return nakDecision('bad-timestamp', now, content.timestamp);
  }
  if (frame.encrypted) {
    if (!sentAt) return nakDecision('missing-timestamp', now);
    if (!isWithinWindow(sentAt, now, options.window))
      return nakDecision('outside-window', now, content.timestamp);
  }

  const payload = decodePayload(frame.token, content.data ?? '');
  const extended = parseExtendedData(content.xdata);
  const event: DeviceEvent = {
    protocol: 'dc09',
    deviceAccount: frame.account,
    kind: payload.kind,
    sequence: frame.sequence,
    receivedAt: now,
    raw: options.raw,
  };
  const occurredAt = extended.occurredAt ?? sentAt;
  if (occurredAt) event.occurredAt = occurredAt;
  if (extended.position) event.position = extended.position;
  if (payload.code) event.code = payload.code;
  if (payload.zone) event.zone = payload.zone;
  const text = extended.text ?? (payload.text === undefined ? undefined : cleanText(payload.text));
  if (text) event.text = text;

  return new EventDecision(event, frame, key);
}

// module-level rather than closures made per frame: the heartbeat path allocates less
function duhDecision(frame: Dc09Frame, reason: DuhReason): Dc09Decision {
  return { outcome: 'duh', reason, account: frame.account, reply: buildDuh(frame) };
}

class EventDecision {
  readonly outcome = 'event';
  constructor(
    readonly event: DeviceEvent,
    private readonly frame: Dc09Frame,
    private readonly key: Buffer | null,
  ) {}

  reply(stored: boolean, replyAt: Date = new Date()): string {
    return stored ? buildAck(this.frame, { key: this.key, now: replyAt }) : buildNak(replyAt);
  }
}

function decodePayload(token: string, data: string): DecodedPayload {
  if (token === 'NULL') return { kind: 'heartbeat' };
  if (token === 'ADM-CID') return decodeCidData(data);
  return decodeSiaData(data);
}
