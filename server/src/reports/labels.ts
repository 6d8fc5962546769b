import { alarmKindNl, outcomeNl, targetGroupNl } from '../privacy/labels.ts';
import type { Dashboard } from './indicators.ts';
import type { Published } from './suppression.ts';

/** Dutch words for the figures, shared by the CSV, the dashboard PDF and the yearly report. */

export const reasonNl: Record<string, string> = {
  unsafety_or_stalking: 'geen onveiligheid of stalking',
  threat_of_violence: 'geen dreiging van geweld',
  contact_broken: 'contact niet verbroken',
  willing_to_report: 'geen bereidheid tot aangifte',
  open_to_help: 'staat niet open voor hulp',
  several_perpetrators: 'meerdere plegers (contra-indicatie)',
  few_safety_risks: 'te weinig veiligheidsrisico (contra-indicatie)',
  too_high_risks: 'te hoge risico’s (contra-indicatie)',
  none: 'geen reden vastgelegd',
};

export const stepNl: Record<string, string> = {
  claimed: 'van ontvangen tot opgepakt (alarmcentrale)',
  forwarded: 'van opgepakt tot doorgezet naar politie',
  on_scene: 'van doorgezet tot politie ter plaatse',
  total: 'van ontvangen tot politie ter plaatse',
};

/** The median and the 90th percentile, in words a policy officer reads without statistics. */
const HALF = 'de helft binnen';
const NINE_IN_TEN = '9 van de 10 binnen';

export const momentNl: Record<string, string> = { start: 'begin', interim: 'tussentijds', end: 'einde' };
export const goalNl: Record<string, string> = {
  met: 'behaald',
  partly_met: 'deels behaald',
  not_met: 'niet behaald',
};
export const outcomeLabelNl = (o: string) => (o === 'open' ? 'nog open' : outcomeNl(o));
export { alarmKindNl, targetGroupNl };

const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** What the funder's figures hide, in the words of every export. */
export const SUPPRESSION_NOTE_NL =
  '"< 5" = minder dan 5 trajecten; "verborgen" = verborgen om herleidbaarheid te voorkomen (het cijfer rust ' +
  'op minder dan 5 trajecten, of een ander verborgen cijfer zou eruit terug te rekenen zijn).';

/** A published figure as Dutch text: "< 5" stays, "hidden" is "verborgen", null is "-". */
export function fmt(
  value: Published,
  kind: 'number' | 'percent' | 'euro' | 'days' | 'seconds' = 'number',
): string {
  if (value === null) return '-';
  if (value === 'hidden') return 'verborgen';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'percent':
      return `${nl.format(value * 100)}%`;
    case 'euro':
      return euro.format(value / 100);
    case 'days':
      return `${nl.format(value)} dagen`;
    case 'seconds':
      return value >= 120 ? `${nl.format(value / 60)} min` : `${nl.format(value)} s`;
    default:
      return nl.format(value);
  }
}

export interface FigureLine {
  section: string;
  indicator: string;
  breakdown: string;
  value: Published;
  kind?: Parameters<typeof fmt>[1];
}

/** Every figure of the dashboard as one line: the single source of the CSV and the PDF tables. */
export function figureLines(d: Dashboard): FigureLine[] {
  const lines: FigureLine[] = [];
  const add = (
    section: string,
    indicator: string,
    breakdown: string,
    value: Published,
    kind?: FigureLine['kind'],
  ) => lines.push({ section, indicator, breakdown, value, ...(kind ? { kind } : {}) });

  const t = d.trajectories;
  const T = 'Trajecten';
  add(T, 'gestart', 'periode', t.started);
  add(T, 'lopend', 'periode', t.running);
  add(T, 'afgesloten', 'periode', t.closed);
  for (const y of t.perYear) {
    add(T, 'gestart', y.year, y.started);
    add(T, 'lopend', y.year, y.running);
    add(T, 'afgesloten', y.year, y.closed);
  }
  for (const m of t.perMonth) add(T, 'gestart per maand', m.month, m.started);

  const B = 'Besluiten';
  add(B, 'besluiten genomen', 'periode', d.decisions.decided);
  add(B, 'toegekend', 'periode', d.decisions.granted);
  add(B, 'afgewezen', 'periode', d.decisions.rejected);
  add(B, 'aandeel toegekend', 'periode', d.decisions.shareGranted, 'percent');
  for (const r of d.decisions.reasons) add(B, 'reden van afwijzing', reasonNl[r.reason] ?? r.reason, r.cases);

  const D = 'Doorlooptijden';
  const rd = d.timeliness.referralToDecision;
  add(D, `van aanmelding tot besluit: ${HALF}`, 'dagen', rd.medianDays, 'days');
  add(D, `van aanmelding tot besluit: ${NINE_IN_TEN}`, 'dagen', rd.p90Days, 'days');
  const dc = d.timeliness.decisionToConnection;
  add(D, `van besluit tot aansluiting: ${HALF}`, 'dagen', dc.medianDays, 'days');
  add(D, `van besluit tot aansluiting: ${NINE_IN_TEN}`, 'dagen', dc.p90Days, 'days');
  add(D, 'aangesloten binnen termijn', 'trajecten', dc.onTime);
  add(D, 'aangesloten na termijn', 'trajecten', dc.late);
  add(D, 'aangesloten zonder termijn', 'trajecten', dc.noDeadline);
  add(D, 'aandeel op tijd aangesloten', 'periode', dc.shareOnTime, 'percent');
  add(D, 'duur afgesloten trajecten (mediaan)', 'dagen', d.duration.medianDays, 'days');
  add(D, 'duur afgesloten trajecten (gemiddeld)', 'dagen', d.duration.meanDays, 'days');
  add(D, 'afgesloten trajecten met verlenging', 'trajecten', d.duration.closedWithExtension);
  add(D, 'aandeel verlengd', 'afgesloten trajecten', d.duration.shareExtended, 'percent');
  add(D, 'verlengingen besloten', 'periode', d.duration.extensionsDecided);

  const G = 'Begeleiding (afgesloten trajecten)';
  for (const c of d.care) {
    const g = targetGroupNl(c.targetGroup);
    add(G, 'afgesloten trajecten', g, c.closed);
    add(G, `gesprekken met cliënt (norm ${c.clientConversationsNorm})`, g, c.clientConversations);
    add(G, 'aandeel binnen norm gesprekken', g, c.shareClientWithinNorm, 'percent');
    add(G, `gesprekken per kind (norm ${c.childConversationsNorm})`, g, c.childConversationsPerChild);
    add(G, `netwerkcontacten (norm ${c.networkContactsNorm})`, g, c.networkContacts);
    add(G, `uren (norm ${c.hoursNorm})`, g, c.hours);
    add(G, 'aandeel binnen norm uren', g, c.shareHoursWithinNorm, 'percent');
  }

  const A = 'Meldingen';
  add(A, 'meldingen (zonder tests)', 'periode', d.alarms.total);
  add(A, 'meldingen per lopend traject', 'periode', d.alarms.perTrajectory);
  for (const k of d.alarms.byKind) add(A, 'soort', alarmKindNl(k.kind), k.alarms);
  for (const o of d.alarms.byOutcome) add(A, 'afloop', outcomeLabelNl(o.outcome), o.alarms);
  add(A, 'noodmeldingen', 'periode', d.alarms.panics);
  add(A, 'aandeel loos alarm (per ongeluk)', 'noodmeldingen', d.alarms.shareFalse, 'percent');
  add(A, 'aandeel technisch alarm', 'meldingen', d.alarms.shareTechnical, 'percent');

  const R = 'Reactietijden keten (noodmeldingen)';
  for (const r of d.response) {
    add(R, `${stepNl[r.step]}: ${HALF}`, 'seconden', r.medianSeconds, 'seconds');
    add(R, `${stepNl[r.step]}: ${NINE_IN_TEN}`, 'seconden', r.p90Seconds, 'seconds');
  }

  const K = 'Kosten alarmknoppen';
  add(K, 'huur', 'periode', d.devices.rentCents, 'euro');
  for (const q of d.devices.perQuarter) add(K, 'huur', q.quarter, q.rentCents, 'euro');
  add(K, 'vervangen (verloren of gestolen)', 'knoppen', d.devices.replacements);
  add(
    K,
    'vervangingskosten',
    `à ${fmt(d.devices.replacementPriceCents, 'euro')}`,
    d.devices.replacementCents,
    'euro',
  );
  add(K, 'totaal', 'periode', d.devices.totalCents, 'euro');
  add(K, 'cliëntjaren', 'periode', d.devices.clientYears);
  add(K, 'kosten per cliënt per jaar', 'periode', d.devices.costPerClientYearCents, 'euro');

  const W = 'Waardering en veiligheid';
  for (const s of d.ratings.safety)
    add(W, 'veiligheidsgevoel cliënt (0-10)', momentNl[s.moment] ?? s.moment, s.mean);
  add(W, 'waardering hulpverlener (0-10)', 'alle evaluaties', d.ratings.caseworker.mean);
  add(W, 'waardering samenwerking (0-10)', 'alle evaluaties', d.ratings.collaboration.mean);

  const O = 'Doelen';
  add(O, 'geëvalueerde doelen', 'periode', d.goals.evaluated);
  for (const g of d.goals.byResult) add(O, 'resultaat', goalNl[g.result] ?? g.result, g.goals);
  add(O, 'aandeel behaald', 'periode', d.goals.shareMet, 'percent');
  return lines;
}
