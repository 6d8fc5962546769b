/** Dutch words for timeline summaries and the signalement PDF (the API itself answers in codes). */
export const STATUS_NL: Record<string, string> = {
  referral: 'aanmelding',
  screening: 'screening',
  decision: 'besluit',
  rejected: 'afgewezen',
  connecting: 'aansluiten',
  active: 'lopend',
  evaluation: 'evaluatie',
  closed: 'afgesloten',
};

export const REFERRER_NL: Record<string, string> = {
  police: 'politie',
  veilig_thuis: 'Veilig Thuis',
  executing_organisation: 'uitvoerende organisatie',
  zvhh: 'Zorg- en Veiligheidshuis',
};

export const CHANNEL_NL: Record<string, string> = {
  phone: 'telefonisch',
  email: 'per e-mail',
  in_person: 'persoonlijk',
  network_meeting: 'in een netwerkoverleg',
  letter: 'per brief',
  other: 'anders',
};

export const INSTRUMENT_NL: Record<string, string> = {
  sash: 'SASH (politie)',
  vt_triage: 'Triage Veilig Thuis',
  vt_safety_assessment: 'Veiligheidstaxatie Veilig Thuis',
  gri: 'Geïntegreerde Risicoscreening',
  other: 'ander instrument',
};

export const TASK_NL: Record<string, string> = {
  police_flag: 'Signalering op persoon en adres',
  police_stop_talk: 'STOP-gesprek met de pleger',
  vt_perpetrator_contact: 'Nagaan of de pleger benaderd kan worden',
};
