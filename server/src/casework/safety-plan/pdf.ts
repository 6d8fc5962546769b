import { createPdf } from '../../pdf/index.ts';
import { dateIn, PLAN_LABELS, printLanguage } from '../pdf/labels.ts';
import { PLAN_SECTIONS, type PlanContent, withoutName } from './content.ts';

/**
 * The safety plan as it lies at the client's home, in her language (Dutch or English headings; any other
 * language gets Dutch). The perpetrator may find it, so it holds only her own plan: no case reference, no
 * names of the perpetrator (also removed from the text), of the organisation, the caseworker or herself,
 * no address, and nothing in the file's metadata.
 */
export async function renderPlanPdf(plan: {
  language: string | null;
  version: number;
  createdAt: Date;
  content: PlanContent;
  perpetratorName: string | null;
}): Promise<Uint8Array> {
  const language = printLanguage(plan.language);
  const l = PLAN_LABELS[language];
  const pdf = await createPdf({ language, footer: l.footer, fontSize: 11 });
  pdf.title(l.title);
  pdf.text(l.version(plan.version, dateIn(language, plan.createdAt)), { size: 9 });
  for (const section of PLAN_SECTIONS) {
    pdf.heading(l.sections[section]);
    const lines = plan.content[section] ?? [];
    if (lines.length === 0) pdf.text(l.empty, { indent: 10 });
    for (const line of lines) pdf.item(withoutName(line, plan.perpetratorName));
  }
  return pdf.finish();
}
