import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { sendDc09 } from '../tools/simulator/src/dc09-dialler.ts';
import { launchChromium, SCREENSHOTS } from './browser.ts';
import { type CaseWalk, pageFor } from './case-steps.ts';

/**
 * The caseworker, clicking from her home page into the case: an implausible date is refused with the Dutch
 * message next to the field, a conversation is corrected with a reason and its earlier version stays
 * readable, and an incident without a time shows "tijd onbekend".
 */
describe('plausible care records and corrections in Chromium', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let walk: CaseWalk;
  let page: Page;

  beforeAll(async () => {
    platform = await startTestPlatform('pglite', {
      env: process.env.AWARE_WEB_DIST ? { AWARE_WEB_DIST: process.env.AWARE_WEB_DIST } : {},
    });
    browser = await launchChromium();
    walk = { browser, platform, pages: {} };
    page = await pageFor(walk, 'caseworker');
    // from her home page to the case, by clicking
    await page.getByRole('link', { name: 'AW-2026-0006' }).first().click();
    await page.getByRole('tablist').waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('refuses a conversation dated 1 January 1900 without content, in Dutch next to each field', async () => {
    await page.getByRole('tab', { name: 'Gesprekken' }).click();
    await page.getByTestId('norms').waitFor();
    const list = page.getByTestId('conversation-list').locator('li');
    const before = await list.count();
    await page.locator('#cv-date').fill('1900-01-01');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect
      .poll(() => page.locator('#cv-date-error').textContent())
      .toMatch(
        /^Deze datum ligt vóór de aanmelding van het traject \(\d+ \w+\.? \d{4}\)\. Controleer de datum\.$/,
      );
    expect(await page.locator('#cv-observation-error').textContent()).toBe(
      'Schrijf op wat er in het gesprek is waargenomen of gezegd.',
    );
    expect(await list.count()).toBe(before);
  });

  it('corrects a conversation from the case page; "gecorrigeerd" shows the earlier version and the reason', async () => {
    const list = page.getByTestId('conversation-list').locator('li');
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
    await page.locator('#cv-date').fill(today);
    await page.getByLabel('Waarneming').fill('Vertelt over de auto bij het werk');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const entry = list.filter({ hasText: 'Vertelt over de auto bij het werk' });
    await entry.waitFor();

    await entry.getByRole('button', { name: 'Corrigeren' }).click();
    await entry.getByLabel('Waarneming').fill('Vertelt over de auto bij de school');
    // without a reason the form says so, next to the reason
    await entry.getByRole('button', { name: 'Correctie opslaan' }).click();
    await entry.getByText('Geef de reden van de correctie.').waitFor();
    await entry.getByLabel('Reden van de correctie').fill('Verkeerde plek opgeschreven');
    await entry.getByRole('button', { name: 'Correctie opslaan' }).click();

    const corrected = list.filter({ hasText: 'Vertelt over de auto bij de school' });
    await corrected.getByText('gecorrigeerd', { exact: true }).waitFor();
    await corrected.getByText('Eerdere versies (1)').click();
    const earlier = corrected.locator('.cw-earlier');
    await expect.poll(() => earlier.isVisible()).toBe(true);
    expect(await earlier.textContent()).toContain('Vertelt over de auto bij het werk');
    expect(await corrected.textContent()).toContain('Reden: Verkeerde plek opgeschreven');
    expect(await corrected.textContent()).toContain('door Carla Hulpverlener');
    await page.screenshot({ path: join(SCREENSHOTS, 'care-correction.png'), fullPage: true });
  });

  it('the incident log refuses 1 March 1850 and shows an incident without a time as "tijd onbekend"', async () => {
    await page.getByRole('tab', { name: 'Logboek' }).click();
    const log = page.getByTestId('incident-log').locator('li');
    await page.getByRole('heading', { name: 'Incident toevoegen' }).waitFor();
    await page.locator('#log-date').fill('1850-03-01');
    await page.locator('#log-what').fill('Stond bij de voordeur');
    await page.getByRole('button', { name: 'Incident toevoegen' }).click();
    await expect
      .poll(() => page.locator('#log-date-error').textContent())
      .toMatch(/^Deze datum ligt meer dan vijf jaar vóór de aanmelding/);
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'Europe/Amsterdam',
    });
    await page.locator('#log-date').fill(yesterday);
    await page.getByRole('button', { name: 'Incident toevoegen' }).click();
    const entry = log.filter({ hasText: 'Stond bij de voordeur' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('tijd onbekend');
    expect(await entry.textContent()).not.toMatch(/\d{2}:\d{2}/);
  });

  it('the incident written when the police close an alarm is in the same Logboek, marked as from the alarm', async () => {
    const sent = await sendDc09({
      host: '127.0.0.1',
      port: platform.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      sequence: 4242,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');
    const alarm = await platform.db.query<{ id: string }>(
      `select a.id from alarms a join devices d on d.id = a.device_id
       where d.account = '1001' and a.sequence = '4242' order by a.received_at desc limit 1`,
    );
    const id = alarm.rows[0]!.id;
    // the alarm's own handling is the console's and the police's (their browser tests); here only its end
    const operator = await signIn(platform, 'operator');
    const police = await signIn(platform, 'police');
    const step = (api: typeof police, name: string, body: object = {}) =>
      api(`/api/v1/alarms/${id}/${name}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await step(operator, 'claim')).status).toBe(200);
    expect((await step(operator, 'forward', { note: 'prio 1' })).status).toBe(200);
    expect((await step(police, 'on-scene')).status).toBe(200);
    expect((await step(police, 'resolve', { outcome: 'arrest_in_act' })).status).toBe(200);

    await page.getByRole('tab', { name: 'Gesprekken' }).click();
    await page.getByRole('tab', { name: 'Logboek' }).click();
    const fromAlarm = page.getByTestId('incident-log').locator('li').filter({ hasText: 'Bron: noodmelding' });
    await fromAlarm.waitFor();
    const text = (await fromAlarm.textContent()) ?? '';
    expect(text).toMatch(/Noodmelding afgehandeld/);
    expect(text).toMatch(/, \d{2}:\d{2}/);
    // the caseworker's own entry sits in the same list
    await page
      .getByTestId('incident-log')
      .locator('li')
      .filter({ hasText: 'Bron: hulpverlener' })
      .first()
      .waitFor();
  });
});
