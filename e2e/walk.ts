import type { Page } from 'playwright-core';
import type { Lang } from './words.ts';

/**
 * Walks every page a signed-in role can reach by clicking from its home page, in Dutch and then in
 * English: each link a user can follow (breadth first, at most two pages of one kind, e.g. two cases) and
 * each tab of each page. `visit` is called once for every view (a page, or a tab of it) once it has
 * settled; it checks what the test is about. A person with several roles (the police: control room and
 * stalking contact) has a home per role, and each is walked.
 */
export type Visit = (page: Page, view: View) => Promise<void>;

export interface View {
  lang: Lang;
  /** the path, and the tab's name for a tab: `/cases/… [Veiligheidsplan]` */
  where: string;
  /** false for a tab */
  isPage: boolean;
  /** whether a page heading (h1) appeared */
  hasHeading: boolean;
}

/** Every demo role; AWARE_WALK_ROLES (comma separated) narrows or extends them. */
export const WALK_ROLES = (
  process.env.AWARE_WALK_ROLES ??
  'operator,police,vt,caseworker,coordinator,procesregisseur,commissie,funder,admin'
).split(',');

const PAGES_PER_LANGUAGE = 14;
const SAME_KIND = 2;

/** Pages walked, as `lang [home view] path (n views)`. The page is signed in, in Dutch, on its home page. */
export async function walkRole(page: Page, baseUrl: string, visit: Visit): Promise<string[]> {
  const home = new URL(page.url()).pathname;
  const visited: string[] = [];
  for (const lang of ['nl', 'en'] as const) {
    if (lang === 'en') {
      await page.goto(`${baseUrl}${home}`);
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    }
    await page.goto(`${baseUrl}${home}`);
    await page.locator('[data-home-role]').waitFor();
    const homeViews = page.locator('[data-home-role] .segmented button');
    const viewCount = Math.max(1, await homeViews.count());
    for (let v = 0; v < viewCount; v++) {
      if (v > 0 || viewCount > 1) {
        await page.goto(`${baseUrl}${home}`);
        await homeViews.nth(v).click();
      }
      const view =
        viewCount > 1 ? ` [${await page.locator('[data-home-role]').getAttribute('data-home-role')}]` : '';
      const pages = await walkFrom(page, baseUrl, home, lang, visit);
      visited.push(...pages.map((p) => `${lang}${view} ${p.path} (${p.views} views)`));
    }
  }
  return visited;
}

/** Same kind of page: ids in the path replaced and the query left out, so two cases count as one kind. */
function kindOf(path: string): string {
  return path
    .split('?')[0]!
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:n');
}

async function walkFrom(
  page: Page,
  baseUrl: string,
  home: string,
  lang: Lang,
  visit: Visit,
): Promise<{ path: string; views: number }[]> {
  const queue = [home];
  const seen = new Set<string>();
  const perKind = new Map<string, number>();
  const walked: { path: string; views: number }[] = [];
  while (queue.length > 0 && walked.length < PAGES_PER_LANGUAGE) {
    const path = queue.shift()!;
    const kind = kindOf(path);
    if (seen.has(path) || (perKind.get(kind) ?? 0) >= SAME_KIND) continue;
    seen.add(path);
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    await page.goto(`${baseUrl}${path}`);
    await visit(page, { lang, where: path, isPage: true, hasHeading: await settle(page) });

    // every tab of the page (a case has one per section)
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    walked.push({ path, views: 1 + count });
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      const name = (await tab.textContent())?.trim() ?? String(i);
      await tab.click();
      const hasHeading = await settle(page);
      await visit(page, { lang, where: `${path} [${name}]`, isPage: false, hasHeading });
    }

    const links = await page.$$eval('a[href^="/"]', (as) =>
      as
        .filter((a) => !a.hasAttribute('download') && (a as HTMLElement).offsetParent !== null)
        .map((a) => a.getAttribute('href') ?? ''),
    );
    for (const href of links) {
      const target = href.split('#')[0]!;
      if (!target.startsWith('/api') && !/\.(pdf|csv)(\?|$)/.test(target) && !seen.has(target))
        queue.push(target);
    }
  }
  return walked;
}

/** Waits until the page has its heading and nothing says it is still loading; false without a heading. */
export async function settle(page: Page): Promise<boolean> {
  const heading = await page
    .getByRole('heading', { level: 1 })
    .first()
    .waitFor()
    .then(() => true)
    .catch(() => false);
  await page
    .waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'), undefined, {
      timeout: 8000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  return heading;
}
