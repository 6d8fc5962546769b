import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiguresHistory } from '../server/src/demo/history.ts';
import { DEMO } from '../server/src/demo/seed.ts';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';

describe('figures in Chromium: the team lead’s region dashboard and the funder’s aggregates', () => {
  let platform: TestPlatform;
  let browser: Browser;
  const year = new Date().getFullYear() - 1;
  const period = `?from=${year}-01-01&to=${year}-12-31`;

  beforeAll(async () => {
    platform = await startTestPlatform('pglite', {
      env: process.env.AWARE_WEB_DIST ? { AWARE_WEB_DIST: process.env.AWARE_WEB_DIST } : {},
    });
    // the demo's three years of generated history (opt-in; off for the other suites)
    await seedFiguresHistory(platform.db, DEMO.region);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function pageFor(role: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'nl-NL',
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await signInAs(page, platform.url, role);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('coordinator@ opens the region dashboard, sees the charts, exports CSV and PDF, and drills down', async () => {
    const page = await pageFor('coordinator');
    await page.getByRole('link', { name: 'Cijfers' }).click();
    await page.getByRole('heading', { name: 'Cijfers', level: 1 }).waitFor();
    await page.getByLabel('Van', { exact: true }).fill(`${year}-01-01`);
    await page.getByLabel('Tot en met', { exact: true }).fill(`${year}-12-31`);
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await expect.poll(() => page.getByTestId('figures-scope').textContent()).toContain(`1 januari ${year}`);

    // the charts are images with data, drawn as SVG: a line with points, bars with heights
    const line = page.locator('[data-chart="line"]');
    await expect.poll(() => line.locator('svg circle.chart__dot').count()).toBe(12);
    expect(await line.getAttribute('role')).toBe('img');
    expect(await line.getAttribute('aria-label')).toContain('Gestarte trajecten per maand');
    // months and numbers in Dutch, no month keys on screen
    expect(await line.getAttribute('aria-label')).toContain(`jan ${year}`);
    // the axis shows as many months as fit (Recharts thins ticks by width): each one Dutch, never a key
    const lineText = (await line.locator('svg').textContent()) ?? '';
    const dutchTicks = lineText.match(
      new RegExp(`(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) ${year}`, 'g'),
    );
    expect(dutchTicks?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(lineText).not.toMatch(/\d{4}-\d{2}|\b(Mar|May|Oct)\b/);
    expect(await page.locator('[data-chart="bar"]').count()).toBe(4);
    await expect.poll(() => page.locator('[data-chart="bar"] svg').count()).toBe(4);
    const responseTimes = page.getByRole('img', { name: /Reactietijden van de keten/ });
    expect(await responseTimes.locator('svg').textContent()).toMatch(/\d+(,\d)? (min|s)/);
    const heights = await page
      .locator('rect.chart__bar')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('height'))));
    expect(heights.filter((h) => h > 0).length).toBeGreaterThan(8);
    expect(await page.getByRole('img', { name: /Reactietijden van de keten/ }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'figures-coordinator.png'), fullPage: true });

    // exports: CSV and PDF through the browser's own session
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const csvPath = await (await csvDownload).path();
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(csvPath, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('onderdeel;indicator;uitsplitsing;waarde');
    expect(csv).toMatch(/Trajecten;gestart;periode;\d+/);
    const headers = await page.evaluate(async (q) => {
      const csvResponse = await fetch(`/api/v1/figures/dashboard.csv${q}`);
      const pdfResponse = await fetch(`/api/v1/figures/dashboard.pdf${q}`);
      const bytes = new Uint8Array(await pdfResponse.arrayBuffer());
      return {
        csv: csvResponse.headers.get('content-type'),
        pdf: pdfResponse.headers.get('content-type'),
        magic: String.fromCharCode(...bytes.slice(0, 5)),
      };
    }, period);
    expect(headers).toEqual({ csv: 'text/csv; charset=utf-8', pdf: 'application/pdf', magic: '%PDF-' });
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download PDF' }).click();
    expect((await pdfDownload).suggestedFilename()).toMatch(/^aware-cijfers-.*\.pdf$/);

    // a figure links to the cases behind it that the team lead may open
    await page.locator('a[data-drill="started"]').first().click();
    await page.getByRole('heading', { name: /Casussen: gestarte trajecten/ }).waitFor();
    await expect.poll(() => page.locator('table a[href^="/cases/"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'figures-drill-down.png'), fullPage: true });
  });

  it('funder@ sees only aggregates: small cells "< 5", no links to cases', async () => {
    const page = await pageFor('funder');
    await page.goto(`${platform.url}/figures${period}`);
    await page.getByTestId('suppression-note').waitFor();
    await expect.poll(() => page.locator('[data-chart="line"] svg').count()).toBe(1);
    // the per-month figures rest on few cases: some are suppressed, shown as "< 5"
    await expect.poll(() => page.getByText('< 5', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('a[href^="/cases/"]').count()).toBe(0);
    expect(await page.locator('a[data-drill]').count()).toBe(0);
    // and the funder's home page is the same dashboard
    await page.screenshot({ path: join(SCREENSHOTS, 'figures-funder.png'), fullPage: true });
    const response = await page.evaluate(
      async (q) => (await fetch(`/api/v1/figures/dashboard${q}`)).text(),
      period,
    );
    expect(response).not.toMatch(/HIST-|AW-2026/);
    expect(response).toContain('"< 5"');
    // the page says what it hides; money is never "< 5" (a hidden amount says "verborgen")
    expect(await page.getByTestId('suppression-note').textContent()).toContain(
      'verborgen om herleidbaarheid te voorkomen',
    );
    const devices = (
      JSON.parse(response) as { devices: Record<string, unknown> & { perQuarter: { rentCents: unknown }[] } }
    ).devices;
    const money = [
      devices.rentCents,
      devices.replacementCents,
      devices.totalCents,
      devices.costPerClientYearCents,
      ...devices.perQuarter.map((q) => q.rentCents),
    ];
    expect(money).not.toContain('< 5');
    expect(await page.getByText(/€\s?< 5|< 5\s?€/).count()).toBe(0);

    // switched to English, the charts speak English: months, numbers and the image's name
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const line = page.locator('[data-chart="line"]');
    const englishTicks = new RegExp(`(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ${year}`, 'g');
    await expect
      .poll(async () => ((await line.locator('svg').textContent()) ?? '').match(englishTicks)?.length ?? 0)
      .toBeGreaterThanOrEqual(3);
    expect(await line.locator('svg').textContent()).not.toMatch(/mrt|mei|okt|\d{4}-\d{2}/);
    expect(await line.getAttribute('aria-label')).toContain(`Jan ${year}`);
  });
});
