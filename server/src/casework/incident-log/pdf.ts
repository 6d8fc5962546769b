import { createPdf } from '../../pdf/index.ts';
import { dateIn, LOG_LABELS, printLanguage } from '../pdf/labels.ts';
import type { IncidentLogRow } from './repository.ts';

/**
 * The case's incident log in order of time, for a police report (aangifte): per incident the date, the
 * time or "tijd onbekend" (never an invented time), place, what happened, witnesses, evidence, whether it
 * was reported with its number, and where the entry came from. It carries the case reference, so the
 * police can ask the caseworker; it names no organisation or address.
 */
export async function renderIncidentLogPdf(
  language: string,
  reference: string,
  entries: Pick<
    IncidentLogRow,
    | 'occurredOn'
    | 'occurredTime'
    | 'place'
    | 'whatHappened'
    | 'witnesses'
    | 'evidence'
    | 'reportedToPolice'
    | 'policeReportNumber'
    | 'source'
  >[],
): Promise<Uint8Array> {
  const lang = printLanguage(language);
  const l = LOG_LABELS[lang];
  const pdf = await createPdf({
    language: lang,
    footer: `${l.footer} · ${l.reference(reference)}`,
    fontSize: 11,
  });
  pdf.title(l.title);
  pdf.text(l.reference(reference), { bold: true });
  const first = entries[0];
  const last = entries[entries.length - 1];
  pdf.text(
    l.intro(
      entries.length,
      first ? dateIn(lang, first.occurredOn) : null,
      last ? dateIn(lang, last.occurredOn) : null,
    ),
  );
  entries.forEach((e, i) => {
    const day = dateIn(lang, e.occurredOn);
    pdf.heading(l.entry(i + 1, e.occurredTime ? `${day}, ${e.occurredTime}` : `${day}, ${l.timeUnknown}`));
    pdf.text(`${l.date}: ${day}`, { indent: 10 });
    pdf.text(`${l.time}: ${e.occurredTime ?? l.timeUnknown}`, { indent: 10 });
    pdf.text(`${l.place}: ${e.place ?? l.none}`, { indent: 10 });
    pdf.text(`${l.whatHappened}:`, { indent: 10, bold: true });
    pdf.text(e.whatHappened, { indent: 20 });
    pdf.text(`${l.witnesses}: ${e.witnesses ?? l.none}`, { indent: 10 });
    pdf.text(
      `${l.evidence}: ${e.evidence.length > 0 ? e.evidence.map((d) => d.fileName).join(', ') : l.none}`,
      { indent: 10 },
    );
    pdf.text(`${l.reported}: ${e.reportedToPolice ? l.yes(e.policeReportNumber) : l.no}`, { indent: 10 });
    pdf.text(`${l.source}: ${l.sources[e.source]}`, { indent: 10 });
  });
  return pdf.finish();
}
