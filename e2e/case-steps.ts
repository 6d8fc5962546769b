import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestPlatform } from '../server/src/testing/platform.ts';
import { signIn } from '../server/src/testing/platform.ts';
import { sendDc09 } from '../tools/simulator/src/dc09-dialler.ts';
import { SCREENSHOTS, signInAs } from './browser.ts';

/**
 * Steps of the case process in the browser, one function per step, for the intake walk and for the
 * later walks of phases 3-4 (which start from `walkToActive`).
 */
export interface CaseWalk {
  browser: Browser;
  platform: TestPlatform;
  pages: Partial<Record<string, Page>>;
}

export async function pageFor(walk: CaseWalk, role: string): Promise<Page> {
  const existing = walk.pages[role];
  if (existing) return existing;
  const page = await (
    await walk.browser.newContext({ locale: 'nl-NL', viewport: { width: 1300, height: 1000 } })
  ).newPage();
  page.setDefaultTimeout(8000);
  await signInAs(page, walk.platform.url, role);
  // signing in hashes a password: slow on a loaded machine
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor({ timeout: 30_000 });
  walk.pages[role] = page;
  return page;
}

export async function openCase(page: Page, walk: CaseWalk, caseId: string, tab?: string) {
  await page.goto(`${walk.platform.url}/cases/${caseId}`);
  await page.getByRole('tablist').waitFor();
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

export const statusOf = (page: Page) => page.getByTestId('case-status').textContent();

/** A status button, its rationale, confirm; waits for the new status. */
export async function moveTo(page: Page, status: string, rationale: string) {
  await page.getByRole('button', { name: `Naar ${status}` }).click();
  await page.getByLabel(`Onderbouwing voor ${status}`).fill(rationale);
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect.poll(() => statusOf(page)).toBe(status);
}

/** A VT worker registers a stalking referral through the form; answers the new case's id. */
export async function registerReferral(walk: CaseWalk, role = 'vt'): Promise<string> {
  const page = await pageFor(walk, role);
  await page.goto(`${walk.platform.url}/cases/new`);
  await page.getByLabel('Doelgroep').selectOption('stalking');
  await page.getByLabel('Aangemeld door').selectOption('veilig_thuis');
  await page.getByLabel('Hoe aangemeld').selectOption('phone');
  // the client-side check speaks first
  await page.getByRole('button', { name: 'Aanmelding vastleggen' }).click();
  await expect.poll(() => page.locator('#clientName-error').textContent()).toBe('Vul dit veld in.');
  await page.getByLabel('Naam cliënt').fill('Eva Voorbeeld');
  await page.getByLabel('Telefoon').fill('+31 6 5550 2001');
  await page.getByLabel('Adres').fill('Schuiladres, Testlaan 5, Demostad');
  await page.getByLabel('Kinderen').fill('Sem 2017');
  await page.getByLabel('Naam pleger').fill('Tom Voorbeeld');
  await page.getByLabel('Signalement').fill('Man, 35 jaar, kort rood haar');
  await page.getByLabel('Kenteken').fill('GG-456-H');
  await page.getByLabel('Contactverbod').fill('Contactverbod met cliënt');
  await page.getByRole('button', { name: 'Aanmelding vastleggen' }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect.poll(() => statusOf(page)).toBe('Aanmelding');
  return page.url().split('/cases/')[1]!;
}

const INDICATIONS = [
  'Er is sprake van acute onveiligheid en/of stalking',
  'De pleger dreigt met fysiek geweld of stalking',
  'Het contact tussen slachtoffer en pleger is verbroken',
  'Het slachtoffer is bereid aangifte te doen',
  'Het slachtoffer staat open voor hulp en begeleiding',
];
const CONTRA = [
  'Meerdere plegers bedreigen het slachtoffer',
  "Weinig veiligheidsrisico's (geen kans op fysieke stalking)",
  "Te hoge risico's (bijv. crimineel netwerk: Stelsel Bewaken en Beveiligen)",
];

/** Screening: to screening, the checklist answered with a note, on to the decision. */
export async function screen(walk: CaseWalk, caseId: string, role = 'vt') {
  const page = await pageFor(walk, role);
  await openCase(page, walk, caseId);
  await moveTo(page, 'Screening', 'Aanmelding compleet, screening gestart');
  await page.getByRole('tab', { name: 'Screening en besluit' }).click();
  for (const [labels, answer] of [
    [INDICATIONS, 'Ja'],
    [CONTRA, 'Nee'],
  ] as const) {
    for (const label of labels) {
      await page.getByRole('group', { name: label, exact: true }).getByLabel(answer).check();
    }
  }
  await page.locator('#note-threat_of_violence').fill('Dreigt per sms met geweld');
  await page.getByRole('button', { name: 'Screening opslaan' }).click();
  await page.getByText('Opgeslagen').waitFor();
  await moveTo(page, 'Besluit', 'Alle punten beoordeeld');
}

/** Each party agrees; the coordinator registers the joint decision to grant. */
export async function decideJointly(walk: CaseWalk, caseId: string) {
  for (const role of ['vt', 'police', 'coordinator']) {
    const page = await pageFor(walk, role);
    await openCase(page, walk, caseId, 'Screening en besluit');
    await page.getByRole('button', { name: 'Instemmen met toekennen' }).click();
    await expect.poll(() => page.locator('.agreements li[data-agreed="granted"]').count()).toBeGreaterThan(0);
  }
  const coordinator = await pageFor(walk, 'coordinator');
  await expect.poll(() => coordinator.locator('.agreements li[data-agreed="granted"]').count()).toBe(3);
  await coordinator
    .getByLabel('Onderbouwing', { exact: true })
    .fill('Alle indicaties, geen contra-indicaties');
  await coordinator.getByLabel('Het besluit is met de cliënt gedeeld').check();
  await coordinator.getByLabel('Het besluit is met de verwijzer gedeeld').check();
  await coordinator.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect.poll(() => statusOf(coordinator)).toBe('Aansluiten');
}

/** The coordinator assigns Carla and issues a button from stock in test mode. */
export async function assignAndIssue(walk: CaseWalk, caseId: string, serial = 'XM-1004') {
  const page = await pageFor(walk, 'coordinator');
  await openCase(page, walk, caseId, 'Aansluiten');
  await page.getByLabel('Hulpverlener', { exact: true }).selectOption({ label: 'Carla Hulpverlener' });
  await page.getByRole('button', { name: 'Toewijzen' }).click();
  await expect.poll(() => page.locator('.case-page__meta').textContent()).toContain('Carla Hulpverlener');
  await page.getByLabel('Knop uit voorraad').selectOption({ label: `${serial} — AWARE-knop 4G` });
  await page.getByRole('button', { name: 'Uitgeven' }).click();
  await page.getByText(`${serial} (AWARE-knop 4G) — testmodus`).waitFor();
}

/** A real DC-09 test frame from the simulator; the operator resolves it as a test. */
export async function testAlarm(walk: CaseWalk, account = '1004') {
  const sent = await sendDc09({
    host: '127.0.0.1',
    port: walk.platform.dc09.tcpPort,
    account,
    kind: 'test',
    timeoutMs: 3000,
    retries: 0,
  });
  expect(sent.outcome).toBe('ACK');
  const alarm = await walk.platform.db.query<{ id: string }>(
    `select a.id from alarms a join devices d on d.id = a.device_id where d.account = $1 and a.is_test order by a.received_at desc limit 1`,
    [account],
  );
  const operator = await signIn(walk.platform, 'operator');
  const post = (path: string, body: object) =>
    operator(`/api/v1/alarms/${alarm.rows[0]!.id}/${path}`, { method: 'POST', body: JSON.stringify(body) });
  expect((await post('claim', {})).status).toBe(200);
  expect((await post('resolve', { outcome: 'test' })).status).toBe(200);
}

/**
 * The connection test as the alarm centre sees it: a DC-09 test frame from the simulator, then the
 * operator, from the console on the home page, opens the test alarm of that button, claims it in the
 * panel and resolves it as a test. Clicking only.
 */
export async function testAlarmInConsole(walk: CaseWalk, serial: string, account: string) {
  const operator = await pageFor(walk, 'operator');
  if (new URL(operator.url()).pathname !== '/') await operator.locator('.aware-wordmark').click();
  await operator.getByRole('heading', { name: 'Testmeldingen' }).waitFor();
  const sent = await sendDc09({
    host: '127.0.0.1',
    port: walk.platform.dc09.tcpPort,
    account,
    kind: 'test',
    timeoutMs: 3000,
    retries: 0,
  });
  expect(sent.outcome).toBe('ACK');
  // arrives live among the test alarms, named by its button
  const card = operator
    .getByRole('list', { name: 'Testmeldingen' })
    .locator('li[data-alarm-id]', { hasText: serial });
  await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
  await card.click();
  const panel = operator.locator('#alarm-detail');
  await panel.getByRole('button', { name: 'Claimen' }).click();
  await expect.poll(() => card.getAttribute('data-state')).toBe('claimed');
  const outcome = panel.getByLabel('Uitkomst');
  await outcome.selectOption({ label: 'Test' });
  await panel.getByRole('button', { name: 'Afhandelen' }).click();
  await expect.poll(() => card.count()).toBe(0);
}

/** The caseworker: signalement to the police, signed contract, privacy statement, then active. */
export async function completeConnection(walk: CaseWalk, caseId: string) {
  const page = await pageFor(walk, 'caseworker');
  await openCase(page, walk, caseId, 'Aansluiten');
  await expect.poll(() => page.getByTestId('test-alarm').textContent()).toContain('Testmelding geslaagd');
  await page.getByLabel('Ontvanger bij de politie').fill('Stalkingsfunctionaris Politie Basisteam Demostad');
  await page.getByRole('button', { name: 'Vastleggen als verstuurd' }).click();
  await page.getByText(/Verstuurd aan Stalkingsfunctionaris/).waitFor();
  await page.getByLabel('Getekend contract (pdf)').setInputFiles({
    name: 'gebruikerscontract.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% getekend gebruikerscontract\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Contract vastleggen' }).click();
  await page.getByText(/^Getekend op /).waitFor();
  await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
  await page.getByText(/^Uitgereikt op /).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'case-connection.png'), fullPage: true });
  await moveTo(page, 'Lopend', 'Aangesloten: knop uitgegeven, testmelding geslaagd, contract getekend');
}

/** The whole of phases 1-2 for a new stalking referral; answers the case id, status active. */
export async function walkToActive(walk: CaseWalk): Promise<string> {
  const caseId = await registerReferral(walk);
  await screen(walk, caseId);
  await decideJointly(walk, caseId);
  await assignAndIssue(walk, caseId);
  await testAlarm(walk);
  await completeConnection(walk, caseId);
  return caseId;
}
