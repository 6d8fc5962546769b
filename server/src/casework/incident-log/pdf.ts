import { createPdf } from '../pdf/document.ts';
import { dateIn, LOG_LABELS, printLanguage } from '../pdf/labels.ts';
import type { IncidentLogRow } from './service.ts';

/**
 * The client's incident log in order of time, to take to the police for a report (aangifte). It goes with
 * her to the police, not to her home: it names no case reference or organisation either, only the incidents.
 */
export async function renderIncidentLogPdf(language: string, entries: IncidentLogRow[]): Promise<Uint8Array> {
  const lang = printLanguage(language);
  const l = LOG_LABELS[lang];
  const pdf = await createPdf({ language: lang, footer: l.footer });
  pdf.title(l.title);
  const first = entries[0];
  const last = entries[entries.length - 1];
  pdf.text(
    l.intro(
      entries.length,
      first ? dateIn(lang, first.occurredAt) : null,
      last ? dateIn(lang, last.occurredAt) : null,
    ),
  );
  entries.forEach((e, i) => {
    pdf.heading(l.entry(i + 1, dateIn(lang, e.occurredAt, true)));
    pdf.text(`${l.place}: ${e.place ?? l.none}`, { indent: 10 });
    pdf.text(`${l.whatHappened}:`, { indent: 10, bold: true });
    pdf.text(e.whatHappened, { indent: 20 });
    pdf.text(`${l.witnesses}: ${e.witnesses ?? l.none}`, { indent: 10 });
    pdf.text(
      `${l.evidence}: ${e.evidence.length > 0 ? e.evidence.map((d) => d.fileName).join(', ') : l.none}`,
      { indent: 10 },
    );
    pdf.text(`${l.reported}: ${e.reportedToPolice ? l.yes(e.policeReportNumber) : l.no}`, { indent: 10 });
  });
  return pdf.finish();
}
