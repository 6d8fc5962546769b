import type { DeviceEvent } from '../../events/device-event.ts';
import { type Dc09Decision, decodeDc09, nakDecision } from './decoder.ts';
import type { FramerItem } from './framer.ts';
import type { ReplayWindow } from './timestamp.ts';

export interface Dc09Logger {
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
  const about = { transport, account: event.deviceAccount, sequence: event.sequence, kind: event.kind };
  try {
    await deps.handle(event);
  } catch (error) {
    deps.metrics?.frame('store_failed');
    deps.log.error(
      { ...about, err: errorMessage(error) },
      'DC-09 event not stored; NAK so the device retries',
    );
    return { outcome: 'store_failed', reply: decision.reply(false) };
  }
  deps.metrics?.frame('ack');
  deps.log.info(about, 'DC-09 event stored');
  return { outcome: 'ack', reply: decision.reply(true) };
}

async function decide(item: FramerItem, deps: AnswerDeps): Promise<Dc09Decision> {
  if (item.kind === 'error') return nakDecision(item.reason);
  try {
    return await decodeDc09(item.text, {
      lookupKey: async (account) => {
        const record = await deps.lookupAccount(account);
        return record === null ? undefined : record.key;
      },
      window: deps.window,
    });
  } catch (error) {
    return nakDecision('lookup-failed', new Date(), errorMessage(error));
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
