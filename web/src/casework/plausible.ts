import type { LooseT } from '../cases/i18n.ts';
import { formatDate } from '../ui/time.ts';
import { todayIso } from './shared.tsx';

/**
 * The client-side side of the server's plausibility rules (server/src/casework/plausible/rules.ts), so the
 * form answers before the round trip; the server checks again and has the last word.
 */
export function caseDateProblem(
  date: string,
  referredOn: string | null,
  t: LooseT,
  lang: string,
): string | undefined {
  if (!date) return t('casework.refusals.date.required');
  if (date > todayIso()) return t('casework.refusals.date.future');
  if (referredOn && date < referredOn)
    return t('casework.refusals.date.beforeCase', { referredOn: formatDate(referredOn, lang) });
  return undefined;
}

/** Five years before the referral, as the server's INCIDENT_HISTORY_YEARS. */
export function incidentDateProblem(
  date: string,
  referredOn: string | null,
  t: LooseT,
  lang: string,
): string | undefined {
  if (!date) return t('casework.refusals.date.required');
  if (date > todayIso()) return t('casework.refusals.date.future');
  if (referredOn) {
    const earliest = `${Number(referredOn.slice(0, 4)) - 5}${referredOn.slice(4)}`;
    if (date < earliest)
      return t('casework.refusals.date.beforeIncidentHistory', { referredOn: formatDate(referredOn, lang) });
  }
  return undefined;
}

/** A time later today has not happened yet; no time at all is allowed (unknown). */
export function incidentTimeProblem(date: string, time: string, t: LooseT): string | undefined {
  if (!time) return undefined;
  const now = new Date().toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  if (date === todayIso() && time > now) return t('casework.refusals.time.future');
  return undefined;
}
