import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';

/** Phases 3-4 in Chromium on the demo's active case AW-2026-0006, as caseworker@. */
describe('case work in Chromium: safety plan, conversations, network meeting, evaluation and closure', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  const shot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `case-work-${name}.png`), fullPage: true });
  const tab = async (name: string) => {
    await page.getByRole('tab', { name }).click();
    await page.getByRole('tabpanel').waitFor();
  };

  beforeAll(async () => {
    platform = await startTestPlatform('pglite', {
      env: process.env.AWARE_WEB_DIST ? { AWARE_WEB_DIST: process.env.AWARE_WEB_DIST } : {},
    });
    browser = await launchChromium();
    caseId = (
      await platform.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0006'`)
    ).rows[0]!.id;
    page = await (
      await browser.newContext({ locale: 'nl-NL', viewport: { width: 1300, height: 1000 } })
    ).newPage();
    page.setDefaultTimeout(8000);
    await signInAs(page, platform.url, 'caseworker');
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.goto(`${platform.url}/cases/${caseId}`);
    await page.getByRole('tablist').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('saves two new versions of the safety plan and prints it as a PDF', async () => {
    await tab('Veiligheidsplan');
    for (const [i, strength] of ['Ik zet door', 'Mijn zus staat achter me'].entries()) {
      await page.getByRole('button', { name: 'Aanpassen (nieuwe versie)' }).click();
      await page.getByLabel('Wat zijn mijn krachten?').fill(strength);
      await page.getByLabel('Reden van de wijziging (bijvoorbeeld na een incident)').fill(`gesprek ${i + 1}`);
      await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain(`Versie ${i + 2} is opgeslagen.`);
    }
    await expect.poll(() => page.getByTestId('plan-versions').locator('li').count()).toBe(3);
    expect(await page.locator('.diff-added').first().textContent()).toContain('Mijn zus staat achter me');
    await shot('safety-plan');
    const pdf = await page.evaluate(async (url) => {
      const r = await fetch(url);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        head: String.fromCharCode(...bytes.slice(0, 4)),
      };
    }, `/api/v1/cases/${caseId}/safety-plan/pdf`);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF' });
  });

  it('records three conversations and shows them against the norms', async () => {
    await tab('Gesprekken');
    const before = await page.getByTestId('conversation-list').locator('li').count();
    // the client-side check speaks first
    await page.getByLabel('Duur (minuten)').fill('0');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => page.locator('#cv-minutes-error').textContent())
      .toBe('Vul een duur in tussen 1 en 600 minuten.');
    for (const [kind, minutes] of [
      ['client', '60'],
      ['network', '30'],
      ['psycho_education', '45'],
    ] as const) {
      await page.getByLabel('Soort gesprek').selectOption(kind);
      await page.getByLabel('Duur (minuten)').fill(minutes);
      await page.getByLabel('Waarneming').fill(`Waarneming bij ${kind}`);
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await expect.poll(() => page.getByLabel('Waarneming').inputValue()).toBe('');
    }
    await expect.poll(() => page.getByTestId('conversation-list').locator('li').count()).toBe(before + 3);
    expect(await page.getByTestId('norms').textContent()).toContain('Gesprekken met cliënt');
    await shot('conversations');
  });

  it('records a network meeting with a task; the form keeps client and perpetrator apart', async () => {
    await tab('Netwerk');
    await page.getByLabel('Deelnemer is').selectOption('client');
    // once the client takes part, "perpetrator" is no longer offered for another participant
    await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    const kinds = await page.locator('#mt-p1-kind option').allTextContents();
    expect(kinds).not.toContain('Pleger');
    await page.locator('#mt-p0-name').fill('Sanne');
    await page.locator('#mt-p1-name').fill('Paul Procesregisseur');
    await page.getByLabel('Besluiten').fill('Extra surveillance rond school');
    await page.getByRole('button', { name: 'Taakafspraak toevoegen' }).click();
    await page.locator('#mt-t0-what').fill('School informeren');
    await page.locator('#mt-t0-due').fill('2099-01-01');
    await page.getByRole('button', { name: 'Overleg opslaan' }).click();
    await expect.poll(() => page.getByTestId('tasks').textContent()).toContain('School informeren');
    await shot('network');
  });

  it('starts the evaluation, records the end evaluation and closes the case with the device returned', async () => {
    await tab('Evaluatie en afsluiting');
    await page.getByLabel('Waarom nu evalueren').fill('Zes maanden zonder incidenten');
    await page.getByRole('button', { name: 'Evaluatie starten' }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('Evaluatie');
    await page.getByLabel('Moment').selectOption('end');
    await page.getByLabel('Veiligheidsschaal').selectOption('7');
    await page.getByLabel('Eigen veiligheidscijfer cliënt (0–10)').fill('8');
    await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
    await expect.poll(() => page.getByTestId('evaluations').textContent()).toContain('Einde');
    await page.getByLabel('Noodknop').selectOption('returned');
    await page.getByLabel('Reden van afsluiten').fill('Stabiel veilig; knop ingeleverd');
    await page.getByRole('button', { name: 'Traject afsluiten' }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('Afgesloten');
    await shot('closed');
    const device = await platform.db.query<{ state: string }>(
      `select state from devices where serial = 'XM-1001'`,
    );
    expect(device.rows[0]!.state).toBe('returned');
  });

  it('shows every step on the timeline', async () => {
    await tab('Tijdlijn');
    const timeline = page.locator('.case-timeline');
    await timeline.waitFor();
    const text = (await timeline.textContent()) ?? '';
    for (const step of [
      'veiligheidsplan versie 2',
      'veiligheidsplan versie 3',
      'contact met netwerk',
      'netwerkoverleg',
      'taakafspraak',
      'evaluatie (eind)',
      'noodknop ingeleverd',
      'traject afgesloten',
    ])
      expect(text).toContain(step);
    await shot('timeline');
  });
});
