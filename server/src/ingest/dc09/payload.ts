import { ALARM_KINDS, type DeviceEventKind } from '../../events/device-event.ts';
import { cidKind, siaKind } from './codes.ts';

export interface DecodedPayload {
  kind: DeviceEventKind;
  /** e.g. "SIA PA", "CID 1120" */
  code?: string;
  zone?: string;
  text?: string;
}

/** Drops the `#acct|` (or `acct|`) that diallers repeat inside the data block. */
function stripAccount(data: string): string {
  return data.replace(/^#?[0-9A-Fa-f]{3,16}\|/, '');
}

const MODIFIER = /^(?:ti\d{1,2}:\d{2}(?::\d{2})?|ri\d{1,4}|id\d{1,4}|pi\d{1,4})/;
const EVENT = /^([A-Z]{2})(.*)$/;
/** `N` new / `O` old event flag, only where what follows still reads as a modifier or an event code. */
const NEW_OR_OLD = /^[NO](?=ri|ti|id|pi|[A-Z]{2})/;

interface SiaEvent {
  code: string;
  zone: string;
}

function siaEvents(body: string): SiaEvent[] {
  const events: SiaEvent[] = [];
  for (let segment of body.split('/')) {
    for (let m = MODIFIER.exec(segment); m; m = MODIFIER.exec(segment)) segment = segment.slice(m[0].length);
    if (segment === '') continue;
    const previous = events.at(-1);
    // `PA501/502`: a bare address repeats the previous event code for another zone.
    if (previous && /^\d+$/.test(segment)) {
      events.push({ code: previous.code, zone: segment });
      continue;
    }
    const event = EVENT.exec(segment);
    if (event) events.push({ code: event[1]!, zone: event[2]! });
    else events.push({ code: '??', zone: '' });
  }
  return events;
}

function urgency(kind: DeviceEventKind): number {
  if (kind === 'panic') return 0;
  return ALARM_KINDS.has(kind) ? 1 : 2;
}

/**
 * SIA DCS data, e.g. `#1234|Nri1/PA501` or `#0123|Nti20:50:26RP99` or `#1234|NRR|Atest`.
 * When a block carries several events, the most urgent wins (a panic is never hidden behind a
 * trouble report); among equals the first one.
 */
export function decodeSiaData(data: string): DecodedPayload {
  const withoutAccount = stripAccount(data);
  const textStart = withoutAccount.indexOf('|A');
  const text = textStart >= 0 ? withoutAccount.slice(textStart + 2) : undefined;
  const events = siaEvents(
    (textStart >= 0 ? withoutAccount.slice(0, textStart) : withoutAccount).replace(NEW_OR_OLD, ''),
  );
  const withText = (payload: DecodedPayload): DecodedPayload => (text ? { ...payload, text } : payload);
  if (events.length === 0) {
    // `[]` or `[#1234|]`: a link test without an event; anything else unreadable must still reach an operator.
    return withText(withoutAccount === '' ? { kind: 'heartbeat' } : { kind: 'fault', code: 'SIA ??' });
  }
  let chosen = { event: events[0]!, kind: siaKind(events[0]!.code) };
  for (const event of events.slice(1)) {
    const kind = siaKind(event.code);
    if (urgency(kind) < urgency(chosen.kind)) chosen = { event, kind };
  }
  const payload: DecodedPayload = { kind: chosen.kind, code: `SIA ${chosen.event.code}` };
  if (chosen.event.zone !== '') payload.zone = chosen.event.zone;
  return withText(payload);
}

const CONTACT_ID = /^([136])(\d{3}) ?([0-9A-Fa-f]{2}) ?([0-9A-Fa-f]{3})$/;

/** Contact ID data `#acct|QEEE GG ZZZ`. */
export function decodeCidData(data: string): DecodedPayload {
  const body = stripAccount(data).trim();
  if (body === '') return { kind: 'heartbeat' };
  const match = CONTACT_ID.exec(body);
  if (!match) return { kind: 'fault', code: 'CID ????' };
  const [, qualifier, event, , zone] = match as unknown as [string, string, string, string, string];
  return { kind: cidKind(qualifier, event), code: `CID ${qualifier}${event}`, zone };
}
