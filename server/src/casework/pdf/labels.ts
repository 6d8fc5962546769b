import type { PlanSection } from '../safety-plan/content.ts';

/** Languages the printed documents have headings in; any other language falls back to Dutch. */
export const PRINT_LANGUAGES = ['nl', 'en'] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];

export const printLanguage = (code: string | null | undefined): PrintLanguage =>
  (PRINT_LANGUAGES as readonly string[]).includes(code ?? '') ? (code as PrintLanguage) : 'nl';

interface PlanLabels {
  title: string;
  version: (n: number, date: string) => string;
  sections: Record<PlanSection, string>;
  empty: string;
  footer: string;
}

export const PLAN_LABELS: Record<PrintLanguage, PlanLabels> = {
  nl: {
    title: 'Mijn veiligheidsplan',
    version: (n, date) => `Versie ${n} van ${date}`,
    sections: {
      strengths: 'Wat zijn mijn krachten?',
      whatHelps: 'Wat kan mij helpen?',
      whoHelps: 'Wie kan mij helpen?',
      ownActions: 'Wat kan ik zelf doen?',
      unsafeSituations: 'Onveilige situaties',
      alarmAgreements: 'Afspraken als ik op de knop druk',
      tips: 'Concrete tips',
      digitalSafety: 'Digitale veiligheid',
    },
    empty: '(nog niets ingevuld)',
    footer: 'Bewaar dit op een veilige plek.',
  },
  en: {
    title: 'My safety plan',
    version: (n, date) => `Version ${n} of ${date}`,
    sections: {
      strengths: 'What are my strengths?',
      whatHelps: 'What can help me?',
      whoHelps: 'Who can help me?',
      ownActions: 'What can I do myself?',
      unsafeSituations: 'Unsafe situations',
      alarmAgreements: 'Agreements for when I press the button',
      tips: 'Concrete tips',
      digitalSafety: 'Digital safety',
    },
    empty: '(nothing filled in yet)',
    footer: 'Keep this in a safe place.',
  },
};

interface LogLabels {
  title: string;
  intro: (count: number, from: string | null, to: string | null) => string;
  entry: (n: number, when: string) => string;
  reference: (reference: string) => string;
  date: string;
  time: string;
  timeUnknown: string;
  source: string;
  sources: Record<'caseworker' | 'alarm' | 'client', string>;
  place: string;
  whatHappened: string;
  witnesses: string;
  evidence: string;
  reported: string;
  yes: (number: string | null) => string;
  no: string;
  none: string;
  footer: string;
}

export const LOG_LABELS: Record<PrintLanguage, LogLabels> = {
  nl: {
    title: 'Logboek incidenten',
    intro: (count, from, to) =>
      count === 0
        ? 'Er zijn geen incidenten vastgelegd.'
        : `${count} incident${count === 1 ? '' : 'en'}, van ${from} tot en met ${to}, in volgorde van tijd.`,
    entry: (n, when) => `${n}. ${when}`,
    reference: (reference) => `Traject ${reference}`,
    date: 'Datum',
    time: 'Tijd',
    timeUnknown: 'tijd onbekend',
    source: 'Bron',
    sources: {
      caseworker: 'vastgelegd door de hulpverlener',
      alarm: 'noodmelding, afgehandeld door de politie',
      client: 'vastgelegd door de cliënt',
    },
    place: 'Plaats',
    whatHappened: 'Wat gebeurde er',
    witnesses: 'Getuigen',
    evidence: 'Bewijsstukken',
    reported: 'Aangifte / melding bij politie',
    yes: (number) => (number ? `ja, nummer ${number}` : 'ja'),
    no: 'nee',
    none: '-',
    footer: 'Logboek incidenten',
  },
  en: {
    title: 'Incident log',
    intro: (count, from, to) =>
      count === 0
        ? 'No incidents have been recorded.'
        : `${count} incident${count === 1 ? '' : 's'}, from ${from} to ${to}, in order of time.`,
    entry: (n, when) => `${n}. ${when}`,
    reference: (reference) => `Case ${reference}`,
    date: 'Date',
    time: 'Time',
    timeUnknown: 'time unknown',
    source: 'Source',
    sources: {
      caseworker: 'recorded by the caseworker',
      alarm: 'emergency alarm, closed by the police',
      client: 'recorded by the client',
    },
    place: 'Place',
    whatHappened: 'What happened',
    witnesses: 'Witnesses',
    evidence: 'Evidence',
    reported: 'Reported to the police',
    yes: (number) => (number ? `yes, number ${number}` : 'yes'),
    no: 'no',
    none: '-',
    footer: 'Incident log',
  },
};

/** 7 March 2026 / 7 maart 2026, and with the time (Europe/Amsterdam). */
export function dateIn(language: PrintLanguage, d: Date | string, withTime = false): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(d));
}
