import type { AlarmKind } from '../rules.ts';
import type { RegionPlan } from './rules.ts';

/**
 * The plan a region follows for a kind until it writes its own (and what the demo region is given): what a
 * Dutch alarm centre does for a personal alarm. The step ids are fixed, so ticks made on a default plan
 * still name their step once the region saves it unchanged.
 */
export const DEFAULT_PLANS: Readonly<Record<AlarmKind, RegionPlan>> = {
  panic: {
    kind: 'panic',
    priority: 1,
    steps: [
      {
        id: '00000000-0000-4000-8000-000000000101',
        action: 'voice_listen',
        instruction: 'Open de spreek-luisterverbinding en luister mee; spreek pas als dat veilig is.',
      },
      {
        id: '00000000-0000-4000-8000-000000000102',
        action: 'call_back',
        instruction: 'Bel de cliënt terug als er niets te horen is of de verbinding wegvalt.',
      },
      {
        id: '00000000-0000-4000-8000-000000000103',
        action: 'forward_police',
        instruction: 'Zet de melding door naar de meldkamer politie, met adres en signalement.',
        policePriority: 1,
      },
      {
        id: '00000000-0000-4000-8000-000000000104',
        action: 'inform_case_director',
        instruction: 'Informeer de casusregisseur over de melding.',
      },
    ],
  },
  tamper: {
    kind: 'tamper',
    priority: 2,
    steps: [
      {
        id: '00000000-0000-4000-8000-000000000201',
        action: 'voice_listen',
        instruction: 'Open de spreek-luisterverbinding en luister mee.',
      },
      {
        id: '00000000-0000-4000-8000-000000000202',
        action: 'call_back',
        instruction: 'Bel de cliënt terug: is de knop bij haar en is zij veilig?',
      },
      {
        id: '00000000-0000-4000-8000-000000000203',
        action: 'forward_police',
        instruction: 'Geen contact of twijfel: zet door naar de meldkamer politie.',
        policePriority: 2,
      },
      {
        id: '00000000-0000-4000-8000-000000000204',
        action: 'inform_caseworker',
        instruction: 'Informeer de casemanager.',
      },
    ],
  },
  supervision: {
    kind: 'supervision',
    priority: 3,
    steps: [
      {
        id: '00000000-0000-4000-8000-000000000301',
        action: 'call_back',
        instruction: 'Bel de cliënt: staat de knop aan en heeft zij hem bij zich?',
      },
      {
        id: '00000000-0000-4000-8000-000000000302',
        action: 'inform_caseworker',
        instruction: 'Geen contact: informeer de casemanager.',
      },
    ],
  },
  fault: {
    kind: 'fault',
    priority: 3,
    steps: [
      {
        id: '00000000-0000-4000-8000-000000000401',
        action: 'check_device',
        instruction: 'Controleer de storing in het leveranciersportaal.',
      },
      {
        id: '00000000-0000-4000-8000-000000000402',
        action: 'inform_caseworker',
        instruction: 'Informeer de casemanager: de knop moet mogelijk worden vervangen.',
      },
    ],
  },
  low_battery: {
    kind: 'low_battery',
    priority: 4,
    steps: [
      {
        id: '00000000-0000-4000-8000-000000000501',
        action: 'call_back',
        instruction: 'Bel de cliënt: de knop moet worden opgeladen.',
      },
    ],
  },
  test: {
    kind: 'test',
    priority: 5,
    steps: [
      {
        id: '00000000-0000-4000-8000-000000000601',
        action: 'voice_listen',
        instruction: 'Open de spreek-luisterverbinding en bevestig de testmelding.',
      },
      {
        id: '00000000-0000-4000-8000-000000000602',
        action: 'inform_caseworker',
        instruction: 'Meld de casemanager dat de test is geslaagd.',
      },
    ],
  },
};
