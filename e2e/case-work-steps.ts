import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type CaseWalk, openCase, pageFor, statusOf } from './case-steps.ts';

/**
 * Steps of phases 3-4 in the browser (safety plan, conversations, network meeting, evaluation, closure),
 * one function per step, on a case that is active; they follow `walkToActive` from case-steps.ts.
 */

/**
 * The caseworker writes the safety plan (or, when there is one, edits it) once per strength: each save is a
 * new version. Answers the newest version number.
 */
export async function writeSafetyPlan(walk: CaseWalk, caseId: string, strengths: readonly string[]) {
  const page = await pageFor(walk, 'caseworker');
  await openCase(page, walk, caseId, 'Veiligheidsplan');
  const versions = page.getByTestId('plan-versions').locator('li');
  await page.getByRole('heading', { name: 'Alle versies' }).waitFor();
  const before = await versions.count();
  for (const [i, strength] of strengths.entries()) {
    const version = before + i + 1;
    await page
      .getByRole('button', {
        name: version === 1 ? 'Veiligheidsplan opstellen' : 'Aanpassen (nieuwe versie)',
      })
      .click();
    const agreements = page.getByLabel('Afspraken als de knop wordt ingedrukt');
    if (version === 1) {
      // the client-side check speaks first: a plan needs an agreement for when the button is pressed
      await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
      await expect
        .poll(() => page.locator('#plan-alarmAgreements-error').textContent())
        .toBe('Leg minstens één afspraak vast voor als de knop wordt ingedrukt.');
      await agreements.fill('Alarmcentrale belt politie\nDeur op slot, naar de slaapkamer');
      await page.getByLabel('Wie kan mij helpen?').fill('Mijn zus (buurvrouw)');
    }
    expect(await agreements.inputValue()).toContain('Alarmcentrale belt politie');
    await page.getByLabel('Wat zijn mijn krachten?').fill(strength);
    await page.getByLabel('Reden van de wijziging (bijvoorbeeld na een incident)').fill(`gesprek ${version}`);
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`Versie ${version} is opgeslagen.`);
  }
  const newest = before + strengths.length;
  await expect.poll(() => versions.count()).toBe(newest);
  await expect
    .poll(() => page.getByTestId('plan-version').textContent())
    .toMatch(new RegExp(`^Versie ${newest} van`));
  if (newest > 1) {
    // what changed since the previous version, in the words of the plan
    const last = strengths[strengths.length - 1]!;
    expect(await page.locator('.diff-added').first().textContent()).toContain(last);
  }
  return newest;
}

/**
 * The printed plan: fetched in the page (200, a PDF), and opened from its link in a new tab, where Chromium's
 * PDF viewer shows it. Answers the tab (the caller closes it).
 */
export async function printSafetyPlan(walk: CaseWalk, caseId: string) {
  const page = await pageFor(walk, 'caseworker');
  await openCase(page, walk, caseId, 'Veiligheidsplan');
  const link = page.getByTestId('plan-pdf');
  const href = await link.getAttribute('href');
  expect(href).toMatch(new RegExp(`/api/v1/cases/${caseId}/safety-plan/pdf\\?version=\\d+$`));
  const fetched = await page.evaluate(async (url) => {
    const r = await fetch(url);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return {
      status: r.status,
      type: r.headers.get('content-type'),
      head: String.fromCharCode(...bytes.slice(0, 5)),
      size: bytes.length,
    };
  }, href!);
  expect(fetched).toMatchObject({ status: 200, type: 'application/pdf', head: '%PDF-' });
  expect(fetched.size).toBeGreaterThan(1000);

  // Chromium hands the new tab's response to its PDF viewer (an extension frame); the viewer showing up
  // is the proof that the browser took it for a PDF
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await expect.poll(() => tab.url().endsWith(href!)).toBe(true);
  const viewer = () => tab.frames().find((f) => f.url().startsWith(`chrome-extension://${PDF_VIEWER}/`));
  await expect.poll(() => viewer() !== undefined).toBe(true);
  // the viewer's toolbar names the document once it has read it
  await viewer()!.getByText('veiligheidsplan.pdf').first().waitFor();
  return tab;
}

/** Chromium's built-in PDF viewer extension. */
const PDF_VIEWER = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** Three conversations through the form (after its client-side check), counted against the norms. */
export async function recordConversations(walk: CaseWalk, caseId: string) {
  const page = await pageFor(walk, 'caseworker');
  await openCase(page, walk, caseId, 'Gesprekken');
  const list = page.getByTestId('conversation-list').locator('li');
  await page.getByTestId('norms').waitFor();
  const before = await list.count();
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
  await expect.poll(() => list.count()).toBe(before + 3);
  const norms = (await page.getByTestId('norms').textContent()) ?? '';
  expect(norms).toContain('Gesprekken met cliënt');
  expect(norms).toContain('Contacten met netwerk');
  return norms;
}

/**
 * A network meeting with the client and a professional, and one task agreement for `assignee` (a name as
 * the form offers it). The form keeps client and perpetrator apart.
 */
export async function holdNetworkMeeting(
  walk: CaseWalk,
  caseId: string,
  task: { what: string; assignee?: string; due: string },
) {
  const page = await pageFor(walk, 'caseworker');
  await openCase(page, walk, caseId, 'Netwerk');
  await page.getByRole('heading', { name: 'Netwerkoverleg vastleggen' }).waitFor();
  const meetings = page.getByTestId('meetings').locator('li');
  const before = await meetings.count();
  await page.getByLabel('Deelnemer is').selectOption('client');
  // once the client takes part, "perpetrator" is no longer offered for another participant
  await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
  expect(await page.locator('#mt-p1-kind option').allTextContents()).not.toContain('Pleger');
  await page.locator('#mt-p0-name').fill('Eva');
  await page.locator('#mt-p1-name').fill('Paul Procesregisseur');
  await page.getByLabel('Besluiten').fill('Extra surveillance rond school');
  await page.getByRole('button', { name: 'Taakafspraak toevoegen' }).click();
  await page.locator('#mt-t0-what').fill(task.what);
  if (task.assignee) await page.locator('#mt-t0-who').selectOption({ label: task.assignee });
  await page.locator('#mt-t0-due').fill(task.due);
  await page.getByRole('button', { name: 'Overleg opslaan' }).click();
  await expect.poll(() => meetings.count()).toBe(before + 1);
  await expect.poll(() => page.getByTestId('tasks').textContent()).toContain(task.what);
}

/** The task's row in the network tab. */
export const taskRow = (page: Page, what: string) =>
  page.getByTestId('tasks').locator('li').filter({ hasText: what });

/** Someone taking part (by role) ticks off a task in the case's network tab. */
export async function tickOffTask(walk: CaseWalk, caseId: string, role: string, what: string) {
  const page = await pageFor(walk, role);
  await openCase(page, walk, caseId, 'Netwerk');
  const row = taskRow(page, what);
  await row.getByRole('button', { name: 'Afronden' }).click();
  await row.locator('.utrecht-status-badge--success').waitFor();
  return page;
}

/** The caseworker starts the evaluation; the case moves to "Evaluatie". */
export async function startEvaluation(walk: CaseWalk, caseId: string) {
  const page = await pageFor(walk, 'caseworker');
  await openCase(page, walk, caseId, 'Evaluatie en afsluiting');
  await page.getByLabel('Waarom nu evalueren').fill('Zes maanden zonder incidenten');
  await page.getByRole('button', { name: 'Evaluatie starten' }).click();
  await expect.poll(() => statusOf(page)).toBe('Evaluatie');
}

/** The end evaluation: safety scale and her own rating. */
export async function recordEndEvaluation(walk: CaseWalk, caseId: string) {
  const page = await pageFor(walk, 'caseworker');
  await openCase(page, walk, caseId, 'Evaluatie en afsluiting');
  await page.getByLabel('Moment').selectOption('end');
  await page.getByLabel('Veiligheidsschaal').selectOption('7');
  await page.getByLabel('Eigen veiligheidscijfer cliënt (0–10)').fill('8');
  await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
  await expect.poll(() => page.getByTestId('evaluations').textContent()).toContain('Einde');
}

/** Closure with the button handed in: the case is closed and the device is back as returned, off the case. */
export async function closeWithDeviceReturned(walk: CaseWalk, caseId: string, serial: string) {
  const page = await pageFor(walk, 'caseworker');
  await openCase(page, walk, caseId, 'Evaluatie en afsluiting');
  await page.getByLabel('Noodknop').selectOption('returned');
  await page.getByLabel('Reden van afsluiten').fill('Stabiel veilig; knop ingeleverd');
  await page.getByRole('button', { name: 'Traject afsluiten' }).click();
  await expect.poll(() => statusOf(page)).toBe('Afgesloten');
  await expect
    .poll(() => page.getByTestId('closed').textContent())
    .toContain('Stabiel veilig; knop ingeleverd');
  const device = await walk.platform.db.query<{ state: string; case_id: string | null }>(
    'select state, case_id from devices where serial = $1',
    [serial],
  );
  expect(device.rows[0]).toEqual({ state: 'returned', case_id: null });
}

/** Every summary on the case's timeline, newest first (loads further pages until there are none). */
export async function timelineSummaries(page: Page, walk: CaseWalk, caseId: string): Promise<string[]> {
  await openCase(page, walk, caseId, 'Tijdlijn');
  const summaries = page.locator('.case-timeline__summary');
  await summaries.first().waitFor();
  const more = page.getByRole('button', { name: 'Oudere gebeurtenissen' });
  while (await more.isVisible()) {
    const count = await summaries.count();
    await more.click();
    await expect.poll(() => summaries.count()).toBeGreaterThan(count);
  }
  return summaries.allTextContents();
}
