import { intlLocale } from '../i18n/index.ts';
import { formatLongDate } from '../ui/time.ts';
import type { LooseT } from './i18n.ts';

/** A server-made text: a message code with parameters, and the Dutch text written when it was stored. */
export interface ServerText {
  summary: string;
  summaryCode?: string | null;
  summaryParams?: Record<string, unknown> | null;
}

/** Parameters that are codes, and the i18n list that names them. */
const CODE_LISTS: Record<string, string> = {
  from: 'case.statuses',
  to: 'case.statuses',
  referrer: 'case.referrers',
  channel: 'case.channels',
  instrument: 'case.instruments',
  task: 'case.taskKinds',
  conversation: 'casework.conversations.kinds',
  moment: 'casework.evaluation.moments',
  result: 'casework.evaluation.results',
  role: 'case.teamRoles',
  referral: 'casework.referrals.kinds',
  form: 'casework.forms.kinds',
  document: 'case.documents.kinds',
  alarm: 'alarms.kind',
  alarmOutcome: 'outcomes',
  deviceReturn: 'casework.evaluation.returns',
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}(T.*)?$/;

/**
 * The text in the reader's language: `case.timeline.msg.<code>` with its parameters named (codes through
 * their lists, dates as "1 juni 2027", numbers in the reader's notation). Entries stored before codes
 * existed, and codes this web app does not know, keep the stored text.
 */
export function serverText(entry: ServerText, t: LooseT, lang: string): string {
  if (!entry.summaryCode) return entry.summary;
  const raw = entry.summaryParams ?? {};
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const list = CODE_LISTS[name];
    if (list && typeof value === 'string') {
      const named = t(`${list}.${value}`, { defaultValue: '' });
      if (!named) return entry.summary;
      params[name] = named;
    } else if (typeof value === 'string' && ISO_DAY.test(value)) params[name] = formatLongDate(value, lang);
    else if (typeof value === 'number') params[name] = value.toLocaleString(intlLocale(lang));
    else params[name] = value ?? '';
  }
  // a decision's outcome and with whom it was shared choose the sentence (i18next context)
  const shared = raw.toClient && raw.toReferrer ? 'both' : raw.toClient ? 'client' : null;
  const context = [typeof raw.outcome === 'string' ? raw.outcome : null, shared].filter(Boolean).join('_');
  return t(`case.timeline.msg.${entry.summaryCode}`, {
    ...params,
    ...(context ? { context } : {}),
    defaultValue: entry.summary,
  });
}

/** Who did it, as a reader names them: a person's name, or "Systeem" / "Demogegevens" for the rest. */
export function actorText(entry: { actorName?: string | null; actorKind?: string }, t: LooseT): string {
  if (entry.actorName) return entry.actorName;
  return t(`case.timeline.actors.${entry.actorKind === 'demo' ? 'demo' : 'system'}`);
}
