import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiguresHistory } from '../server/src/demo/history.ts';
import { DEMO } from '../server/src/demo/seed.ts';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, signInAs } from './browser.ts';
import { WALK_ROLES, walkRole } from './walk.ts';
import { findWordProblems, type Lang, type WalkProblem } from './words.ts';

/**
 * Every role's pages in Dutch and in English, reached only by clicking from its home page (e2e/walk.ts).
 * Fails on words a professional should never see: snake_case codes, arrows between codes, ISO dates
 * in running text, e-mail addresses as names, and words of the other language (e2e/words.ts); and on a
 * refusal or error shown on a page the role reached without doing anything.
 *
 * AWARE_WALK_URL walks a running demo instead of starting one (e.g. `npm run demo`); AWARE_WALK_ROLES
 * (comma separated) narrows or extends the roles.
 */

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

  for (const role of WALK_ROLES) {
    it(`${role}@ in Dutch and English`, { timeout: 300_000 }, async () => {
      const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      page.setDefaultTimeout(8000);
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await signInAs(page, baseUrl, role);
      await page.getByRole('button', { name: 'Uitloggen' }).waitFor();

      const problems: WalkProblem[] = [];
      const visited = await walkRole(page, baseUrl, async (page, { lang, where, isPage, hasHeading }) => {
        if (isPage && !hasHeading) problems.push({ lang, where, rule: 'no page heading (h1)', text: '' });
        problems.push(...(await findWordProblems(page, lang, where, properNames)));
        problems.push(...(await refusalsShown(page, lang, where)));
      });
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

/**
 * A refusal or error the role meets on a page it reached by clicking, before doing anything: a dead end
 * (e.g. a panel that asks for what the role may not see).
 */
async function refusalsShown(page: Page, lang: Lang, where: string): Promise<WalkProblem[]> {
  const texts = await page.$$eval('.utrecht-alert--error', (els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered visibly counts
      .map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
  return texts.map((text) => ({ lang, where, rule: 'refusal or error shown', text }));
}
