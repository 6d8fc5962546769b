import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { launchChromium, SCREENSHOTS } from './browser.ts';
import { type CaseWalk, moveTo, pageFor, statusOf, testAlarmInConsole } from './case-steps.ts';

/**
 * Each party does its own part of one new case, starting from its own home page and CLICKING only
 * (signing in opens the start page; no other address is ever typed): Veilig Thuis registers and screens,
 * Veilig Thuis, the police and the shelter consent, the coordinator decides, the police do their tasks,
 * the coordinator issues a button, a DC-09 test frame comes in and the operator handles it in the console,
 * the caseworker connects the case.
 */
const DEVICE = { serial: 'XM-1003', account: '1003' };

/** The start page, by the wordmark in the header (the browser's reload button when already there). */
async function home(page: Page) {
  if (new URL(page.url()).pathname === '/') await page.reload();
  else await page.locator('.aware-wordmark').click();
  await page.locator('[data-home-role]').waitFor();
}

/** Opens the case by its reference from a block of the home page (a link in a list or table). */
async function openFrom(page: Page, block: string, reference: string) {
  await page.getByTestId(block).getByRole('link', { name: reference, exact: true }).first().click();
  await page.getByRole('tablist').waitFor();
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

/** From the home's "decisions awaiting your consent": to the case's decision tab, consent to grant. */
async function consentFromHome(page: Page, reference: string) {
  await home(page);
  const row = page.getByTestId('home-decisions').locator('li', { hasText: reference });
  await row.getByText('wacht op uw instemming').waitFor();
  await row.getByRole('link', { name: 'Naar screening en besluit' }).click();
  await page.getByRole('button', { name: 'Instemmen met toekennen' }).click();
  await expect.poll(() => page.locator('.agreements li[data-agreed="granted"]').count()).toBeGreaterThan(0);
  // once agreed, the home no longer shows it as waiting for this party
  await home(page);
  await page.getByTestId('home-decisions').locator('ul, .aware-empty').first().waitFor();
  expect(await row.getByText('wacht op uw instemming').count()).toBe(0);
}

describe('every party from its own home page, clicking only: a new case from referral to active', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let walk: CaseWalk;
  let reference: string;
  const shot = async (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `roles-${name}.png`), fullPage: true });

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

  it('Veilig Thuis registers a referral from its home, choosing the executing organisation', async () => {
    const vt = await pageFor(walk, 'vt');
    await vt.getByRole('heading', { name: 'Aanmeldingen en screening', level: 1 }).waitFor();
    await vt.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    const executing = vt.getByLabel('Uitvoerende organisatie');
    // the region's only shelter is chosen already; left empty, the form says so in Dutch
    await expect
      .poll(() => executing.locator('option:checked').textContent())
      .toBe('Vrouwenopvang De Schuilplaats');
    await executing.selectOption('');
    await vt.getByLabel('Naam cliënt').fill('Iris Voorbeeld');
    await vt.getByLabel('Naam pleger').fill('Rob Voorbeeld');
    await vt.getByRole('button', { name: 'Aanmelding vastleggen' }).click();
    await expect
      .poll(() => vt.locator('#executingOrganisationId-error').textContent())
      .toBe('Kies de uitvoerende organisatie.');
    await executing.selectOption({ label: 'Vrouwenopvang De Schuilplaats' });
    await vt.getByLabel('Doelgroep').selectOption('stalking');
    await vt.getByLabel('Aangemeld door').selectOption('veilig_thuis');
    await vt.getByLabel('Telefoon').fill('+31 6 5550 3001');
    await vt.getByLabel('Adres').fill('Schuiladres, Rolweg 7, Demostad');
    await vt.getByLabel('Signalement').fill('Man, 41 jaar, baard, blauwe jas');
    await vt.getByLabel('Contactverbod').fill('Contactverbod met cliënt');
    await vt.getByRole('button', { name: 'Aanmelding vastleggen' }).click();
    await expect.poll(() => statusOf(vt)).toBe('Aanmelding');
    reference = (await vt.locator('main h1').textContent())!.trim();
    expect(reference).toMatch(/^AW-\d{4}-\d{4}$/);

    // back home: the referral is listed under "Aanmeldingen en screening"
    await home(vt);
    await vt.getByTestId('home-intake').getByRole('link', { name: reference }).waitFor();
    await shot(vt, '01-vt-home');
  }, 90_000);

  it('Veilig Thuis screens the referral from its home and sends it to the decision', async () => {
    const vt = await pageFor(walk, 'vt');
    await openFrom(vt, 'home-intake', reference);
    await moveTo(vt, 'Screening', 'Aanmelding compleet, screening gestart');
    await vt.getByRole('tab', { name: 'Screening en besluit' }).click();
    for (const [labels, answer] of [
      [INDICATIONS, 'Ja'],
      [CONTRA, 'Nee'],
    ] as const) {
      for (const label of labels) {
        await vt.getByRole('group', { name: label, exact: true }).getByLabel(answer).check();
      }
    }
    await vt.getByRole('button', { name: 'Screening opslaan' }).click();
    await vt.getByText('Opgeslagen').waitFor();
    await moveTo(vt, 'Besluit', 'Alle punten beoordeeld');
    await consentFromHome(vt, reference);
  }, 60_000);

  it('the police: the stalking contact consents from "Politie", the control room keeps the alarm view', async () => {
    const police = await pageFor(walk, 'police');
    // two roles, two different homes
    await police.getByRole('button', { name: 'Meldkamer politie', exact: true }).click();
    await police.getByRole('heading', { name: 'Meldkamer politie', level: 1 }).waitFor();
    expect(await police.getByTestId('home-decisions').count()).toBe(0);
    await police.getByRole('button', { name: 'Politie', exact: true }).click();
    await police.getByRole('heading', { name: 'Politie — stalkingcontact', level: 1 }).waitFor();
    await police.getByTestId('home-tasks').waitFor();
    await police.getByTestId('home-signalements').waitFor();
    await shot(police, '02-police-home');
    await consentFromHome(police, reference);
  }, 60_000);

  it('the coordinator consents for the shelter and registers the joint decision from "Team en deadlines"', async () => {
    const coordinator = await pageFor(walk, 'coordinator');
    await coordinator.getByRole('heading', { name: 'Team en deadlines', level: 1 }).waitFor();
    await consentFromHome(coordinator, reference);
    // every party has answered: the home says so, and leads to the decision itself
    const row = coordinator.getByTestId('home-decisions').locator('li', { hasText: reference });
    await row.getByText('alle partijen hebben geantwoord').waitFor();
    await row.getByRole('link', { name: 'Naar screening en besluit' }).click();
    await expect.poll(() => coordinator.locator('.agreements li[data-agreed="granted"]').count()).toBe(3);
    await coordinator
      .getByLabel('Onderbouwing', { exact: true })
      .fill('Alle indicaties, geen contra-indicaties');
    await coordinator.getByLabel('Het besluit is met de cliënt gedeeld').check();
    await coordinator.getByLabel('Het besluit is met de verwijzer gedeeld').check();
    await coordinator.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => statusOf(coordinator)).toBe('Aansluiten');
  }, 60_000);

  it('the police do their tasks from their home: flag done, STOP talk not held with the reason', async () => {
    const police = await pageFor(walk, 'police');
    await home(police);
    const tasks = police.getByTestId('home-tasks');
    const flag = tasks
      .locator('li', { hasText: reference })
      .filter({ hasText: 'Signalering op persoon en adres' });
    const stop = tasks
      .locator('li', { hasText: reference })
      .filter({ hasText: 'STOP-gesprek met de pleger' });
    await flag.getByRole('button', { name: 'Afronden' }).click();
    await expect.poll(() => flag.count()).toBe(0);
    await stop.getByRole('button', { name: 'Niet gevoerd' }).click();
    await stop.getByRole('button', { name: 'Vastleggen' }).click();
    await expect
      .poll(() => stop.locator('[id$="-error"]').first().textContent())
      .toBe('Vul in waarom het gesprek niet is gevoerd.');
    await stop.getByLabel('Waarom niet gevoerd').fill('Pleger verblijft in het buitenland, niet bereikbaar');
    await stop.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => stop.count()).toBe(0);
    const done = await platform.db.query<{ kind: string; skipped_reason: string | null }>(
      `select t.kind, t.skipped_reason from tasks t join cases c on c.id = t.case_id
       where c.reference = $1 and t.kind like 'police_%' and t.done_at is not null order by t.kind`,
      [reference],
    );
    expect(done.rows).toEqual([
      { kind: 'police_flag', skipped_reason: null },
      { kind: 'police_stop_talk', skipped_reason: 'Pleger verblijft in het buitenland, niet bereikbaar' },
    ]);
  }, 60_000);

  it('Veilig Thuis ticks off its own task from its home: whether the perpetrator can be contacted', async () => {
    const vt = await pageFor(walk, 'vt');
    await home(vt);
    const task = vt
      .getByTestId('home-tasks')
      .locator('li', { hasText: reference })
      .filter({ hasText: 'Nagaan of de pleger benaderd kan worden' });
    await task.getByRole('button', { name: 'Afronden' }).click();
    await expect.poll(() => task.count()).toBe(0);
    // the list is in, and the police tasks of the same case are not Veilig Thuis's
    expect(await vt.getByTestId('home-tasks').getByText('STOP-gesprek').count()).toBe(0);
  }, 60_000);

  it('the coordinator assigns the caseworker and issues a button from the connection deadline on the home', async () => {
    const coordinator = await pageFor(walk, 'coordinator');
    await home(coordinator);
    await coordinator.getByTestId('deadlines').getByRole('link', { name: reference }).click();
    await coordinator.getByRole('tab', { name: 'Aansluiten' }).click();
    await coordinator
      .getByLabel('Hulpverlener', { exact: true })
      .selectOption({ label: 'Carla Hulpverlener' });
    await coordinator.getByRole('button', { name: 'Toewijzen' }).click();
    await expect
      .poll(() => coordinator.locator('.case-page__meta').textContent())
      .toContain('Carla Hulpverlener');
    await coordinator
      .getByLabel('Knop uit voorraad')
      .selectOption({ label: `${DEVICE.serial} — AWARE-knop 4G` });
    await coordinator.getByRole('button', { name: 'Uitgeven' }).click();
    await coordinator.getByText(`${DEVICE.serial} (AWARE-knop 4G) — testmodus`).waitFor();

    // the team view: caseload per caseworker, stock and silent buttons, only open work in the case list;
    // XM-1001 (issued, reports hourly) was last heard a day ago
    await platform.db.query(
      `update devices set last_seen_at = now() - interval '1 day' where serial = 'XM-1001'`,
    );
    await home(coordinator);
    const silent = coordinator.getByTestId('silent-devices');
    await expect.poll(() => silent.textContent()).toMatch(/XM-1001 \(AW-2026-0006\): Stil sinds/);
    // the button just issued, not heard yet, is waiting for its test alarm: not silent
    expect(await silent.getByText(DEVICE.serial).count()).toBe(0);
    const carla = coordinator.getByTestId('caseload').getByRole('row', { name: /Carla Hulpverlener/ });
    expect(Number(await carla.locator('td').first().textContent())).toBeGreaterThanOrEqual(1);
    await coordinator.getByText(/\d+ op voorraad/).waitFor();
    // generated history (closed cases) does not crowd the list: it starts with open work only
    expect(await coordinator.getByLabel('Status', { exact: true }).inputValue()).toBe('open');
    await shot(coordinator, '03-coordinator-home');
    await coordinator.getByRole('link', { name: 'Voorraad noodknoppen bekijken' }).click();
    await coordinator.getByRole('columnheader', { name: 'Laatst gehoord' }).waitFor();
    await coordinator.getByTestId('silent-devices').getByRole('link', { name: 'XM-1001' }).waitFor();
  }, 60_000);

  it('a DC-09 test frame; the operator resolves it as a test in the console; the caseworker connects the case from her home', async () => {
    await testAlarmInConsole(walk, DEVICE.serial, DEVICE.account);
    const caseworker = await pageFor(walk, 'caseworker');
    await caseworker.getByTestId('home-cases').getByRole('link', { name: reference }).click();
    await caseworker.getByRole('tab', { name: 'Aansluiten' }).click();
    await expect
      .poll(() => caseworker.getByTestId('test-alarm').textContent())
      .toContain('Testmelding geslaagd');
    await caseworker
      .getByLabel('Ontvanger bij de politie')
      .fill('Stalkingsfunctionaris Politie Basisteam Demostad');
    await caseworker.getByRole('button', { name: 'Vastleggen als verstuurd' }).click();
    await caseworker.getByText(/Verstuurd aan Stalkingsfunctionaris/).waitFor();
    await caseworker.getByLabel('Getekend contract (pdf)').setInputFiles({
      name: 'gebruikerscontract.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% getekend gebruikerscontract\n%%EOF\n'),
    });
    await caseworker.getByRole('button', { name: 'Contract vastleggen' }).click();
    await caseworker.getByText(/^Getekend op /).waitFor();
    await caseworker.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await caseworker.getByText(/^Uitgereikt op /).waitFor();
    await moveTo(
      caseworker,
      'Lopend',
      'Aangesloten: knop uitgegeven, testmelding geslaagd, contract getekend',
    );

    // the police see the signalement received on their home and open it there
    const police = await pageFor(walk, 'police');
    await home(police);
    const received = police.getByTestId('home-signalements').locator('li', { hasText: reference });
    const [pdf] = await Promise.all([
      police.waitForEvent('download'),
      received.getByRole('link', { name: 'Signalement als pdf' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`signalement-${reference}.pdf`);
    await openFrom(police, 'home-signalements', reference);
    await police.getByText('Man, 41 jaar, baard, blauwe jas').waitFor();
    expect(await police.getByText('Rolweg').count()).toBe(0);
  }, 90_000);

  it('the process director finds network meetings and task agreements across cases on the home', async () => {
    const director = await pageFor(walk, 'procesregisseur');
    await director.getByRole('heading', { name: 'Procesregie', level: 1 }).waitFor();
    const meetings = director.getByTestId('home-meetings');
    await meetings.locator('li').first().waitFor();
    await director.getByTestId('home-agreements').waitFor();
    await meetings.getByRole('link').first().click();
    await director.getByRole('tab', { name: 'Netwerk', selected: true }).waitFor();
  }, 60_000);

  it('the committee member sees what awaits a decision; funder and administrator reach their work', async () => {
    const committee = await pageFor(walk, 'commissie');
    await committee.getByRole('heading', { name: 'Indicatiecommissie', level: 1 }).waitFor();
    await committee.getByTestId('home-decisions').waitFor();
    // the committee decides, it does not refer: no "Nieuwe aanmelding" that would end in a refusal
    expect(await committee.getByRole('link', { name: 'Nieuwe aanmelding' }).count()).toBe(0);
    await committee.getByTestId('home-cases').getByRole('link', { name: reference }).click();
    await committee.getByRole('tablist').waitFor();

    const funder = await pageFor(walk, 'funder');
    await funder.getByRole('heading', { name: 'Cijfers', level: 1 }).waitFor();
    const admin = await pageFor(walk, 'admin');
    await admin.getByRole('link', { name: 'Gebruikers' }).first().click();
    await admin.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
    // the administrator keeps the stock of buttons without ever being refused: no case list asked for
    await admin.getByRole('link', { name: 'Noodknoppen' }).first().click();
    await admin.getByRole('link', { name: 'XM-1004', exact: true }).click();
    await admin.getByRole('heading', { name: 'Noodknop XM-1004', level: 1 }).waitFor();
    await admin.getByText('gekoppeld door de teamleider').waitFor();
    expect(await admin.locator('.utrecht-alert--error').count()).toBe(0);
  }, 60_000);
});
