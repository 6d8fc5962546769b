/**
 * Small-cell suppression for audiences who may not recognise individuals (the funder). Rules, written
 * down in docs/indicators.md:
 *
 * 1. Primary: a cell based on 1–4 cases is hidden, never its number. A count of 1–4 cases says "< 5"
 *    (true and harmless); any other hidden figure — an amount of money, a median, a share, or a count
 *    hidden by rule 2 or 4 — says "hidden" (the web: "verborgen"), never "< 5". A cell based on no case
 *    shows 0 (an empty period shows zeros).
 * 2. Secondary (complementary disclosure): where cells add up to a total that is shown, exactly one hidden
 *    member could be recovered by subtraction. So in every such group (the cells and their total) either
 *    none or at least two members are hidden: the smallest visible non-zero member is hidden as well
 *    (the total if no other member qualifies). Groups are revisited until nothing changes, because a
 *    total hidden in one group is a cell of another.
 * 3. A share (numerator / denominator) is hidden when its numerator, its complement or its denominator
 *    rests on 1–4 cases.
 * 4. Linked cells (one computes the other: a number of replacements and their cost at a known price) are
 *    hidden together.
 */

export const SUPPRESSED = '< 5' as const;
export const HIDDEN = 'hidden' as const;
export type Published = number | typeof SUPPRESSED | typeof HIDDEN | null;

/** One figure before publication: its value and the number of distinct cases it rests on. */
export interface Cell {
  value: number | null;
  /** distinct cases behind the value */
  n: number;
  hidden?: boolean;
  /** a number of cases, so "< 5" is a true statement about it when it rests on 1–4 cases */
  isCount?: boolean;
}

export interface Group {
  cells: Cell[];
  total: Cell;
}

export const MIN_CASES = 5;

export const cell = (value: number | null, n: number): Cell => ({ value, n });
/** A count of cases: the count is its own base. */
export const count = (value: number): Cell => ({ value, n: value, isCount: true });

export function isSmall(n: number): boolean {
  return n > 0 && n < MIN_CASES;
}

/** numerator / denominator of case counts, resting on the smallest of numerator, complement and denominator. */
export function share(numerator: Cell, denominator: Cell): Cell {
  const num = numerator.value ?? 0;
  const den = denominator.value ?? 0;
  const bases = [numerator.n, denominator.n - numerator.n, denominator.n].filter((n) => n > 0);
  return { value: den > 0 ? num / den : null, n: bases.length > 0 ? Math.min(...bases) : 0 };
}

/** Marks the cells the rules hide; returns how many are hidden. */
export function protect(
  cells: readonly Cell[],
  groups: readonly Group[],
  links: readonly Cell[][] = [],
): number {
  for (const c of cells) if (isSmall(c.n)) c.hidden = true;
  for (const g of groups) {
    if (isSmall(g.total.n)) g.total.hidden = true;
    for (const c of g.cells) if (isSmall(c.n)) c.hidden = true;
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const link of links) {
      if (!link.some((c) => c.hidden) || link.every((c) => c.hidden)) continue;
      for (const c of link) c.hidden = true;
      changed = true;
    }
    for (const g of groups) {
      const members = [...g.cells, g.total];
      if (members.filter((m) => m.hidden).length !== 1) continue;
      const candidates = members
        .filter((m) => !m.hidden && (m.value ?? 0) > 0)
        .sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
      const next = candidates.find((m) => m !== g.total) ?? (g.total.hidden ? undefined : g.total);
      if (!next) continue;
      next.hidden = true;
      changed = true;
    }
  }
  const all = new Set([...cells, ...groups.flatMap((g) => [...g.cells, g.total]), ...links.flat()]);
  return [...all].filter((c) => c.hidden).length;
}

/** What an audience sees of a cell: the value, or once hidden "< 5" (a small count) or "hidden". */
export function publish(c: Cell, suppress: boolean): Published {
  if (suppress && c.hidden) return c.isCount && isSmall(c.n) ? SUPPRESSED : HIDDEN;
  return c.value;
}
