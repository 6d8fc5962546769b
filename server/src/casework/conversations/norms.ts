import type { TargetGroup } from '../../cases/status.ts';

/** A norm from the handbook (seed 000, "Kosten" tables): an average within a band. */
export interface Norm {
  expected: number;
  min: number;
  max: number;
}

export interface ConversationNorms {
  /** conversations with the client (intake, follow-up, psycho-education) */
  client: Norm;
  /** conversations about and with the children, for all children together */
  children: Norm;
  /** contacts with network partners */
  network: Norm;
  /** hours of the executing professional, all activities together */
  hours: Norm;
}

/**
 * The handbook's norms per trajectory: stalking ≈ 18 client conversations (16-20), 2-3 per child, 9 network
 * contacts (8-10), ≈ 50 hours; acute unsafety ≈ 8 (6-10), 2-3 per child, 4 network contacts (3-5), ≈ 25
 * hours. The hour bands add up the activities' own bands (client 32-40 / 12-20 h, per child 4-6 h, network
 * 8-10 / 3-5 h), so a case without children has a lower hour norm than the tables' totals, which assume one.
 */
export function conversationNorms(targetGroup: TargetGroup, childCount: number): ConversationNorms {
  const children = Math.max(0, Math.floor(childCount));
  const base =
    targetGroup === 'stalking'
      ? { client: [18, 16, 20], network: [9, 8, 10], clientHours: [36, 32, 40], networkHours: [9, 8, 10] }
      : { client: [8, 6, 10], network: [4, 3, 5], clientHours: [16, 12, 20], networkHours: [4, 3, 5] };
  const norm = ([expected, min, max]: number[]): Norm => ({ expected: expected!, min: min!, max: max! });
  return {
    client: norm(base.client),
    // "gemiddeld 2 à 3 gesprekken extra" per child: expected 2.5, band 2-3
    children: { expected: children * 2.5, min: children * 2, max: children * 3 },
    network: norm(base.network),
    hours: {
      expected: base.clientHours[0]! + children * 5 + base.networkHours[0]!,
      min: base.clientHours[1]! + children * 4 + base.networkHours[1]!,
      max: base.clientHours[2]! + children * 6 + base.networkHours[2]!,
    },
  };
}

export type ConversationKind = 'intake' | 'client' | 'child' | 'network' | 'psycho_education';

/** Which norm a conversation counts against. */
export function normCategory(kind: ConversationKind): 'client' | 'children' | 'network' {
  if (kind === 'child') return 'children';
  if (kind === 'network') return 'network';
  return 'client';
}

export interface NormProgress {
  done: number;
  norm: Norm;
  /** done / expected, 0 when nothing is expected */
  ratio: number;
  /** below the band, within it, or above it */
  band: 'below' | 'within' | 'above';
}

export interface Progress {
  client: NormProgress;
  children: NormProgress;
  network: NormProgress;
  hours: NormProgress;
}

function against(done: number, norm: Norm): NormProgress {
  return {
    done,
    norm,
    ratio: norm.expected > 0 ? done / norm.expected : 0,
    band: done < norm.min ? 'below' : done > norm.max ? 'above' : 'within',
  };
}

/** Counts conversations per category and their hours (rounded to a tenth) against the norms. */
export function progressAgainstNorms(
  norms: ConversationNorms,
  conversations: readonly { kind: ConversationKind; durationMinutes: number }[],
): Progress {
  const count = { client: 0, children: 0, network: 0 };
  let minutes = 0;
  for (const c of conversations) {
    count[normCategory(c.kind)]++;
    minutes += c.durationMinutes;
  }
  return {
    client: against(count.client, norms.client),
    children: against(count.children, norms.children),
    network: against(count.network, norms.network),
    hours: against(Math.round(minutes / 6) / 10, norms.hours),
  };
}
