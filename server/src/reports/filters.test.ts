import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/index.ts';
import { DomainError } from '../errors.ts';
import { buckets, daysIn, resolveScope } from './filters.ts';

const REGION = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const ORG = '00000000-0000-4000-8000-00000000000a';
const TODAY = new Date('2026-03-15T12:00:00Z');
const as = (role: 'coordinator' | 'funder' | 'caseworker'): Actor => ({
  kind: 'user',
  id: 'u',
  label: role,
  grants: [{ role, organisationId: ORG, organisationType: 'shelter', regionId: REGION }],
});
const known = { regionExists: true, organisationRegionId: REGION };

function fails(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { status: e.status, field: e.errors[0]?.field };
    throw e;
  }
  return null;
}

describe('figure filters (pure)', () => {
  it('defaults to the current calendar year in the caller’s region', () => {
    expect(resolveScope(as('coordinator'), {}, known, TODAY)).toEqual({
      regionId: REGION,
      organisationId: null,
      targetGroup: null,
      from: '2026-01-01',
      to: '2026-12-31',
      audience: 'team',
    });
    expect(resolveScope(as('funder'), { from: '2024-04-01' }, known, TODAY)).toMatchObject({
      from: '2024-04-01',
      to: '2025-03-31',
      audience: 'funder',
    });
  });

  it('refuses a period that ends before it starts, a malformed date, and a span over ten years', () => {
    expect(
      fails(() => resolveScope(as('coordinator'), { from: '2025-02-01', to: '2025-01-31' }, known, TODAY)),
    ).toEqual({ status: 400, field: 'to' });
    expect(fails(() => resolveScope(as('coordinator'), { from: '2025-02-30' }, known, TODAY))).toEqual({
      status: 400,
      field: 'from',
    });
    expect(
      fails(() => resolveScope(as('coordinator'), { from: '2010-01-01', to: '2025-01-01' }, known, TODAY)),
    ).toEqual({ status: 400, field: 'from' });
    // one day is a period
    expect(resolveScope(as('coordinator'), { from: '2025-02-01', to: '2025-02-01' }, known, TODAY).to).toBe(
      '2025-02-01',
    );
  });

  it('names the region: unknown 400, another region 403', () => {
    expect(
      fails(() =>
        resolveScope(as('coordinator'), { regionId: OTHER }, { ...known, regionExists: false }, TODAY),
      ),
    ).toEqual({ status: 400, field: 'regionId' });
    expect(fails(() => resolveScope(as('coordinator'), { regionId: OTHER }, known, TODAY))).toEqual({
      status: 403,
      field: 'regionId',
    });
    expect(fails(() => resolveScope(as('caseworker'), {}, known, TODAY))).toEqual({
      status: 403,
      field: 'regionId',
    });
  });

  it('lets the team lead filter per organisation of the region, never the funder', () => {
    expect(resolveScope(as('coordinator'), { organisationId: ORG }, known, TODAY).organisationId).toBe(ORG);
    expect(fails(() => resolveScope(as('funder'), { organisationId: ORG }, known, TODAY))).toEqual({
      status: 403,
      field: 'organisationId',
    });
    expect(
      fails(() =>
        resolveScope(
          as('coordinator'),
          { organisationId: ORG },
          { ...known, organisationRegionId: OTHER },
          TODAY,
        ),
      ),
    ).toEqual({
      status: 403,
      field: 'organisationId',
    });
    expect(
      fails(() =>
        resolveScope(
          as('coordinator'),
          { organisationId: ORG },
          { ...known, organisationRegionId: null },
          TODAY,
        ),
      ),
    ).toEqual({
      status: 400,
      field: 'organisationId',
    });
  });

  it('cuts a period into calendar years, quarters and months, clipped to it', () => {
    expect(buckets('2024-11-15', '2025-02-10', 'year')).toEqual([
      { key: '2024', from: '2024-11-15', to: '2024-12-31' },
      { key: '2025', from: '2025-01-01', to: '2025-02-10' },
    ]);
    expect(buckets('2025-02-01', '2025-07-01', 'quarter').map((b) => [b.key, b.from, b.to])).toEqual([
      ['2025-K1', '2025-02-01', '2025-03-31'],
      ['2025-K2', '2025-04-01', '2025-06-30'],
      ['2025-K3', '2025-07-01', '2025-07-01'],
    ]);
    expect(buckets('2024-12-05', '2025-02-01', 'month').map((b) => b.key)).toEqual([
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(buckets('2024-02-01', '2024-02-29', 'month')[0]!.to).toBe('2024-02-29');
    expect(daysIn('2025-01-01', '2025-12-31')).toBe(365);
  });
});
