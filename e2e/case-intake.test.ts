import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, SCREENSHOTS } from './browser.ts';
import { type CaseWalk, openCase, pageFor, walkToActive } from './case-steps.ts';

describe('case intake in Chromium: referral → screening → joint decision → connection → active', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let walk: CaseWalk;

  beforeAll(async () => {
    platform = await startTestPlatform('pglite', {
      env: process.env.AWARE_WEB_DIST ? { AWARE_WEB_DIST: process.env.AWARE_WEB_DIST } : {},
    });
    browser = await launchChromium();
    walk = { browser, platform, pages: {} };
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('walks a stalking referral to an active case, and the timeline shows every step', async () => {
    const caseId = await walkToActive(walk);
    const page = await pageFor(walk, 'caseworker');
    await openCase(page, walk, caseId, 'Tijdlijn');
    const summaries = page.locator('.case-timeline__summary');
    await expect.poll(() => summaries.count()).toBeGreaterThan(15);
    const text = (await summaries.allTextContents()).join('\n');
    for (const step of [
      /Aanmelding door Veilig Thuis/,
      /Status: van Aanmelding naar Screening/,
      /Screening bijgewerkt \(8 punten\)/,
      /Status: van Screening naar Besluit/,
      /Veilig Thuis Demoregio stemt in met toekennen/,
      /Politie Basisteam Demostad stemt in met toekennen/,
      /Besluit: toegekend, gedeeld met cliënt en verwijzer/,
      /Aansluiten uiterlijk \d{1,2} [a-z]+ \d{4} \(10 werkdagen\)/,
      /Hulpverlener toegewezen: Carla Hulpverlener/,
      /Noodknop uitgegeven: XM-1004 \(testmodus\)/,
      /Melding ontvangen: Testmelding/,
      /Testmelding geslaagd/,
      /Signalement verstuurd aan Stalkingsfunctionaris/,
      /Gebruikerscontract toegevoegd: gebruikerscontract.pdf/,
      /Privacyverklaring uitgereikt/,
      /Status: van Aansluiten naar Lopend/,
    ]) {
      expect(text).toMatch(step);
    }
    // the newest first
    expect(await summaries.first().textContent()).toBe('Status: van Aansluiten naar Lopend');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-timeline.png'), fullPage: true });

    // the caseworker's home shows her new case's alarms; the police see the signalement, not the address
    await page.goto(`${platform.url}/`);
    await page.getByRole('heading', { name: 'Recente meldingen' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'caseworker-home.png'), fullPage: true });
    const police = await pageFor(walk, 'police');
    await openCase(police, walk, caseId);
    await police.getByText('Man, 35 jaar, kort rood haar').waitFor();
    expect(await police.getByText('Testlaan').count()).toBe(0);
    await police.screenshot({ path: join(SCREENSHOTS, 'case-police-view.png'), fullPage: true });
  }, 180_000);
});
