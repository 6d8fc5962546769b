import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiguresHistory } from '../server/src/demo/history.ts';
import { DEMO } from '../server/src/demo/seed.ts';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { sendDc09 } from '../tools/simulator/src/dc09-dialler.ts';
import {
  countByImpact,
  describeViolation,
  focusVisibility,
  isSevere,
  languageOf,
  scanPage,
  type Violation,
} from './axe.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';
import { settle, WALK_ROLES, walkRole } from './walk.ts';

/**
 * WCAG 2.2 AA, as Dutch public bodies must meet it: axe-core scans every page and every tab of every role
 * in Dutch and English (the walk of e2e/walk.ts, by clicking from the home page), and the sign-in page.
 * With one open alarm, the alarm detail is opened from the console and the history and scanned too.
 * Fails on every serious or critical WCAG violation, naming the page, the rule and an element, and on two
 * things axe cannot see: a page whose `lang` is not the chosen language, and keyboard focus without an
 * outline. Best-practice findings and what axe leaves to a person are counted in the log and written to
 * screenshots/axe-<role>.json.
 *
 * AWARE_WALK_URL scans a running demo instead of starting one; AWARE_WALK_ROLES narrows the roles.
 */
/** The app's Content-Security-Policy allows no inline script; the scanner's own script is let in. */
const SCAN_CONTEXT = { locale: 'nl-NL', viewport: { width: 1400, height: 1000 }, bypassCSP: true };

describe('accessibility: every page of every role passes an axe-core WCAG 2.2 AA scan', () => {
  let platform: TestPlatform | undefined;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    if (process.env.AWARE_WALK_URL) {
      baseUrl = process.env.AWARE_WALK_URL.replace(/\/$/, '');
    } else {
      // AWARE_THEME checks a region theme (docs/architecture.md, "The web app's look")
      const env: Record<string, string> = {};
      for (const name of ['AWARE_WEB_DIST', 'AWARE_THEME'])
        if (process.env[name]) env[name] = process.env[name];
      platform = await startTestPlatform('pglite', { env });
      await seedFiguresHistory(platform.db, DEMO.region);
      baseUrl = platform.url;
      // an open alarm, so that the console shows a card and its detail
      const sent = await sendDc09({
        host: '127.0.0.1',
        port: platform.dc09.tcpPort,
        account: DEMO.encryptedAccount.account,
        key: DEMO.encryptedAccount.key,
        kind: 'panic',
        lat: 52.2215,
        lon: 5.1762,
        timeoutMs: 3000,
        retries: 0,
      });
      if (sent.outcome !== 'ACK') throw new Error(`the demo alarm was not accepted: ${sent.outcome}`);
    }
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('the sign-in page', async () => {
    const context = await browser.newContext(SCAN_CONTEXT);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('E-mailadres').waitFor();
    const violations = [
      ...(await scanPage(page, '/ (signed out)')),
      ...(await languageOf(page, 'nl', '/ (signed out)')),
      ...(await focusVisibility(page, '/ (signed out)')),
    ];
    await context.close();
    report('signed-out', 1, violations);
    expect(violations.filter(isSevere).map(describeViolation)).toEqual([]);
  });

  for (const role of WALK_ROLES) {
    it(`${role}@ in Dutch and English`, { timeout: 300_000 }, async () => {
      const context = await browser.newContext(SCAN_CONTEXT);
      const page = await context.newPage();
      page.setDefaultTimeout(8000);
      await signInAs(page, baseUrl, role);
      await page.getByRole('button', { name: 'Uitloggen' }).waitFor();

      const violations: Violation[] = [];
      let detailsScanned = 0;
      const visited = await walkRole(page, baseUrl, async (page, { lang, where, isPage }) => {
        violations.push(...(await scanPage(page, `${lang} ${where}`)));
        violations.push(...(await languageOf(page, lang, `${lang} ${where}`)));
        if (isPage) violations.push(...(await focusVisibility(page, `${lang} ${where}`)));
        // an alarm opened from the console or the history shows its detail beside the list
        const open = page
          .locator('li[data-kind] button[aria-pressed], tr[data-history-alarm-id] button[aria-pressed]')
          .first();
        if (await open.count()) {
          await open.click();
          await page.locator('#alarm-detail').waitFor();
          await settle(page);
          violations.push(...(await scanPage(page, `${lang} ${where} [alarm detail]`)));
          detailsScanned++;
        }
      });
      await context.close();
      report(role, visited.length, violations);

      expect(visited.length, 'the home page in both languages at least').toBeGreaterThanOrEqual(2);
      if (role === 'operator') {
        expect(
          detailsScanned,
          'an alarm opened from the console and the history, in both languages',
        ).toBeGreaterThanOrEqual(platform ? 4 : 2);
      }
      expect(
        violations.filter(isSevere).map(describeViolation),
        `pages scanned:\n${visited.join('\n')}`,
      ).toEqual([]);
    });
  }
});

/** Counts in the log; every finding, review items too, in screenshots/axe-<who>.json for a person to read. */
function report(who: string, pages: number, violations: Violation[]) {
  writeFileSync(join(SCREENSHOTS, `axe-${who}.json`), `${JSON.stringify(violations, null, 2)}\n`);
  for (const [kind, found] of [
    ['WCAG', violations.filter((v) => v.wcag && !v.review)],
    ['best practice', violations.filter((v) => !v.wcag && !v.review)],
    ['to review by a person', violations.filter((v) => v.review)],
  ] as const) {
    const rules = [...new Set(found.map((v) => `${v.rule} (${v.impact})`))].sort();
    console.info(
      `axe ${kind} ${who} (${pages} pages): ${JSON.stringify(countByImpact(found))} ${rules.join(', ')}`,
    );
  }
}
