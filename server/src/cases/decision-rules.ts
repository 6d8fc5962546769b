import type { OrganisationType } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { grantPartiesOfRegion } from './case-record-repository.ts';

/** The handbook's joint decision when a region has not named its own: the shelter, Veilig Thuis and the police. */
export const DEFAULT_GRANT_PARTIES: readonly OrganisationType[] = ['shelter', 'veilig_thuis', 'police'];

/** Organisation types whose agreement the region's covenant requires for granting or rejecting. */
export async function requiredDecisionParties(tx: Queryable, regionId: string): Promise<string[]> {
  const named = await grantPartiesOfRegion(tx, regionId);
  return named.length > 0 ? named : [...DEFAULT_GRANT_PARTIES];
}

export interface Agreement {
  organisationType: string;
  outcome: 'granted' | 'rejected' | null;
}

/** The required organisation types that have not (yet) agreed with `outcome`. Pure. */
export function missingAgreements(
  required: readonly string[],
  agreements: readonly Agreement[],
  outcome: 'granted' | 'rejected',
): string[] {
  return required.filter(
    (type) => !agreements.some((a) => a.organisationType === type && a.outcome === outcome),
  );
}

export const SCREENING_ITEMS = [
  'unsafety_or_stalking',
  'threat_of_violence',
  'contact_broken',
  'willing_to_report',
  'open_to_help',
  'several_perpetrators',
  'few_safety_risks',
  'too_high_risks',
] as const;
export type ScreeningItem = (typeof SCREENING_ITEMS)[number];

/** The three contra-indications; the other five are indications (seed 000, phase 1). */
export const CONTRA_INDICATIONS: ReadonlySet<ScreeningItem> = new Set([
  'several_perpetrators',
  'few_safety_risks',
  'too_high_risks',
]);

/** Whether the screening points to granting: every indication holds and no contra-indication does. */
export function screeningAdvice(
  items: readonly { item: string; holds: boolean }[],
): 'grant' | 'reject' | 'incomplete' {
  if (SCREENING_ITEMS.some((i) => !items.some((x) => x.item === i))) return 'incomplete';
  const fits = items.every((x) => (CONTRA_INDICATIONS.has(x.item as ScreeningItem) ? !x.holds : x.holds));
  return fits ? 'grant' : 'reject';
}
