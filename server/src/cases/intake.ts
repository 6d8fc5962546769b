import type { SecretBox } from '../crypto/sealed.ts';
import type { Database } from '../db/index.ts';
import { connectionCommands } from './intake/connection.ts';
import { decisionCommands } from './intake/decision.ts';
import { referralCommands } from './intake/referral.ts';
import { screeningCommands } from './intake/screening.ts';

/**
 * Phases 1 and 2: referral, screening, joint decision, connection — one file per phase under intake/, one
 * transaction per command, the SQL in intake/repository.ts.
 */
export function createIntakeService(db: Database, secrets: SecretBox) {
  const deps = { db, secrets };
  return {
    ...referralCommands(deps),
    ...screeningCommands(deps),
    ...decisionCommands(deps),
    ...connectionCommands(deps),
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
