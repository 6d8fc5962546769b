import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';

describe('sign-in in Chromium', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform('pglite');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'nl-NL' });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  });
  afterEach(() => context.close());

  it('signs in with password + TOTP, sees the role home page, switches to English and back, signs out', async () => {
    await page.goto(`${platform.url}/`);
    await expect.poll(() => page.getByTestId('demo-marker').isVisible()).toBe(true);
    await signInAs(page, platform.url, 'caseworker');

    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe('Mijn trajecten');
    await expect.poll(() => page.getByText('AW-2026-0006').first().isVisible()).toBe(true);
    // a caseworker sees the cases of her own team, not her colleague's
    expect(await page.getByText('AW-2026-0008').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'caseworker-home-nl.png'), fullPage: true });

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => heading.textContent()).toBe('My cases');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: join(SCREENSHOTS, 'caseworker-home-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await expect.poll(() => heading.textContent()).toBe('Mijn trajecten');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => heading.textContent()).toBe('Inloggen');
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
    expect(cspViolations).toEqual([]);
  });

  it('refuses a wrong TOTP code and stays on the sign-in page', async () => {
    await signInAs(page, platform.url, 'caseworker', '000000');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('E-mailadres, wachtwoord of code onjuist');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen');
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-wrong-code.png'), fullPage: true });
  });

  it('shows each role its own home page', async () => {
    const homes: [string, string][] = [
      ['operator', 'Alarmcentrale — meldingen'],
      ['police', 'Meldkamer politie'],
      ['coordinator', 'Team en deadlines'],
      ['vt', 'Aanmeldingen en screening'],
      ['funder', 'Cijfers'],
      ['admin', 'Beheer'],
    ];
    for (const [role, title] of homes) {
      await context.clearCookies();
      await signInAs(page, platform.url, role);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    }
  });
});
