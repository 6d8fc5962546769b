import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiguresHistory } from '../server/src/demo/history.ts';
import { DEMO } from '../server/src/demo/seed.ts';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { sendDc09 } from '../tools/simulator/src/dc09-dialler.ts';
import { launchChromium, signInAs } from './browser.ts';
import { openCase } from './case-steps.ts';

/**
 * The pictures in README.md: each is taken only after the page shows what its caption claims, and each
 * stays small enough for the repository (one 1280×800 viewport, PNG, under 250 kB).
 */
const PICTURES = join(process.cwd(), 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 800 };
const MAX_BYTES = 250_000;

describe('README pictures in Chromium: console, police view, case page and figures', () => {
  let platform: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startTestPlatform('pglite', {
      env: process.env.AWARE_WEB_DIST ? { AWARE_WEB_DIST: process.env.AWARE_WEB_DIST } : {},
    });
    await seedFiguresHistory(platform.db, DEMO.region);
    browser = await launchChromium();
    mkdirSync(PICTURES, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function pageFor(role: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'nl-NL', viewport: VIEWPORT })).newPage();
    page.setDefaultTimeout(8000);
    await signInAs(page, platform.url, role);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor({ timeout: 30_000 });
    return page;
  }

  async function picture(page: Page, name: string) {
    const path = join(PICTURES, `${name}.png`);
    await page.mouse.move(0, 0);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    expect(statSync(path).size).toBeLessThan(MAX_BYTES);
  }

  it('the alarm console with a panic just claimed, then the police control room with the forwarded alarm', async () => {
    const operator = await pageFor('operator');
    await expect.poll(() => operator.getByText('Live verbonden').isVisible()).toBe(true);
    const sent = await sendDc09({
      host: '127.0.0.1',
      port: platform.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      lat: 52.2291,
      lon: 5.1669,
      sequence: 5101,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');
    const card = operator.locator('li[data-kind="panic"]');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    expect(await card.getAttribute('data-state')).toBe('received');
    expect(await card.textContent()).toContain('XM-1001');
    // open in the queue, the panel offers the claim; once claimed it shows who, where and the perpetrator
    await card.click();
    const panel = operator.locator('#alarm-detail');
    await panel.getByRole('button', { name: 'Claimen' }).click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('claimed');
    await expect.poll(() => operator.getByTestId('linked-info').textContent()).toContain('Sanne de Vries');
    expect(await operator.getByTestId('linked-info').textContent()).toContain('XX-123-Y');
    await picture(operator, 'console');

    await panel.getByLabel('Notitie voor de politie (optioneel)').fill('Cliënte fluistert, dader in de tuin');
    await panel.getByRole('button', { name: 'Doorzetten naar politie' }).click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('forwarded');

    const police = await pageFor('police');
    await police.getByRole('button', { name: 'Meldkamer politie' }).click();
    const policeCard = police.locator('li[data-kind="panic"]');
    await expect.poll(() => policeCard.count()).toBe(1);
    expect(await policeCard.getAttribute('data-forwarded')).toBe('true');
    await policeCard.click();
    await expect
      .poll(() => police.getByTestId('forward-note').textContent())
      .toContain('Cliënte fluistert, dader in de tuin');
    await expect
      .poll(() => police.getByTestId('linked-info').textContent())
      .toContain('Grijze Volkswagen Golf');
    await picture(police, 'police');
  });

  it('the caseworker’s case page of an active case', async () => {
    const caseworker = await pageFor('caseworker');
    const { rows } = await platform.db.query<{ id: string }>(
      `select id from cases where reference = 'AW-2026-0006'`,
    );
    await openCase(caseworker, { browser, platform, pages: {} }, rows[0]!.id);
    await expect.poll(() => caseworker.getByTestId('case-status').textContent()).toBe('Lopend');
    await caseworker.getByText('Sanne de Vries').first().waitFor();
    expect(await caseworker.getByRole('tab').count()).toBeGreaterThan(3);
    await picture(caseworker, 'case');
  });

  it('the team lead’s figures: tiles and charts drawn, in Dutch', async () => {
    const year = new Date().getFullYear() - 1;
    const coordinator = await pageFor('coordinator');
    await coordinator.goto(`${platform.url}/figures?from=${year}-01-01&to=${year}-12-31`);
    await expect
      .poll(() => coordinator.getByTestId('figures-scope').textContent())
      .toContain(`1 januari ${year}`);
    await expect.poll(() => coordinator.locator('[data-chart="line"] circle.chart__dot').count()).toBe(12);
    await expect.poll(() => coordinator.locator('[data-chart="bar"] svg').count()).toBe(4);
    await coordinator.getByRole('heading', { name: 'Cijfers', level: 1 }).evaluate((h) => h.scrollIntoView());
    await picture(coordinator, 'figures');
  });
});
