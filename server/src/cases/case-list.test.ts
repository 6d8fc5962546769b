import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
interface Row {
  id: string;
  reference: string;
  status: string;
}

/** Follows X-Next-Cursor from the first page to the last; every page and its Link header as seen. */
async function walk(api: Api, query: string) {
  const pages: Row[][] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const sep = query ? '&' : '';
    const r: Response = await api(`/api/v1/cases?${query}${cursor ? `${sep}cursor=${cursor}` : ''}`);
    expect(r.status).toBe(200);
    const page = (await r.json()) as Row[];
    expect(Array.isArray(page)).toBe(true);
    pages.push(page);
    cursor = r.headers.get('x-next-cursor');
    const link = r.headers.get('link');
    if (!cursor) {
      expect(link).toBeNull();
      return pages;
    }
    expect(link).toBe(`</api/v1/cases?${query}${sep}cursor=${cursor}>; rel="next"`);
  }
  throw new Error('the cursor never ended');
}

describeEachEngine('cases: the list in pages', (engine) => {
  let p: TestPlatform;
  let coordinator: Api;
  let organisationCases: number;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
    coordinator = await signIn(p, 'coordinator');
    // 40 more cases of the coordinator's organisation, inserted at once: all share one created_at, so
    // only the keyset's tie-break on id keeps the pages apart
    await p.db.query(
      `insert into cases (reference, region_id, organisation_id, status, target_group)
       select 'PAGE-' || lpad(g::text, 3, '0'), c.region_id, c.organisation_id,
              case when g % 4 = 0 then 'closed' else 'active' end, 'stalking'
       from generate_series(1, 40) g, (select region_id, organisation_id from cases where reference = 'AW-2026-0001') c`,
    );
    organisationCases = (
      await p.db.query<{ n: number }>(
        `select count(*)::int as n from cases
         where organisation_id = (select organisation_id from cases where reference = 'AW-2026-0001')`,
      )
    ).rows[0]!.n;
  });
  afterAll(() => p.close());

  it('pages walk the whole visible list newest first, without duplicates or gaps', async () => {
    expect(organisationCases).toBe(50);
    const unpaged = (await (await coordinator('/api/v1/cases?limit=200')).json()) as Row[];
    expect(unpaged).toHaveLength(organisationCases);

    const pages = await walk(coordinator, 'limit=7');
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 1]);
    const walked = pages.flat().map((c) => c.id);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(unpaged.map((c) => c.id));

    // newest first: the 40 inserted just now come before the demo cases
    const created = await p.db.query<{ id: string }>(
      'select id from cases order by created_at desc, id desc',
    );
    expect(walked).toEqual(created.rows.map((r) => r.id));

    // the default page is 50
    const first = await coordinator('/api/v1/cases');
    expect(((await first.json()) as Row[]).length).toBe(50);
    expect(first.headers.get('x-next-cursor')).toBeNull();
  });

  it("caseworker2's pages never hold the cases of another caseworker", async () => {
    const own = (await walk(await signIn(p, 'caseworker'), 'limit=1')).flat().map((c) => c.reference);
    const other = (await walk(await signIn(p, 'caseworker2'), 'limit=1')).flat().map((c) => c.reference);
    const team = await p.db.query<{ reference: string }>(
      `select distinct c.reference from cases c join case_team t on t.case_id = c.id join users u on u.id = t.user_id
       where u.email like 'caseworker2@%' order by 1`,
    );
    expect(own.sort()).toEqual(['AW-2026-0005', 'AW-2026-0006', 'AW-2026-0007']);
    expect(other.sort()).toEqual(team.rows.map((r) => r.reference));
    expect(other).toContain('AW-2026-0008');
    expect(other.filter((ref) => own.includes(ref))).toEqual([]);
  });

  it('the status filter and the reference search narrow every page, and the cursor keeps them', async () => {
    const closed = (await walk(coordinator, 'status=closed&limit=4')).flat();
    expect(closed.every((c) => c.status === 'closed')).toBe(true);
    expect(closed).toHaveLength(11); // PAGE-004 … PAGE-040 and AW-2026-0010

    const found = (await walk(coordinator, 'q=aw-2026-000&limit=4')).flat().map((c) => c.reference);
    expect(found.sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `AW-2026-000${n}`));
    const one = (await (await coordinator('/api/v1/cases?q=AW-2026-0010')).json()) as Row[];
    expect(one.map((c) => c.reference)).toEqual(['AW-2026-0010']);
    const both = (await (await coordinator('/api/v1/cases?q=page-01&status=active')).json()) as Row[];
    expect(both.map((c) => c.reference).sort()).toEqual(
      ['PAGE-010', 'PAGE-011', 'PAGE-013', 'PAGE-014', 'PAGE-015', 'PAGE-017', 'PAGE-018', 'PAGE-019'].sort(),
    );
    // LIKE wildcards are searched for literally
    expect(await (await coordinator('/api/v1/cases?q=%25')).json()).toEqual([]);
    expect(await (await coordinator('/api/v1/cases?q=AW_2026')).json()).toEqual([]);
  });

  it('a tampered or foreign cursor and a page size out of range are refused, naming the field', async () => {
    const first = await coordinator('/api/v1/cases?limit=5');
    const cursor = first.headers.get('x-next-cursor')!;
    const flipped = `${cursor.slice(0, 40)}${cursor[40] === 'A' ? 'B' : 'A'}${cursor.slice(41)}`;
    const refused = async (query: string, field: string) => {
      const r = await coordinator(`/api/v1/cases?${query}`);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await r.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toEqual([field]);
    };
    await refused(`limit=5&cursor=${flipped}`, 'cursor');
    await refused('cursor=not-a-cursor', 'cursor');
    await refused(`limit=5&cursor=${cursor.slice(0, -4)}`, 'cursor');
    // made for all statuses, used for another
    await refused(`limit=5&status=closed&cursor=${cursor}`, 'cursor');
    await refused('limit=0', 'limit');
    await refused('limit=201', 'limit');
    await refused('limit=ten', 'limit');
    // another user's cursor opens, but still only within what this user may see
    const cw = await signIn(p, 'caseworker');
    const r = await cw(`/api/v1/cases?limit=5&cursor=${cursor}`);
    expect(r.status).toBe(200);
    const seen = ((await r.json()) as Row[]).map((c) => c.reference);
    expect(seen.every((ref) => ['AW-2026-0005', 'AW-2026-0006', 'AW-2026-0007'].includes(ref))).toBe(true);
  });

  it('each page read is audited once, with its count and no personal data', async () => {
    const before = (await p.db.query<{ n: number }>(`select coalesce(max(seq), 0)::int as n from audit_log`))
      .rows[0]!.n;
    await walk(coordinator, 'limit=20&q=page');
    const entries = await p.db.query<{ details: Record<string, unknown> }>(
      `select details from audit_log where action = 'case.list' and seq > $1 order by seq`,
      [before],
    );
    expect(entries.rows.map((e) => e.details)).toEqual([
      { count: 20, search: true },
      { count: 20, search: true, continued: true },
    ]);
  });
});
