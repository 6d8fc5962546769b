import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../server/src/notify/outbox-repository.ts';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { startTestSmtpServer } from '../server/src/testing/smtp.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';

describe('e-mail outbox for administrators in Chromium', () => {
  let platform: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    platform = await startTestPlatform('pglite', {
      env: {
        AWARE_SMTP_URL: smtp.url,
        AWARE_MAIL_SWEEP_SECONDS: '600',
        AWARE_ESCALATION_SWEEP_SECONDS: '600',
        AWARE_MAIL_MAX_ATTEMPTS: '1',
      },
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    page.setDefaultTimeout(5000);
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    await smtp?.close();
  });

  it('shows a message the mail server refused, from the Beheer home page, without its address, and sends it again', async () => {
    smtp.refuse(550);
    await platform.db.transaction((tx) =>
      enqueueMail(tx, {
        kind: 'alarm.escalated.2',
        to: 'pac.1@demo.aware.test',
        subject: 'Aware: melding wacht op afhandeling (escalatie)',
        text: 'Een melding in uw regio is geëscaleerd naar niveau 2.',
      }),
    );
    expect(await platform.mail.deliver()).toMatchObject({ failed: 1 });

    await signInAs(page, platform.url, 'admin');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Beheer');
    await page.getByRole('main').getByRole('link', { name: 'E-mail' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('E-mail');
    const row = page.locator('tbody tr').first();
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('Melding niet op tijd opgepakt (escalatie)');
    await expect.poll(() => row.textContent()).toContain('Geweigerd door de mailserver');
    expect(await page.getByText('E-mail staat aan').isVisible()).toBe(true);
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).not.toMatch(/@|pac\.1|550|escalated/);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-mail-nl.png'), fullPage: true });

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => row.textContent()).toContain('Refused by the mail server');
    await page.getByRole('button', { name: 'NL', exact: true }).click();

    smtp.refuse(null);
    await page.getByRole('button', { name: 'Mislukte berichten opnieuw versturen' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('1 bericht staat weer klaar');
    await expect.poll(() => page.getByText('Er zijn geen mislukte berichten.').isVisible()).toBe(true);
    expect(await platform.mail.deliver()).toMatchObject({ sent: 1 });
    expect(smtp.received.map((m) => m.to)).toEqual([['pac.1@demo.aware.test']]);
  });
});
