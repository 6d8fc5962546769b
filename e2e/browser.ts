import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO } from '../server/src/demo/seed.ts';
import { totpCode } from '../server/src/identity/totp.ts';

export const CHROMIUM = process.env.AWARE_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'screenshots');

/** Debian's Chromium, never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install chromium)`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export async function signInAs(page: Page, baseUrl: string, local: string, totp = totpCode(DEMO.totpSecret)) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(`${local}@${DEMO.domain}`);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO.password);
  await page.getByLabel('Verificatiecode').fill(totp);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}
