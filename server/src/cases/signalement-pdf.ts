import { CONFIDENTIAL, createPdf } from '../pdf/index.ts';

export interface SignalementData {
  reference: string;
  perpetrator: {
    name: string;
    description: string | null;
    vehicle: string | null;
    registration: string | null;
    weapons: string | null;
    riskFlags: string[];
  } | null;
  bans: { kind: string; description: string }[];
  recipient: string | null;
  printedFor: string;
  at: Date;
}

const dateTimeNl = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(d);

/**
 * The signalement form (perpetrator description) for the police, A4, marked VERTROUWELIJK on every page.
 * It carries nothing about the client: no name, address or phone — only what the police need to
 * recognise the perpetrator and the bans they enforce.
 */
export async function renderSignalementPdf(data: SignalementData): Promise<Uint8Array> {
  const pdf = await createPdf({
    language: 'nl-NL',
    confidential: { line: `Afgedrukt voor ${data.printedFor}, ${dateTimeNl(data.at)}` },
    footer: `${CONFIDENTIAL} - signalement traject ${data.reference}`,
    pageLabel: (n, total) => `Pagina ${n} van ${total}`,
    metadata: {
      title: `Signalement - traject ${data.reference}`,
      subject: CONFIDENTIAL,
      keywords: [CONFIDENTIAL, data.reference],
      createdAt: data.at,
    },
  });
  pdf.heading(`Signalement pleger - traject ${data.reference}`);
  pdf.field('Verstuurd aan', data.recipient);
  pdf.heading('Pleger');
  const p = data.perpetrator;
  pdf.field('Naam', p?.name);
  pdf.field('Signalement', p?.description);
  pdf.field('Voertuig', p?.vehicle);
  pdf.field('Kenteken', p?.registration);
  pdf.field('Wapens', p?.weapons);
  pdf.field('Risicofactoren', p?.riskFlags.join(', '));
  pdf.heading('Verboden');
  if (data.bans.length === 0) pdf.field('Verboden', 'geen vastgelegd');
  for (const ban of data.bans)
    pdf.field(ban.kind === 'contact' ? 'Contactverbod' : 'Gebiedsverbod', ban.description);
  pdf.gap(12);
  pdf.text(
    'Dit formulier bevat geen gegevens van de cliënt. Deel het niet met de pleger of derden; bewaar het volgens de regels voor politiegegevens.',
    { size: 9, muted: true },
  );
  return pdf.finish();
}
