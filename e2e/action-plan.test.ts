import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { sendDc09 } from '../tools/simulator/src/dc09-dialler.ts';
import { isSevere, scanPage } from './axe.ts';
import { launchChromium, SCREENSHOTS, signInAs } from './browser.ts';

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return box.y;
}

describe('the action plan in Chromium: the operator works the region’s plan with the client’s own agreement on top', () => {
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
    const page = await (
      await // the accessibility scan injects axe-core as an inline script
      browser.newContext({ locale: 'nl-NL', viewport: { width: 1400, height: 1000 }, bypassCSP: true })
    ).newPage();
    page.setDefaultTimeout(8000);
    await signInAs(page, platform.url, role);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a panic from the button of AW-2026-0006: "Niet terugbellen" in red above the steps, call-back not to be ticked done, the voice link and every tick on the timeline', async () => {
    const operator = await pageFor('operator');
    await expect.poll(() => operator.getByText('Live verbonden').isVisible()).toBe(true);
    const sent = await sendDc09({
      host: '127.0.0.1',
      port: platform.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      lat: 52.2291,
      lon: 5.1669,
      sequence: 5101,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(sent.outcome).toBe('ACK');
    const card = operator.locator('li[data-kind="panic"]', { hasText: 'XM-1001' });
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    await card.click();
    const panel = operator.locator('#alarm-detail');
    // the plan holds the case's agreements: only the operator who claimed the alarm sees it
    expect(await panel.getByTestId('action-plan').count()).toBe(0);
    await panel.getByRole('button', { name: 'Claimen' }).click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('claimed');

    const plan = panel.getByTestId('action-plan');
    await expect.poll(() => plan.getByRole('heading', { name: 'Actieplan' }).count()).toBe(1);
    const alert = plan.getByTestId('plan-alert');
    await expect.poll(() => alert.textContent()).toContain('Niet terugbellen');
    expect(await alert.textContent()).toContain('afspraak uit het veiligheidsplan');
    // in red, above the voice link and every step
    expect(await alert.getAttribute('class')).toContain('utrecht-alert--error');
    const steps = plan.getByRole('list', { name: 'Stappen van het actieplan' });
    await expect.poll(() => steps.locator('li').count()).toBeGreaterThanOrEqual(4);
    expect(await top(alert)).toBeLessThan(await top(plan.getByTestId('voice-link')));
    expect(await top(alert)).toBeLessThan(await top(steps));

    // the region's call-back step: forbidden by the safety plan, so "done" is disabled, with the reason shown
    const callBack = steps.locator('li', { hasText: 'Bel de cliënt terug' });
    expect(await callBack.textContent()).toContain('het veiligheidsplan van de cliënt verbiedt deze stap');
    expect(await callBack.getByRole('button', { name: 'Gedaan', exact: true }).isDisabled()).toBe(true);

    // the voice link: opened listening only; speaking would still be possible, listening again not
    const voice = plan.getByTestId('voice-link');
    expect(await voice.getByRole('status').textContent()).toBe('Verbinding gesloten');
    expect(await voice.getByRole('button', { name: 'Verbinding sluiten' }).isDisabled()).toBe(true);
    await voice.getByRole('button', { name: 'Meeluisteren' }).click();
    await expect.poll(() => voice.getByRole('status').textContent()).toBe('Verbinding open: u luistert mee');
    expect(await voice.getByRole('button', { name: 'Meeluisteren' }).isDisabled()).toBe(true);
    expect(await voice.getByRole('button', { name: 'Spreken' }).isEnabled()).toBe(true);

    // then its step ticked done: time-stamped, by whom
    const listenStep = steps.locator('li', { hasText: 'Open de spreek-luisterverbinding' });
    await listenStep.getByRole('button', { name: 'Gedaan', exact: true }).click();
    await expect.poll(() => listenStep.textContent()).toMatch(/Gedaan om \d{2}:\d{2}/);
    expect(await listenStep.textContent()).toContain('door Omar Alarmcentrale');

    // another step not done: a reason is required
    const inform = steps.locator('li', { hasText: 'Informeer de casusregisseur' });
    await inform.getByRole('button', { name: 'Niet gedaan', exact: true }).click();
    await inform.getByRole('button', { name: 'Niet gedaan vastleggen' }).click();
    await expect.poll(() => inform.textContent()).toContain('Vul in waarom deze stap niet is gedaan.');
    expect(await inform.getAttribute('data-ticked')).toBeNull();
    await inform.getByLabel('Waarom is deze stap niet gedaan?').fill('Casusregisseur niet bereikbaar');
    await inform.getByRole('button', { name: 'Niet gedaan vastleggen' }).click();
    await expect.poll(() => inform.getAttribute('data-ticked')).toBe('not-done');
    expect(await inform.textContent()).toMatch(/Niet gedaan om \d{2}:\d{2}/);
    expect(await inform.textContent()).toContain('Casusregisseur niet bereikbaar');

    // the timeline says it in words: the voice link and both ticks, with the reason
    const timeline = panel.locator('.timeline');
    await expect
      .poll(() => timeline.textContent())
      .toContain('Actieplan: casusregisseur informeren — niet gedaan');
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain('Spreek-luisterverbinding geopend: alleen luisteren');
    expect(text).toContain('Actieplan: spreek-luisterverbinding openen en luisteren — gedaan');
    expect(text).toContain('Casusregisseur niet bereikbaar');
    expect(text).not.toMatch(/voice_|plan_step|call_back|case:/);

    // the voice link closes; the panel with the plan passes the accessibility scan
    await voice.getByRole('button', { name: 'Verbinding sluiten' }).click();
    await expect.poll(() => voice.getByRole('status').textContent()).toBe('Verbinding gesloten');
    await expect.poll(() => timeline.textContent()).toContain('Spreek-luisterverbinding gesloten');
    const severe = (await scanPage(operator, 'action plan')).filter(isSevere);
    expect(severe.map((v) => `${v.rule} ${v.target}`)).toEqual([]);
    await operator.screenshot({ path: join(SCREENSHOTS, 'operator-action-plan.png'), fullPage: true });

    const ticks = await platform.db.query<{ done: boolean; reason: string | null }>(
      `select t.done, t.reason from alarm_plan_ticks t join alarms a on a.id = t.alarm_id
        where a.sequence = '5101' order by t.done desc`,
    );
    expect(ticks.rows).toEqual([
      { done: true, reason: null },
      { done: false, reason: 'Casusregisseur niet bereikbaar' },
    ]);
    await operator.context().close();
  });
});
