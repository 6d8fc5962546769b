import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO } from '../server/src/demo/seed.ts';
import { describeRequiring } from '../server/src/testing/describe-requiring.ts';
import { type PlatformBehindProxy, startPlatformBehindProxy } from '../server/src/testing/outage.ts';
import { sendDc09 } from '../tools/simulator/src/dc09-dialler.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';

const BANNER = 'Storing: database onbereikbaar';

describeRequiring(
  ['postgres', 'chromium'],
  'the operator console through a database outage, in Chromium [postgres]',
  () => {
    let behind: PlatformBehindProxy;
    let browser: Browser;

    beforeAll(async () => {
      behind = await startPlatformBehindProxy();
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await behind?.close();
    });

    it('shows the outage banner while the database is gone, and takes alarms live again once it is back', {
      timeout: 90_000,
    }, async () => {
      const { platform, proxy } = behind;
      const context = await browser.newContext({ locale: 'nl-NL' });
      const page = await context.newPage();
      page.setDefaultTimeout(5000);
      await signInAs(page, platform.url, 'operator');
      await expect.poll(() => page.getByText('Live verbonden').isVisible(), { timeout: 10_000 }).toBe(true);
      const panics = page.locator('li[data-kind="panic"]');
      const before = await panics.count();
      expect(await page.getByText(BANNER).isVisible()).toBe(false);

      proxy.cut();
      await expect.poll(() => page.getByText(BANNER).isVisible(), { timeout: 15_000 }).toBe(true);
      // a panic pressed now is refused, so the device keeps it and tries again
      const refused = await sendDc09({
        host: '127.0.0.1',
        port: platform.dc09.tcpPort,
        account: DEMO.encryptedAccount.account,
        key: DEMO.encryptedAccount.key,
        kind: 'panic',
        sequence: 9001,
        timeoutMs: 8000,
        retries: 0,
      });
      expect(refused.outcome).toBe('NAK');
      await page.screenshot({ path: join(SCREENSHOTS, 'operator-database-outage.png'), fullPage: true });

      proxy.restore();
      await expect.poll(() => page.getByText(BANNER).isVisible(), { timeout: 15_000 }).toBe(false);
      await expect.poll(() => page.getByText('Live verbonden').isVisible(), { timeout: 10_000 }).toBe(true);

      // the device's retry is stored now and reaches the console without a reload
      const retried = await sendDc09({
        host: '127.0.0.1',
        port: platform.dc09.tcpPort,
        account: DEMO.encryptedAccount.account,
        key: DEMO.encryptedAccount.key,
        kind: 'panic',
        sequence: 9001,
        timeoutMs: 3000,
        retries: 3,
      });
      expect(retried.outcome).toBe('ACK');
      await expect.poll(() => panics.count(), { timeout: 10_000 }).toBe(before + 1);
      await context.close();
    });
  },
);
