/** Dutch words for the platform's codes, for the PDF the client reads. Unknown codes are shown as they are. */

const label = (table: Record<string, string>) => (code: string | null | undefined) =>
  code == null ? '' : (table[code] ?? code);

export const caseStatusNl = label({
  referral: 'aanmelding',
  screening: 'screening',
  decision: 'besluitvorming',
  rejected: 'afgewezen',
  connecting: 'aansluiten',
  active: 'actief',
  evaluation: 'evaluatie',
  closed: 'afgesloten',
});

export const targetGroupNl = label({ stalking: 'stalking', acute_unsafety: 'acute onveiligheid' });

export const languageNl = label({
  nl: 'Nederlands',
  en: 'Engels',
  tr: 'Turks',
  ar: 'Arabisch',
  pl: 'Pools',
  de: 'Duits',
  fr: 'Frans',
  es: 'Spaans',
  uk: 'Oekraïens',
});

export const banKindNl = label({ contact: 'contactverbod', area: 'gebiedsverbod' });

export const alarmKindNl = label({
  panic: 'noodmelding',
  test: 'testmelding',
  low_battery: 'batterij bijna leeg',
  tamper: 'sabotage aan de knop',
  fault: 'storing',
  supervision: 'geen contact met de knop',
});

export const alarmStateNl = label({
  received: 'ontvangen',
  claimed: 'in behandeling bij de alarmcentrale',
  forwarded: 'doorgezet naar de politie',
  on_scene: 'politie ter plaatse',
  resolved: 'afgehandeld',
});

export const outcomeNl = label({
  arrest_in_act: 'aanhouding op heterdaad',
  perpetrator_gone: 'pleger vertrokken',
  no_threat: 'geen dreiging aangetroffen',
  pressed_by_accident: 'per ongeluk ingedrukt',
  technical_fault: 'technische storing',
  test: 'test',
  other: 'anders',
  cleared_by_device: 'door de knop zelf hersteld',
});

export const taskKindNl = label({
  aftercare_contact: 'nazorgcontact',
  evaluate_incident: 'incident evalueren',
  support_police_report: 'ondersteuning bij aangifte',
  review_safety_plan: 'veiligheidsplan herzien',
});

export const requestKindNl = label({
  access: 'inzage (art. 15 AVG)',
  correction: 'rectificatie (art. 16 AVG)',
  restriction: 'beperking van de verwerking (art. 18 AVG)',
  erasure: 'wissen (art. 17 AVG)',
});

export const auditActionNl = label({
  'case.read': 'dossier ingezien',
  'case.linked_info.read': 'gegevens ingezien tijdens een melding',
  'case.data_subject_export': 'inzage-overzicht opgesteld',
  'case.privacy_request.create': 'AVG-verzoek vastgelegd',
  'case.privacy_request.decide': 'besluit op AVG-verzoek vastgelegd',
  'case.privacy_requests.list': 'AVG-verzoeken ingezien',
});

const DATE = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const ISO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "5 maart 2026" (Amsterdam time) */
export const dateNl = (d: Date | string) => DATE.format(new Date(d));
/** "05-03-2026 14:07" (Amsterdam time) */
export const dateTimeNl = (d: Date | string | null | undefined) =>
  d == null ? '' : DATE_TIME.format(new Date(d)).replace(',', '');
/** "2026-03-05" (Amsterdam time), for file names */
export const isoDay = (d: Date) => ISO_DAY.format(d);
