import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyRing } from '../server/src/audit/checkpoint.ts';
import { auditKeyFiles } from '../server/src/audit/signing-key.ts';
import { describeVerdict, verifyBundle } from '../server/src/evidence/verify.ts';
import { addControlRoomOnlyUser, addInvestigatorOnlyUser } from '../server/src/testing/control-room-user.ts';
import {
  panicOverDc09,
  signIn,
  startTestPlatform,
  type TestPlatform,
} from '../server/src/testing/platform.ts';
import { launchChromium, signInAs } from './browser.ts';

describe('evidence export in Chromium: the alarm centre downloads a signed bundle; the control room has no button', () => {
  let platform: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startTestPlatform('pglite');
    await addControlRoomOnlyUser(platform);
    await addInvestigatorOnlyUser(platform);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function pageFor(role: string): Promise<Page> {
    const page = await (
      await browser.newContext({
        locale: 'nl-NL',
        viewport: { width: 1400, height: 1000 },
        acceptDownloads: true,
      })
    ).newPage();
    page.setDefaultTimeout(10_000);
    await signInAs(page, platform.url, role);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('the operator exports the evidence of a claimed panic; the bundle and the PDF download and the bundle verifies', async () => {
    const id = await panicOverDc09(platform, '1001', 8801);
    const api = await signIn(platform, 'operator');
    expect((await api(`/api/v1/alarms/${id}/claim`, { method: 'POST', body: '{}' })).status).toBe(200);

    const operator = await pageFor('operator');
    const card = operator.locator(`li[data-alarm-id="${id}"]`);
    await card.click();
    const panel = operator.locator('#alarm-detail');
    const section = panel.getByTestId('evidence-export');
    await panel.getByRole('button', { name: 'Bewijs exporteren' }).click();
    await section.getByRole('status').waitFor();
    expect(await section.getByRole('status').textContent()).toContain('Het bewijspakket is klaar');

    const [bundleDownload] = await Promise.all([
      operator.waitForEvent('download'),
      section.getByRole('link', { name: 'Bewijspakket downloaden (ondertekend)' }).click(),
    ]);
    expect(bundleDownload.suggestedFilename()).toBe(`aware-bewijs-${id}.json`);
    const bundle = readFileSync((await bundleDownload.path())!);
    const ring = publicKeyRing(
      readFileSync(auditKeyFiles(platform.config.auditKeyFile).publicKeysFile, 'utf8'),
    );
    const verdict = verifyBundle(bundle, ring);
    expect(verdict.ok, describeVerdict(verdict)).toBe(true);
    expect(verdict.content!.exportedBy.label).toBe('operator@demo.aware.test');
    expect(verdict.content!.steps.map((s) => s.to)).toEqual(['received', 'claimed']);

    const [pdfDownload] = await Promise.all([
      operator.waitForEvent('download'),
      section.getByRole('link', { name: 'Overzicht downloaden (PDF)' }).click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toBe(`aware-bewijs-${id}.pdf`);
    const pdf = readFileSync((await pdfDownload.path())!);
    // the same PDF whose fingerprint the signed content holds
    expect(pdf.equals(verdict.pdf!)).toBe(true);

    // forwarded, the alarm reaches the control room, whose officer may not export: no button
    expect((await api(`/api/v1/alarms/${id}/forward`, { method: 'POST', body: '{}' })).status).toBe(200);
    const control = await pageFor('meldkamer');
    const controlCard = control.locator(`li[data-alarm-id="${id}"]`);
    await controlCard.click();
    const controlPanel = control.locator('#alarm-detail');
    // the detail has loaded (its timeline shows the claim) before we look for the button
    await expect.poll(() => controlPanel.textContent()).toContain('Omar Alarmcentrale');
    expect(await controlPanel.getByTestId('evidence-export').count()).toBe(0);
    expect(await controlPanel.getByRole('button', { name: 'Bewijs exporteren' }).count()).toBe(0);

    // handled, the investigating officer finds it from the police home page and exports its evidence
    const controlApi = await signIn(platform, 'meldkamer');
    expect((await controlApi(`/api/v1/alarms/${id}/on-scene`, { method: 'POST', body: '{}' })).status).toBe(
      200,
    );
    const resolved = await controlApi(`/api/v1/alarms/${id}/resolve`, {
      method: 'POST',
      body: JSON.stringify({ outcome: 'no_threat' }),
    });
    expect(resolved.status).toBe(200);
    const investigator = await pageFor('recherche');
    await investigator.getByRole('link', { name: 'Afgehandelde meldingen' }).click();
    await investigator.locator(`tr[data-history-alarm-id="${id}"]`).getByRole('button').click();
    const historyPanel = investigator.locator('#alarm-detail');
    await historyPanel.getByRole('button', { name: 'Bewijs exporteren' }).click();
    const [download] = await Promise.all([
      investigator.waitForEvent('download'),
      historyPanel.getByRole('link', { name: 'Bewijspakket downloaden (ondertekend)' }).click(),
    ]);
    const second = verifyBundle(readFileSync((await download.path())!), ring);
    expect(second.ok, describeVerdict(second)).toBe(true);
    expect(second.content!.exportedBy.label).toBe('recherche@demo.aware.test');
    expect(second.content!.steps.map((s) => s.to)).toEqual([
      'received',
      'claimed',
      'forwarded',
      'on_scene',
      'resolved',
    ]);
  });
});
