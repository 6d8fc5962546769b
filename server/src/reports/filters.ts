import type { Actor } from '../access/index.ts';
import { DomainError, invalid } from '../errors.ts';
import type { RefusalCode } from '../refusals.ts';

/** The two target groups of AWARE (PRODUCT.md, phase 1). */
export const TARGET_GROUPS = ['stalking', 'acute_unsafety'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** What a caller may ask: every field optional; the defaults are the current calendar year and their region. */
export interface FigureQuery {
  from?: string;
  to?: string;
  targetGroup?: TargetGroup;
  regionId?: string;
  organisationId?: string;
}

/**
 * team: a coordinator (team lead) of the region: every figure, drill-down to the cases they may open.
 * funder: aggregates only, small cells suppressed, never a case id.
 */
export type Audience = 'team' | 'funder';

/** A validated question: one region, optionally one organisation and one target group, one period. */
export interface FigureScope {
  regionId: string;
  organisationId: string | null;
  targetGroup: TargetGroup | null;
  /** first and last day of the period, both included (ISO dates, Europe/Amsterdam) */
  from: string;
  to: string;
  audience: Audience;
}

/** What the service looked up about the ids in the query (a pure function decides with it). */
export interface ScopeFacts {
  regionExists: boolean;
  /** the region of the organisation asked for; null when there is no such organisation */
  organisationRegionId: string | null;
}

/** Longest period one question may span: a board compares a few years, not decades. */
export const MAX_PERIOD_YEARS = 10;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const forbiddenField = (field: string, message: string, code: RefusalCode) =>
  new DomainError(403, 'Forbidden', `${field} ${message}`, [{ field, message, code }], { code });

function isDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The regions in which the actor may read figures, and as which audience. */
export function figureGrants(actor: Actor): Map<string, Audience> {
  const grants = new Map<string, Audience>();
  for (const g of actor.grants) {
    if (g.role === 'coordinator') grants.set(g.regionId, 'team');
    else if (g.role === 'funder' && !grants.has(g.regionId)) grants.set(g.regionId, 'funder');
  }
  return grants;
}

/** The region asked for (or the actor's first), before anything is looked up. */
export function requestedRegion(actor: Actor, query: FigureQuery): string | null {
  return query.regionId ?? figureGrants(actor).keys().next().value ?? null;
}

/** The calendar year of `today` in Europe/Amsterdam, as a period. */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(
    today,
  );
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Validates a figures question against what the actor may ask. Throws problem+json naming the field:
 * 400 for a malformed or impossible value, 403 for a filter the role may not use.
 */
export function resolveScope(actor: Actor, query: FigureQuery, facts: ScopeFacts, today: Date): FigureScope {
  const period = defaultPeriod(today);
  // one bound alone means the year from (or up to) it
  const from = query.from ?? (query.to && isDate(query.to) ? addYears(query.to, -1, 1) : period.from);
  const to = query.to ?? (query.from && isDate(query.from) ? addYears(query.from, 1, -1) : period.to);
  if (!isDate(from)) throw invalid('from', 'must be a date (YYYY-MM-DD)', 'date.invalid');
  if (!isDate(to)) throw invalid('to', 'must be a date (YYYY-MM-DD)', 'date.invalid');
  if (to < from)
    throw invalid('to', 'must not be before from (the period ends before it starts)', 'period.toBeforeFrom');
  if (addYears(from, MAX_PERIOD_YEARS, -1) < to)
    throw invalid('from', `the period may span at most ${MAX_PERIOD_YEARS} years`, 'period.tooLong', {
      years: String(MAX_PERIOD_YEARS),
    });

  const grants = figureGrants(actor);
  const regionId = requestedRegion(actor, query);
  if (!regionId) throw forbiddenField('regionId', 'no region whose figures you may read', 'figures.noRegion');
  if (!facts.regionExists) throw invalid('regionId', 'is not a known region', 'region.unknown');
  const audience = grants.get(regionId);
  if (!audience)
    throw forbiddenField(
      'regionId',
      'is not a region whose figures you may read',
      'figures.regionNotAllowed',
    );

  let organisationId: string | null = null;
  if (query.organisationId) {
    if (audience === 'funder')
      throw forbiddenField(
        'organisationId',
        'funders see figures per region, not per organisation',
        'figures.funderPerRegion',
      );
    if (facts.organisationRegionId === null)
      throw invalid('organisationId', 'is not a known organisation', 'organisation.unknown');
    if (facts.organisationRegionId !== regionId)
      throw forbiddenField(
        'organisationId',
        'is not an organisation of the region',
        'figures.organisationNotInRegion',
      );
    organisationId = query.organisationId;
  }
  return { regionId, organisationId, targetGroup: query.targetGroup ?? null, from, to, audience };
}

/** An ISO date plus whole years and days (no time zones involved: dates only). */
export function addYears(date: string, years: number, days = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface Bucket {
  key: string;
  from: string;
  to: string;
}

/** Calendar years, quarters or months overlapping the period, each clipped to it. */
export function buckets(from: string, to: string, unit: 'year' | 'quarter' | 'month'): Bucket[] {
  const out: Bucket[] = [];
  let year = Number(from.slice(0, 4));
  let index =
    unit === 'year'
      ? 0
      : unit === 'quarter'
        ? Math.floor((Number(from.slice(5, 7)) - 1) / 3)
        : Number(from.slice(5, 7)) - 1;
  const months = unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1;
  const perYear = 12 / months;
  for (;;) {
    const startMonth = index * months + 1;
    const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
    if (start > to) break;
    const next =
      index + 1 === perYear
        ? `${year + 1}-01-01`
        : `${year}-${String(startMonth + months).padStart(2, '0')}-01`;
    const end = addYears(next, 0, -1);
    const key =
      unit === 'year' ? String(year) : unit === 'quarter' ? `${year}-K${index + 1}` : start.slice(0, 7);
    out.push({ key, from: start < from ? from : start, to: end > to ? to : end });
    index += 1;
    if (index === perYear) {
      index = 0;
      year += 1;
    }
  }
  return out;
}

/** Days in a period, both ends included. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
