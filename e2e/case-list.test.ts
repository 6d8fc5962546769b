import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, SCREENSHOTS } from './browser.ts';
import { type CaseWalk, pageFor } from './case-steps.ts';

describe('the case list in Chromium: pages, reference search, status filter', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let walk: CaseWalk;

  beforeAll(async () => {
    platform = await startTestPlatform('pglite', {
      env: process.env.AWARE_WEB_DIST ? { AWARE_WEB_DIST: process.env.AWARE_WEB_DIST } : {},
    });
    // 60 more cases of the coordinator's organisation: 70 in all, more than one page of 50
    await platform.db.query(
      `insert into cases (reference, region_id, organisation_id, status, target_group)
       select 'AW-2025-' || lpad(g::text, 4, '0'), c.region_id, c.organisation_id, 'closed', 'stalking'
       from generate_series(1, 60) g, (select region_id, organisation_id from cases where reference = 'AW-2026-0001') c`,
    );
    browser = await launchChromium();
    walk = { browser, platform, pages: {} };
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('the coordinator loads 50, then the rest with "Meer laden", and finds a case by its reference', async () => {
    const page = await pageFor(walk, 'coordinator');
    const rows = page.locator('.case-list tbody tr');
    // the home starts with open work: the 60 closed cases (and the closed and rejected demo cases) stay out
    await expect.poll(() => rows.count()).toBe(8);
    await page.getByText('Alle 8 trajecten getoond').waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Alle statussen' });
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByText('50 trajecten getoond, er zijn er meer').waitFor();
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await expect.poll(() => rows.count()).toBe(70);
    await page.getByText('Alle 70 trajecten getoond').waitFor();
    expect(await page.getByRole('button', { name: 'Meer laden' }).count()).toBe(0);
    const references = await page.locator('.case-list tbody th').allTextContents();
    expect(new Set(references).size).toBe(70);

    await page.getByLabel('Zoeken op referentie').fill('aw-2026-001');
    await expect.poll(() => page.locator('.case-list tbody th').allTextContents()).toEqual(['AW-2026-0010']);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-list-search.png'), fullPage: true });

    await page.getByLabel('Zoeken op referentie').fill('');
    await page.getByLabel('Status').selectOption({ label: 'Lopend' });
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByLabel('Zoeken op referentie').fill('AW-2025');
    await page.getByText('Geen trajecten gevonden met deze status of referentie').waitFor();
  });
});
