import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { startTestSmtpServer } from '../server/src/testing/smtp.ts';
import { sendDc09 } from '../tools/simulator/src/dc09-dialler.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';

describe('the alarm chain in Chromium: operator → police → caseworker', () => {
  let platform: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    platform = await startTestPlatform('pglite', { env: { AWARE_SMTP_URL: smtp.url } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    await smtp?.close();
  });

  async function pageFor(role: string): Promise<Page> {
    const page = await (
      await browser.newContext({ locale: 'nl-NL', viewport: { width: 1400, height: 1000 } })
    ).newPage();
    page.setDefaultTimeout(8000);
    await signInAs(page, platform.url, role);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a panic from demo device 1001 is claimed, forwarded, attended by police, and followed up by the caseworker', async () => {
    const operator = await pageFor('operator');
    await expect.poll(() => operator.getByText('Live verbonden').isVisible()).toBe(true);
    expect(await operator.getByTestId('sound-indicator').count()).toBe(0);

    const sent = await sendDc09({
      host: '127.0.0.1',
      port: platform.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      lat: 52.2291,
      lon: 5.1669,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');

    // arrives without reload, with the alarm signal
    const card = operator.locator('li[data-kind="panic"]');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    await expect.poll(() => operator.getByTestId('sound-indicator').textContent()).toBe('Alarmsignaal');

    // one key claims it
    await card.focus();
    await operator.keyboard.press('c');
    await expect.poll(() => card.getAttribute('data-state')).toBe('claimed');
    expect(await operator.getByTestId('sound-indicator').count()).toBe(0);

    // the map shows the marker without any tiles; the linked information is there for the handler
    const map = operator.getByTestId('alarm-map');
    await expect.poll(() => map.locator('.leaflet-marker-icon').count()).toBe(1);
    const linked = operator.getByTestId('linked-info');
    await expect.poll(() => linked.textContent()).toContain('Sanne de Vries');
    expect(await linked.textContent()).toContain('XX-123-Y');
    await operator.screenshot({ path: join(SCREENSHOTS, 'operator-console.png'), fullPage: true });

    await operator.getByRole('button', { name: 'Doorzetten naar politie' }).click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('forwarded');

    // the police control room records dispatch, arrival and the outcome
    const police = await pageFor('police');
    const policeCard = police.locator('li[data-kind="panic"]');
    await expect.poll(() => policeCard.count()).toBe(1);
    await policeCard.click();
    await expect
      .poll(() => police.getByTestId('linked-info').textContent())
      .toContain('Grijze Volkswagen Golf');
    await police.getByLabel('Eenheid en notitie').fill('Eenheid 12-34 onderweg');
    await police.getByRole('button', { name: 'Eenheid uitgestuurd' }).click();
    await police.getByRole('button', { name: 'Ter plaatse' }).click();
    await expect.poll(() => policeCard.getAttribute('data-state')).toBe('on_scene');
    await police.screenshot({ path: join(SCREENSHOTS, 'police-view.png'), fullPage: true });
    await police.getByLabel('Uitkomst').selectOption('arrest_in_act');
    await police.getByRole('button', { name: 'Afhandelen' }).click();
    await expect.poll(() => policeCard.count()).toBe(0);
    // the operator's queue empties live as well
    await expect.poll(() => card.count()).toBe(0);

    // the caseworker sees the incident and the four follow-up tasks
    const caseworker = await pageFor('caseworker');
    // (her list also holds the task agreements of network meetings; the alarm's are the four after-care kinds)
    const followUp = caseworker.locator('li[data-task-kind]:not([data-task-kind="agreement"])');
    await expect.poll(() => followUp.count()).toBe(4);
    const kinds = await followUp.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-task-kind')).sort(),
    );
    expect(kinds).toEqual([
      'aftercare_contact',
      'evaluate_incident',
      'review_safety_plan',
      'support_police_report',
    ]);
    expect(await caseworker.locator('li[data-incident-id]').count()).toBe(1);
    await caseworker.screenshot({ path: join(SCREENSHOTS, 'caseworker-aftercare.png'), fullPage: true });

    // and an e-mail arrived at the SMTP server, without the victim's personal data
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
    expect(smtp.received[0]!.to).toEqual(['caseworker@demo.aware.test']);
    expect(smtp.received[0]!.raw).not.toContain('Sanne');
  });
});
