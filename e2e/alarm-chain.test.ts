import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { startTestSmtpServer } from '../server/src/testing/smtp.ts';
import { sendDc09 } from '../tools/simulator/src/dc09-dialler.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';

const VIEWPORT = { width: 1400, height: 1000 };

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return box.y;
}

describe('the alarm chain in Chromium: operator → police control room → caseworker → history', () => {
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

  // the police's browser runs in English: dates must still be typed and shown the Dutch way
  async function pageFor(role: string, locale = 'nl-NL'): Promise<Page> {
    const page = await (await browser.newContext({ locale, viewport: VIEWPORT })).newPage();
    page.setDefaultTimeout(8000);
    await signInAs(page, platform.url, role);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a panic from demo device 1001 is claimed in the panel, forwarded with a note, handled by the police control room, followed up by the caseworker and found in the history', async () => {
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
      sequence: 4711,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');

    // arrives without reload, with the alarm signal; the card names the button by its label
    const queue = operator.locator('li[data-kind="panic"]');
    await expect.poll(() => queue.count(), { timeout: 5000 }).toBe(1);
    const card = operator.locator(`li[data-alarm-id="${await queue.getAttribute('data-alarm-id')}"]`);
    await expect.poll(() => operator.getByTestId('sound-indicator').textContent()).toBe('Alarmsignaal');
    expect(await card.textContent()).toContain('XM-1001');

    // opening the card, the panel offers the claim itself
    await card.click();
    const panel = operator.locator('#alarm-detail');
    await panel.getByRole('button', { name: 'Claimen' }).click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('claimed');
    expect(await operator.getByTestId('sound-indicator').count()).toBe(0);

    // who, where and the perpetrator first — above the fold — then the handling, then the map
    const linked = operator.getByTestId('linked-info');
    await expect.poll(() => linked.textContent()).toContain('Sanne de Vries');
    expect(await linked.textContent()).toContain('kort donker haar, baard');
    expect(await linked.textContent()).toContain('XX-123-Y');
    const map = operator.getByTestId('alarm-map');
    await expect.poll(() => map.locator('.leaflet-marker-icon').count()).toBe(1);
    const heading = await top(panel.locator('#detail-title'));
    const where = await top(panel.locator('.detail__summary'));
    const perpetrator = panel.locator('.linked__block--perpetrator');
    const perpetratorBox = (await perpetrator.boundingBox())!;
    const steps = await top(panel.locator('.steps'));
    expect(where).toBeGreaterThan(heading);
    expect(perpetratorBox.y).toBeGreaterThan(where);
    expect(steps).toBeGreaterThan(perpetratorBox.y);
    expect(await top(map)).toBeGreaterThan(steps);
    expect(perpetratorBox.y + perpetratorBox.height - heading).toBeLessThan(VIEWPORT.height);
    // and the panel does not scroll by itself: everything in it scrolls with the page
    expect(
      await panel.evaluate((el) => ({
        overflow: getComputedStyle(el).overflowY,
        hidden: el.scrollHeight > el.clientHeight + 1,
      })),
    ).toEqual({ overflow: 'visible', hidden: false });
    await operator.screenshot({ path: join(SCREENSHOTS, 'operator-console.png'), fullPage: true });

    await panel.getByLabel('Notitie voor de politie (optioneel)').fill('Cliënte fluistert, dader in de tuin');
    await panel.getByRole('button', { name: 'Doorzetten naar politie' }).click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('forwarded');

    // meanwhile another button is pressed; the alarm centre has not verified it yet
    const other = await sendDc09({
      host: '127.0.0.1',
      port: platform.dc09.tcpPort,
      account: '1004',
      kind: 'panic',
      sequence: 4712,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(other.outcome).toBe('ACK');
    await expect.poll(() => queue.count()).toBe(2);

    // the police control room: the forwarded alarm marked, the alarm centre's note on top; the alarm the
    // alarm centre has not forwarded (nor left unanswered to level 2) is not theirs to see
    const police = await pageFor('police', 'en-US');
    await police.getByRole('button', { name: 'Meldkamer politie' }).click();
    const policeCard = police.locator('li[data-kind="panic"]');
    await expect.poll(() => policeCard.count()).toBe(1);
    expect(await policeCard.textContent()).toContain('XM-1001');
    expect(await police.locator('#main, main').first().textContent()).not.toContain('XM-1004');
    // the alarm centre deals with the other alarm itself: a press by accident
    const otherCard = queue.filter({ hasText: 'XM-1004' });
    await otherCard.click();
    await panel.getByRole('button', { name: 'Claimen' }).click();
    await expect.poll(() => otherCard.getAttribute('data-state')).toBe('claimed');
    await panel.getByLabel('Uitkomst').selectOption('pressed_by_accident');
    await panel.getByRole('button', { name: 'Afhandelen' }).click();
    await expect.poll(() => otherCard.count()).toBe(0);
    expect(await policeCard.getAttribute('data-forwarded')).toBe('true');
    expect(await policeCard.textContent()).toContain('Doorgezet door de alarmcentrale');
    expect(await policeCard.textContent()).toContain('Cliënte fluistert, dader in de tuin');
    await policeCard.click();
    const policePanel = police.locator('#alarm-detail');
    const note = police.getByTestId('forward-note');
    await expect.poll(() => note.textContent()).toContain('Cliënte fluistert, dader in de tuin');
    expect(await note.textContent()).toContain('Omar Alarmcentrale');
    await expect
      .poll(() => police.getByTestId('linked-info').textContent())
      .toContain('Grijze Volkswagen Golf');
    expect(await top(note)).toBeLessThan(await top(police.getByTestId('linked-info')));
    expect(await top(police.getByTestId('linked-info'))).toBeLessThan(
      await top(policePanel.locator('.steps')),
    );

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

    // the operator finds the handled alarm in the history by its case reference, from her home page
    await operator.getByRole('link', { name: 'Afgehandelde meldingen' }).click();
    await operator.getByLabel('Trajectnummer').fill('AW-2026-0006');
    await operator.getByRole('button', { name: 'Zoeken' }).click();
    const alarmId = (await platform.db.query<{ id: string }>(`select id from alarms where sequence = '4711'`))
      .rows[0]!.id;
    const row = operator.locator(`tr[data-history-alarm-id="${alarmId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Aanhouding op heterdaad');
    expect(await row.textContent()).toContain('XM-1001');
    expect(
      await operator.locator('tr[data-history-alarm-id]').evaluateAll((rows) => rows.length),
    ).toBeLessThanOrEqual(20);
    await row.getByRole('button', { name: 'Bekijken' }).click();
    const timeline = operator.locator('#alarm-detail .timeline');
    await expect.poll(() => timeline.textContent()).toContain('Petra Politie');
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain('Omar Alarmcentrale');
    expect(text).toContain('XM-1001');
    expect(text).not.toMatch(/@|device:/);
    // the dispatch in the console's words, the officer's note beside it (no stored Dutch sentence)
    expect(text).toContain('Eenheid uitgestuurd');
    expect(text).toContain('Eenheid 12-34 onderweg');
    expect(text).not.toContain('eenheid uitgestuurd:');
    await operator.screenshot({ path: join(SCREENSHOTS, 'alarm-history.png'), fullPage: true });

    // the police control room finds it too, from its own console, by date typed the Dutch way (its browser
    // is English: a native date field would show mm/dd/yyyy) — and only what was forwarded to it
    await police.getByRole('link', { name: 'Afgehandelde meldingen' }).click();
    const from = police.getByLabel('Van');
    expect(await from.getAttribute('placeholder')).toBe('dd-mm-jjjj');
    await from.fill('03/14/2026');
    await police.getByRole('button', { name: 'Zoeken' }).click();
    await expect
      .poll(() => police.locator('.utrecht-form-field-error-message').textContent())
      .toContain('Vul een bestaande datum in als dd-mm-jjjj');
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' })
      .format(new Date())
      .split('-');
    await from.fill(`${d}-${m}-${y}`);
    await police.getByLabel('Tot en met').fill(`${Number(d)}-${Number(m)}-${y}`);
    await police.getByRole('button', { name: 'Zoeken' }).click();
    const policeRow = police.locator(`tr[data-history-alarm-id="${alarmId}"]`);
    await expect.poll(() => policeRow.count()).toBe(1);
    expect(await police.locator('table').textContent()).not.toContain('XM-1004');
    // the search stays on screen in Dutch notation
    expect(await from.inputValue()).toBe(`${d}-${m}-${y}`);
    expect(await police.getByLabel('Tot en met').inputValue()).toBe(`${d}-${m}-${y}`);
    await police.screenshot({ path: join(SCREENSHOTS, 'police-history.png'), fullPage: true });
  });
});
