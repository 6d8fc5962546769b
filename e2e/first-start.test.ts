import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../server/src/identity/totp.ts';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, SCREENSHOTS } from './browser.ts';

describe('first start in Chromium', () => {
  let platform: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startTestPlatform('pglite', { demo: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('the administrator signs in with the one-time password, sets a password, enrols TOTP and sees an empty platform', async () => {
    const admin = await platform.identity.bootstrapAdministrator('admin@aware.local');
    const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${platform.url}/`);
    expect(await page.getByTestId('demo-marker').count()).toBe(0);
    await page.getByLabel('E-mailadres').fill('admin@aware.local');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(admin!.oneTimePassword);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Eerste keer inloggen');
    await page.getByLabel('Huidig wachtwoord', { exact: true }).fill(admin!.oneTimePassword);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('Herhaal nieuw wachtwoord', { exact: true }).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();

    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'first-sign-in-totp.png'), fullPage: true });
    await page.getByLabel('Verificatiecode').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Beheer');
    await page.getByRole('link', { name: 'Organisaties' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Organisaties');
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-organisations.png'), fullPage: true });
  });
});
