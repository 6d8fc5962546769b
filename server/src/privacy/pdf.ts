import type { PositionView } from '../crypto/sealed-position.ts';
import { CONFIDENTIAL, createPdf } from '../pdf/index.ts';
import type { DataSubjectExport } from './export.ts';
import {
  alarmKindNl,
  alarmStateNl,
  auditActionNl,
  banKindNl,
  caseStatusNl,
  dateNl,
  dateTimeNl,
  languageNl,
  outcomeNl,
  requestKindNl,
  targetGroupNl,
  taskKindNl,
} from './labels.ts';

/**
 * Renders the export as a readable Dutch A4 document: headings, simple text lines for the tables, on every
 * page "VERTROUWELIJK" with the recipient and the date, and "pagina x van y". Names and texts print as
 * written (Noto Sans, Arabic right to left); a character no font has (an emoji) prints as "?", and the
 * document then says that the JSON export holds the exact spelling.
 */
export async function renderExportPdf(data: DataSubjectExport): Promise<Uint8Array> {
  const generated = new Date(data.about.generatedAt);
  const marking = `Opgesteld voor: ${data.about.preparedFor}, ${dateNl(generated)}`;
  const title = `Inzage in persoonsgegevens - dossier ${data.about.caseReference}`;
  const pdf = await createPdf({
    language: 'nl-NL',
    confidential: { line: marking },
    footer: `${CONFIDENTIAL} - ${data.about.caseReference}`,
    pageLabel: (n, total) => `Pagina ${n} van ${total}`,
    metadata: {
      title,
      subject: `${CONFIDENTIAL} - ${marking}`,
      keywords: [CONFIDENTIAL, data.about.caseReference],
      author: data.about.organisation,
      createdAt: generated,
    },
  });
  const { text, heading, item } = pdf;
  const field = (name: string, value: string | null | undefined) =>
    text(`${name}: ${value == null || value === '' ? '-' : value}`, { indent: 8 });
  const none = (list: readonly unknown[], sentence = 'Geen.') => {
    if (list.length === 0) text(sentence, { indent: 8 });
    return list.length > 0;
  };

  const where = (p: PositionView | null) =>
    p
      ? `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}${p.accuracy != null ? ` (nauwkeurig tot ${Math.round(p.accuracy)} m)` : ''}`
      : null;

  // -- title and explanation
  pdf.title(title);
  text(
    `Opgesteld op ${dateTimeNl(generated)} door ${data.about.organisation} op verzoek van cliënt, ` +
      `voor ${data.about.preparedFor}.`,
    { gap: 6 },
  );
  heading('Over dit overzicht');
  for (const note of data.about.notes) item(note);

  heading('Persoonsgegevens van cliënt');
  if (data.client) {
    field('Naam', data.client.name);
    field('Taal', `${languageNl(data.client.language)} (${data.client.language})`);
    field('Telefoon', data.client.phone);
    field('Adres', data.client.address);
    field('Foto', data.client.photo ? 'aanwezig (opgenomen in de JSON-export)' : 'geen');
  } else {
    text('Er zijn geen persoonsgegevens van cliënt vastgelegd.', { indent: 8 });
  }

  heading('Kinderen');
  if (none(data.children))
    for (const c of data.children) item(`${c.firstName}${c.birthYear ? `, geboren in ${c.birthYear}` : ''}`);

  heading('Verboden die cliënt beschermen');
  if (none(data.bans)) for (const b of data.bans) item(`${banKindNl(b.kind)}: ${b.description}`);
  text(data.perpetratorData.statement, { indent: 8, size: 9 });

  heading('Afspraken in het veiligheidsplan bij een melding');
  if (none(data.safetyPlanAgreements))
    for (const [i, a] of data.safetyPlanAgreements.entries()) item(`${i + 1}. ${a}`);

  heading('Dossier');
  field('Dossiernummer', data.case.reference);
  field('Status', caseStatusNl(data.case.status));
  field('Doelgroep', targetGroupNl(data.case.targetGroup));
  field('Regio', data.case.region);
  field('Organisatie', data.case.organisation);
  field('Hulpverlener', data.case.caseworker);
  field('Aangemaakt', dateTimeNl(data.case.createdAt));
  field('Besluit genomen', dateTimeNl(data.case.decidedAt));
  field('Testmelding bij uitgifte', dateTimeNl(data.case.testAlarmAt));

  heading('Alarmknoppen');
  if (none(data.devices))
    for (const d of data.devices) {
      item(
        `${d.vendor} ${d.model}, serienummer ${d.serial}: uitgegeven ${dateTimeNl(d.assignedAt)}` +
          (d.returnedAt ? `, ingenomen ${dateTimeNl(d.returnedAt)}` : ', nog in gebruik'),
      );
      if (d.lastSeenAt) text(`laatste contact: ${dateTimeNl(d.lastSeenAt)}`, { indent: 28 });
      if (d.lastKnownPosition) text(`laatst bekende positie: ${where(d.lastKnownPosition)}`, { indent: 28 });
    }

  heading('Meldingen');
  if (none(data.alarms))
    for (const a of data.alarms) {
      const outcome = a.outcome ? `, ${outcomeNl(a.outcome)}` : '';
      item(
        `${dateTimeNl(a.receivedAt)} - ${alarmKindNl(a.kind)}${a.test ? ' (test)' : ''} - ` +
          `${alarmStateNl(a.state)}${outcome}`,
      );
      if (a.resolvedAt) text(`afgehandeld: ${dateTimeNl(a.resolvedAt)}`, { indent: 28 });
      if (a.outcomeNote) text(`toelichting: ${a.outcomeNote}`, { indent: 28 });
      text(`positie: ${where(a.position) ?? 'niet (meer) bewaard'}`, { indent: 28 });
      for (const t of a.trail) text(`vervolgpositie ${dateTimeNl(t.at)}: ${where(t)}`, { indent: 28 });
      if (a.steps.length > 0)
        text(`verloop: ${a.steps.map((s) => `${dateTimeNl(s.at)} ${alarmStateNl(s.state)}`).join('; ')}`, {
          indent: 28,
        });
    }

  heading('Incidenten');
  if (none(data.incidents))
    for (const i of data.incidents)
      item(`${dateTimeNl(i.occurredAt)}${i.outcome ? ` (${outcomeNl(i.outcome)})` : ''}: ${i.summary}`);

  heading('Taken van de hulpverlening');
  if (none(data.tasks))
    for (const t of data.tasks)
      item(
        `${taskKindNl(t.kind)}: uiterlijk ${dateTimeNl(t.dueAt)}` +
          (t.doneAt ? `, gedaan ${dateTimeNl(t.doneAt)}` : ', nog open') +
          (t.assignee ? ` (${t.assignee})` : ''),
      );

  heading('Verzoeken over de eigen gegevens (AVG)');
  if (none(data.privacyRequests))
    for (const r of data.privacyRequests) {
      item(`${dateTimeNl(r.receivedAt)} - ${requestKindNl(r.kind)}, vastgelegd door ${r.createdBy}`);
      text(`verzoek: ${r.description}`, { indent: 28 });
      text(
        r.decision
          ? `besluit (${dateTimeNl(r.decidedAt)}, ${r.decidedBy}): ${r.decision}`
          : `nog geen besluit; uiterlijk te beantwoorden op ${dateNl(r.answerDueAt)}`,
        { indent: 28 },
      );
    }

  heading('Wie heeft het dossier ingezien of gewijzigd');
  if (none(data.accessLog))
    for (const e of data.accessLog) {
      const reason = e.reason?.startsWith('alarm:')
        ? `bij melding ${e.reason.slice(6, 14)}`
        : (e.reason ?? '');
      item(
        `${dateTimeNl(e.at)} - ${e.who}${e.organisation ? ` (${e.organisation})` : ''} - ` +
          `${auditActionNl(e.action)}${reason ? ` - reden: ${reason}` : ''}`,
      );
    }

  if (pdf.replacedCharacters) {
    heading('Schrijfwijze');
    text(
      'Enkele letters konden in dit document niet exact worden weergegeven; de JSON-export bevat de exacte schrijfwijze.',
      { indent: 8 },
    );
  }

  return pdf.finish();
}
