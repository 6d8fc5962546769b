import type { DeviceEvent } from '../../events/device-event.ts';
import { type AccountKey, type Dc09Decision, interpretFrame, nakDecision } from './decoder.ts';
import { isKnownToken, parseFrame } from './frame.ts';
import type { FramerItem } from './framer.ts';
import { buildDuh } from './response.ts';
import type { ReplayWindow } from './timestamp.ts';

export interface Dc09Logger {
  /** every stored heartbeat; absent: not logged */
  debug?(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export type Dc09FrameOutcome =
  | 'ack'
  | 'nak'
  | 'duh'
  | 'store_failed'
  | 'reply_dropped'
  | 'connection_refused';

export interface Dc09Metrics {
  /** one call per frame answered (or refused connection); `reason` says why for nak/duh */
  frame(outcome: Dc09FrameOutcome, reason?: string): void;
}

export interface Dc09AccountRecord {
  key: Buffer | null;
}

export interface AnswerDeps {
  /** resolves when the event is committed; rejects when it cannot be stored */
  handle(event: DeviceEvent): Promise<void>;
  /** null: unknown account */
  lookupAccount(account: string): Promise<Dc09AccountRecord | null>;
  window: ReplayWindow;
  log: Dc09Logger;
  metrics?: Dc09Metrics;
}

/**
 * Decides the reply to one framed item: persist first, then acknowledge. Never rejects.
 * Logs carry the account, SEQ, kind and reason, never positions or alarm text.
 */
export interface Answer {
  outcome: 'ack' | 'nak' | 'duh' | 'store_failed';
  /** the complete reply frame, latin1 */
  reply: string;
}

export async function answerItem(
  item: FramerItem,
  deps: AnswerDeps,
  transport: 'tcp' | 'udp',
): Promise<Answer> {
  const decision = await decide(item, deps);
  if (decision.outcome === 'nak') {
    deps.metrics?.frame('nak', decision.reason);
    deps.log.warn(
      { transport, reason: decision.reason, detail: decision.detail },
      'DC-09 frame refused (NAK)',
    );
    return { outcome: 'nak', reply: decision.reply };
  }
  if (decision.outcome === 'duh') {
    deps.metrics?.frame('duh', decision.reason);
    deps.log.warn(
      { transport, reason: decision.reason, account: decision.account },
      'DC-09 frame not supported (DUH)',
    );
    return { outcome: 'duh', reply: decision.reply };
  }
  const { event } = decision;
  try {
    await deps.handle(event);
  } catch (error) {
    deps.metrics?.frame('store_failed');
    deps.log.error(
      { ...about(event, transport), err: errorMessage(error) },
      'DC-09 event not stored; NAK so the device retries',
    );
    return { outcome: 'store_failed', reply: decision.reply(false) };
  }
  deps.metrics?.frame('ack');
  // A heartbeat is routine: one info line per heartbeat would cost more than storing it.
  if (event.kind !== 'heartbeat') deps.log.info(about(event, transport), 'DC-09 event stored');
  else deps.log.debug?.(about(event, transport), 'DC-09 event stored');
  return { outcome: 'ack', reply: decision.reply(true) };
}

function about(event: DeviceEvent, transport: 'tcp' | 'udp') {
  return { transport, account: event.deviceAccount, sequence: event.sequence, kind: event.kind };
}

/** decodeDc09, with the account looked up through the receiver's directory (a lookup failure is a NAK) */
async function decide(item: FramerItem, deps: AnswerDeps): Promise<Dc09Decision> {
  if (item.kind === 'error') return nakDecision(item.reason);
  const now = new Date();
  const parsed = parseFrame(item.text);
  if (!parsed.ok) return nakDecision(parsed.reason, now, parsed.detail);
  const { frame } = parsed;
  if (!isKnownToken(frame.token)) return { outcome: 'duh', reason: 'unknown-token', reply: buildDuh(frame) };
  let key: AccountKey;
  try {
    const record = await deps.lookupAccount(frame.account);
    key = record === null ? undefined : record.key;
  } catch (error) {
    return nakDecision('lookup-failed', new Date(), errorMessage(error));
  }
  return interpretFrame(frame, key, { now, window: deps.window, raw: item.text });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
