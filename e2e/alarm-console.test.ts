import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../server/src/demo/seed.ts';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { sendDc09 } from '../tools/simulator/src/dc09-dialler.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';

describe('alarm console and device fleet in Chromium', () => {
  let platform: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startTestPlatform('pglite');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function pageFor(role: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await signInAs(page, platform.url, role);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a panic from the encrypted demo button appears in the open operator queue without reloading', async () => {
    const page = await pageFor('operator');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Alarmcentrale — meldingen');
    await expect.poll(() => page.getByText('Live verbonden').isVisible()).toBe(true);
    expect(await page.locator('li[data-kind="panic"]').count()).toBe(0);

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
    expect(sent.outcome).toBe('ACK');
    await expect.poll(() => page.locator('li[data-kind="panic"]').count(), { timeout: 5000 }).toBe(1);
    expect(await page.locator('li[data-kind="panic"]').textContent()).toContain('XM-1002');
    await page.screenshot({ path: join(SCREENSHOTS, 'operator-queue.png'), fullPage: true });

    // one key claims it from the queue, as the claim button in the panel does
    const card = page.locator('li[data-kind="panic"]');
    await card.focus();
    await page.keyboard.press('c');
    await expect.poll(() => card.getAttribute('data-state')).toBe('claimed');
    await page.context().close();
  });

  it('two presses of one button show as one card with count 2; both are stored, on its timeline, and claimed together', async () => {
    const page = await pageFor('operator');
    await expect.poll(() => page.getByText('Live verbonden').isVisible()).toBe(true);
    const press = async (sequence: number) => {
      const sent = await sendDc09({
        host: '127.0.0.1',
        port: platform.dc09.tcpPort,
        account: '1001',
        kind: 'panic',
        lat: 52.2291,
        lon: 5.1669,
        sequence,
        timeoutMs: 3000,
        retries: 0,
      });
      expect(sent.outcome).toBe('ACK');
    };
    const card = page.locator('li[data-kind="panic"]', { hasText: 'XM-1001' });
    await press(8101);
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    expect(await card.getAttribute('data-presses')).toBe('1');
    await press(8102);
    await expect.poll(() => card.getAttribute('data-presses'), { timeout: 5000 }).toBe('2');
    expect(await card.count()).toBe(1);
    expect(await card.getByTestId('presses').textContent()).toBe('2× ingedrukt');

    const stored = await platform.db.query<{ id: string; first_alarm_id: string | null }>(
      `select id, first_alarm_id from alarms where sequence in ('8101', '8102') order by sequence`,
    );
    expect(stored.rows).toHaveLength(2);
    expect(stored.rows[1]!.first_alarm_id).toBe(stored.rows[0]!.id);

    await card.click();
    const panel = page.locator('#alarm-detail');
    expect(await panel.getByTestId('detail-presses').textContent()).toBe('2× ingedrukt');
    await expect.poll(() => panel.locator('.timeline').textContent()).toContain('Opnieuw ingedrukt');
    await panel.getByRole('button', { name: 'Claimen' }).click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('claimed');
    const states = await platform.db.query<{ state: string }>(
      `select state from alarms where sequence in ('8101', '8102')`,
    );
    expect(states.rows.map((r) => r.state)).toEqual(['claimed', 'claimed']);
    await page.context().close();
  });

  it('a coordinator adds a button, finds it with the filter, and assigns it to a case', async () => {
    const page = await pageFor('coordinator');
    await page.goto(`${platform.url}/devices/new`);
    await page.getByLabel('Leverancier').fill('X-mark');
    await page.getByLabel('Model').fill('AWARE-knop 4G');
    await page.getByLabel('Serienummer').fill('XM-7777');
    await page.getByLabel('Account', { exact: true }).fill('7777');
    await page.getByLabel('Sleutel').fill('0123456789abcdef0123456789abcdef');
    await page.getByLabel('Huur per kwartaal (€)').fill('115,00');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Noodknop toegevoegd.').isVisible()).toBe(true);

    await page.goto(`${platform.url}/devices?q=XM-7777`);
    await expect.poll(() => page.getByRole('link', { name: 'XM-7777' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'XM-7777' }).click();
    await expect.poll(() => page.getByText('sleutel ingesteld').first().isVisible()).toBe(true);
    expect(await page.content()).not.toContain('0123456789abcdef0123456789abcdef');

    const caseSelect = page.getByRole('combobox', { name: 'Traject', exact: true });
    const option = await caseSelect.locator('option', { hasText: 'AW-2026-0009' }).textContent();
    await caseSelect.selectOption({ label: option! });
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await expect.poll(() => page.getByText('Gekoppeld aan AW-2026-0009.').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'device-detail.png'), fullPage: true });

    const row = await platform.db.query<{ state: string; reference: string }>(
      `select d.state, c.reference from devices d join cases c on c.id = d.case_id where d.serial = 'XM-7777'`,
    );
    expect(row.rows[0]).toEqual({ state: 'issued', reference: 'AW-2026-0009' });
    await page.context().close();
  });
});
