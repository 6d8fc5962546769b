import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, SCREENSHOTS } from './browser.ts';
import {
  assignAndIssue,
  type CaseWalk,
  completeConnection,
  decideJointly,
  openCase,
  pageFor,
  registerReferral,
  screen,
  statusOf,
  testAlarm,
} from './case-steps.ts';
import {
  closeWithDeviceReturned,
  holdNetworkMeeting,
  printSafetyPlan,
  recordConversations,
  recordEndEvaluation,
  startEvaluation,
  taskRow,
  tickOffTask,
  timelineSummaries,
  writeSafetyPlan,
} from './case-work-steps.ts';

/** This walk's own button from the demo stock (the intake walk issues XM-1004). */
const DEVICE = { serial: 'XM-1003', account: '1003' };
const TASK = 'School informeren over het contactverbod';

/** The whole journey of one new stalking case in Chromium, in the order of the rows of the timeline. */
const JOURNEY: readonly RegExp[] = [
  /^Aanmelding door Veilig Thuis/,
  /^Status: van Aanmelding naar Screening$/,
  /^Screening bijgewerkt \(8 punten\)$/,
  /^Status: van Screening naar Besluit$/,
  /^Veilig Thuis Demoregio stemt in met toekennen$/,
  /^Politie Basisteam Demostad stemt in met toekennen$/,
  /^Vrouwenopvang De Schuilplaats stemt in met toekennen$/,
  /^Besluit: toegekend, gedeeld met cliënt en verwijzer/,
  /^Aansluiten uiterlijk \d{1,2} [a-z]+ \d{4} \(10 werkdagen\)$/,
  /^Status: van Besluit naar Aansluiten$/,
  /^Hulpverlener toegewezen: Carla Hulpverlener$/,
  /^Noodknop uitgegeven: XM-1003 \(testmodus\)$/,
  /^Melding ontvangen: Testmelding/,
  /^Testmelding geslaagd/,
  /^Signalement verstuurd aan Stalkingsfunctionaris/,
  /Gebruikerscontract toegevoegd: gebruikerscontract\.pdf/,
  /^Privacyverklaring uitgereikt/,
  /^Status: van Aansluiten naar Lopend$/,
  /^Veiligheidsplan versie 1$/,
  /^Veiligheidsplan versie 2$/,
  /^Gesprek met cliënt \(60 min\)$/,
  /^Contact met netwerk \(30 min\)$/,
  /^Psycho-educatie \(45 min\)$/,
  /^Netwerkoverleg met 2 deelnemers$/,
  /^Taakafspraak tot 1 januari 2099$/,
  /^Taak afgerond$/,
  /^Status: van Lopend naar Evaluatie$/,
  /^Evaluatie \(Einde\), veiligheidsschaal 7$/,
  /^Noodknop: ingeleverd$/,
  /^Status: van Evaluatie naar Afgesloten$/,
  /^Traject afgesloten$/,
];

describe('one stalking case in Chromium, from referral to closure', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let walk: CaseWalk;
  let caseId: string;
  const shot = async (role: string, name: string) =>
    (await pageFor(walk, role)).screenshot({
      path: join(SCREENSHOTS, `journey-${name}.png`),
      fullPage: true,
    });

  const deviceOf = async (serial: string) =>
    (
      await platform.db.query<{ case_id: string | null; test_mode: boolean; state: string }>(
        'select case_id, test_mode, state from devices where serial = $1',
        [serial],
      )
    ).rows[0];

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

  it('phases 1-2: referral, screening, joint decision, connection with device and test alarm', async () => {
    caseId = await registerReferral(walk);
    await shot('vt', '01-referral');
    await screen(walk, caseId);
    await shot('vt', '02-screening');
    await decideJointly(walk, caseId);
    await shot('coordinator', '03-decision');
    await assignAndIssue(walk, caseId, DEVICE.serial);
    await testAlarm(walk, DEVICE.account);
    await completeConnection(walk, caseId);
    await shot('caseworker', '04-active');
    expect(await deviceOf(DEVICE.serial)).toMatchObject({ case_id: caseId });
  }, 90_000);

  // found by this walk: going active used to leave the button in test mode, filing every real alarm as a test
  it('phase 2: once active, the button is live (out of test mode)', async () => {
    expect(await deviceOf(DEVICE.serial)).toMatchObject({
      case_id: caseId,
      test_mode: false,
      state: 'issued',
    });
  });

  it('phase 3: a safety plan in two versions whose PDF opens, three conversations', async () => {
    expect(await writeSafetyPlan(walk, caseId, ['Ik zet door', 'Mijn zus staat achter me'])).toBe(2);
    await shot('caseworker', '05-safety-plan');
    const pdf = await printSafetyPlan(walk, caseId);
    await pdf.screenshot({ path: join(SCREENSHOTS, 'journey-05-safety-plan-pdf.png') });
    await pdf.close();
    const norms = await recordConversations(walk, caseId);
    // a new case: these three are all there is (psycho-education counts as a conversation with the client)
    expect(norms).toMatch(/Gesprekken met cliënt: 2 \//);
    expect(norms).toMatch(/Contacten met netwerk: 1 \//);
    await shot('caseworker', '06-conversations');
  }, 60_000);

  it('phase 3: a network meeting whose task the police officer ticks off', async () => {
    await holdNetworkMeeting(walk, caseId, {
      what: TASK,
      assignee: 'Petra Politie (Politie Basisteam Demostad)',
      due: '2099-01-01',
    });
    const caseworker = await pageFor(walk, 'caseworker');
    expect(await taskRow(caseworker, TASK).textContent()).toContain('Petra Politie');
    await shot('caseworker', '07-network');
    const police = await tickOffTask(walk, caseId, 'police', TASK);
    expect(await taskRow(police, TASK).getByRole('button', { name: 'Afronden' }).count()).toBe(0);
    await shot('police', '08-task-done');
  }, 60_000);

  it('phase 4: evaluation, end evaluation and closure with the device returned', async () => {
    await startEvaluation(walk, caseId);
    await recordEndEvaluation(walk, caseId);
    await shot('caseworker', '09-evaluation');
    await closeWithDeviceReturned(walk, caseId, DEVICE.serial);
    await shot('caseworker', '10-closed');
  }, 60_000);

  // found by this walk: type coercion used to turn the null of a `number | null` body field into 0
  it('phase 4: the ratings left blank stay blank', async () => {
    const page = await pageFor(walk, 'caseworker');
    const cells = await page
      .getByTestId('evaluations')
      .locator('tbody tr')
      .first()
      .locator('td')
      .allTextContents();
    // date, moment, scale, her rating, rating of the caseworker, of the collaboration, notes
    expect(cells.slice(1, 6)).toEqual(['Einde', '7', '8', '—', '—']);
  });

  it('the timeline lists every step of the journey, in order', async () => {
    const page = await pageFor(walk, 'caseworker');
    const newestFirst = await timelineSummaries(page, walk, caseId);
    const oldestFirst = [...newestFirst].reverse();
    const at = JOURNEY.map((step) => oldestFirst.findIndex((summary) => step.test(summary)));
    expect(
      JOURNEY.filter((_, i) => at[i] === -1),
      `missing on the timeline:\n${oldestFirst.join('\n')}`,
    ).toEqual([]);
    // each step after the one before it
    const outOfOrder = JOURNEY.filter((_, i) => i > 0 && at[i]! < at[i - 1]!);
    expect(outOfOrder, `out of order:\n${oldestFirst.join('\n')}`).toEqual([]);
    expect(newestFirst[0]).toBe('Traject afgesloten');
    // every kind of entry has a name, none shows as a code
    const kinds = await page.locator('.case-timeline .utrecht-status-badge').allTextContents();
    expect(kinds.filter((k) => /^[a-z_]+$/.test(k))).toEqual([]);
    await shot('caseworker', '11-timeline');

    // closed: nothing more to do, the police still see the signalement but never the address
    await openCase(page, walk, caseId, 'Evaluatie en afsluiting');
    expect(await statusOf(page)).toBe('Afgesloten');
    expect(await page.getByRole('button', { name: 'Traject afsluiten' }).count()).toBe(0);
    const police = await pageFor(walk, 'police');
    await openCase(police, walk, caseId);
    await police.getByText('Man, 35 jaar, kort rood haar').waitFor();
    expect(await police.getByText('Testlaan').count()).toBe(0);
  }, 60_000);
});
