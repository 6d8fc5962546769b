import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiguresHistory } from '../server/src/demo/history.ts';
import { DEMO } from '../server/src/demo/seed.ts';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, signInAs } from './browser.ts';
import { findWordProblems, type Lang, type WalkProblem } from './words.ts';

/**
 * Every role's pages in Dutch and in English, reached only by clicking from its home page: each link a
 * user can follow (breadth first, at most two pages of one kind, e.g. two cases) and each tab of each
 * page. Fails on words a professional should never see: snake_case codes, arrows between codes, ISO dates
 * in running text, e-mail addresses as names, and words of the other language (e2e/words.ts); and on a
 * refusal or error shown on a page the role reached without doing anything.
 *
 * AWARE_WALK_URL walks a running demo instead of starting one (e.g. `npm run demo`); AWARE_WALK_ROLES
 * (comma separated) narrows or extends the roles.
 */
const ROLES = (
  process.env.AWARE_WALK_ROLES ??
  'operator,police,vt,caseworker,coordinator,procesregisseur,commissie,funder,admin'
).split(',');
const PAGES_PER_LANGUAGE = 14;
const SAME_KIND = 2;

describe('page walk: every page of every role in Dutch and English shows words of the field', () => {
  let platform: TestPlatform | undefined;
  let browser: Browser;
  let baseUrl: string;
  let properNames: string[] = [];

  beforeAll(async () => {
    if (process.env.AWARE_WALK_URL) {
      baseUrl = process.env.AWARE_WALK_URL.replace(/\/$/, '');
    } else {
      platform = await startTestPlatform('pglite', {
        env: process.env.AWARE_WEB_DIST ? { AWARE_WEB_DIST: process.env.AWARE_WEB_DIST } : {},
      });
      await seedFiguresHistory(platform.db, DEMO.region);
      baseUrl = platform.url;
      // names of organisations and people are neither Dutch nor English words ("Zorg- en Veiligheidshuis",
      // "Esther van Dijk")
      const names = await platform.db.query<{ name: string }>(
        `select name from organisations union select display_name from users union select name from regions
         union select name from organisation_contacts`,
      );
      properNames = names.rows.map((r) => r.name);
    }
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  for (const role of ROLES) {
    it(`${role}@ in Dutch and English`, { timeout: 300_000 }, async () => {
      const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      page.setDefaultTimeout(8000);
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await signInAs(page, baseUrl, role);
      await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
      const home = new URL(page.url()).pathname;

      const problems: WalkProblem[] = [];
      const visited: string[] = [];
      for (const lang of ['nl', 'en'] as const) {
        if (lang === 'en') {
          await page.goto(`${baseUrl}${home}`);
          await page.getByRole('button', { name: 'EN', exact: true }).click();
          await page.getByRole('button', { name: 'Sign out' }).waitFor();
        }
        // a person with several roles (the police: control room and stalking contact) has a home per role
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
            viewCount > 1
              ? ` [${await page.locator('[data-home-role]').getAttribute('data-home-role')}]`
              : '';
          const pages = await walk(page, baseUrl, home, lang, properNames, problems);
          visited.push(...pages.map((p) => `${lang}${view} ${p.path} (${p.views} views)`));
        }
      }
      await context.close();
      const views = visited.reduce((n, v) => n + Number(/\((\d+) views\)/.exec(v)?.[1] ?? 0), 0);
      console.info(`${role}@: ${visited.length} pages, ${views} views checked`);

      expect(visited.length, 'the home page in both languages at least').toBeGreaterThanOrEqual(2);
      expect(pageErrors, 'script errors on the way').toEqual([]);
      expect(
        problems.map((p) => `${p.lang} ${p.where}: ${p.rule} «${p.text}»`),
        `pages walked:\n${visited.join('\n')}`,
      ).toEqual([]);
    });
  }
});

/** Same kind of page: ids in the path replaced and the query left out, so two cases count as one kind. */
function kindOf(path: string): string {
  return path
    .split('?')[0]!
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:n');
}

async function walk(
  page: Page,
  baseUrl: string,
  home: string,
  lang: Lang,
  properNames: string[],
  problems: WalkProblem[],
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
    if (!(await settle(page))) problems.push({ lang, where: path, rule: 'no page heading (h1)', text: '' });
    problems.push(...(await findWordProblems(page, lang, path, properNames)));
    problems.push(...(await refusalsShown(page, lang, path)));

    // every tab of the page (a case has one per section)
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    walked.push({ path, views: 1 + count });
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      const name = (await tab.textContent())?.trim() ?? String(i);
      await tab.click();
      await settle(page);
      problems.push(...(await findWordProblems(page, lang, `${path} [${name}]`, properNames)));
      problems.push(...(await refusalsShown(page, lang, `${path} [${name}]`)));
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

/**
 * A refusal or error the role meets on a page it reached by clicking, before doing anything: a dead end
 * (e.g. a panel that asks for what the role may not see).
 */
async function refusalsShown(page: Page, lang: Lang, where: string): Promise<WalkProblem[]> {
  const texts = await page.$$eval('.alert--error', (els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered visibly counts
      .map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
  return texts.map((text) => ({ lang, where, rule: 'refusal or error shown', text }));
}

/** Waits until the page has its heading and nothing says it is still loading; false without a heading. */
async function settle(page: Page): Promise<boolean> {
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
