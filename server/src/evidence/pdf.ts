import { OUTCOME_LABELS_NL } from '../aftercare/rules.ts';
import { CONFIDENTIAL, createPdf, type PdfWriter } from '../pdf/index.ts';
import type { AlarmRecord, EvidenceContent, Person } from './content.ts';
import { dutchInstant } from './dutch-time.ts';

// The Dutch PDF of an evidence bundle, for an officer, a prosecutor or a judge, through the one pdf/ module.

const KIND: Record<string, string> = {
  panic: 'noodmelding',
  test: 'testmelding',
  low_battery: 'batterij bijna leeg',
  tamper: 'sabotage',
  fault: 'storing',
  supervision: 'geen contact met het apparaat',
};
const STATE: Record<string, string> = {
  received: 'ontvangen',
  claimed: 'opgepakt door de alarmcentrale',
  forwarded: 'doorgezet naar de meldkamer politie',
  on_scene: 'politie ter plaatse',
  resolved: 'afgehandeld',
};
const ACTION: Record<string, string> = {
  'alarm.raise': 'melding ontvangen en opgeslagen',
  'alarm.claim': 'melding opgepakt',
  'alarm.forward': 'melding doorgezet naar de politie',
  'alarm.on_scene': 'politie ter plaatse gemeld',
  'alarm.dispatch': 'eenheid uitgestuurd',
  'alarm.resolve': 'melding afgehandeld',
  'alarm.escalate': 'melding geëscaleerd',
  'alarm.clear': 'melding vanzelf opgeheven',
  'alarm.evidence.export': 'bewijspakket gemaakt',
  'case.linked_info.read': 'gegevens van cliënt en pleger ingezien',
};
const PROTOCOL: Record<string, string> = {
  dc09: 'SIA DC-09',
  osmand: 'OsmAnd',
  webhook: 'webhook van de leverancier',
};

const who = (p: Person) =>
  p.kind === 'person'
    ? `${p.name || 'onbekende gebruiker'} (${p.label})`
    : p.kind === 'device'
      ? `de alarmknop ${p.name ?? ''}`.trim()
      : `het systeem (${p.label === 'escalation' ? 'escalatie' : p.label === 'supervision' ? 'bewaking' : p.label})`;

const auditActor = (id: string | null, label: string, name: string | null, deviceLabel: string): Person =>
  id
    ? { kind: 'person', label, name }
    : label.startsWith('device:')
      ? { kind: 'device', label, name: deviceLabel }
      : { kind: 'system', label, name: null };

const yesNo = (v: boolean) => (v ? 'ja' : 'nee');

/** The PDF of the content (its own `pdf` field is not needed: the bundle carries the PDF's fingerprint). */
export async function renderEvidencePdf(content: Omit<EvidenceContent, 'pdf'>): Promise<Uint8Array> {
  const a = content.alarm;
  const pdf = await createPdf({
    language: 'nl-NL',
    confidential: {
      line: `Bewijsoverzicht van melding ${a.id}, gemaakt op ${dutchInstant(content.exportedAt)}`,
    },
    footer: `${CONFIDENTIAL} - Bewijsoverzicht melding ${a.id}`,
    pageLabel: (n, total) => `Pagina ${n} van ${total}`,
  });
  pdf.title('Bewijsoverzicht van een melding');
  pdf.text(
    `Dit overzicht hoort bij een ondertekend bewijspakket (bestand aware-bewijs-${a.id}.json). Het pakket bevat dezelfde gegevens in machineleesbare vorm, deze PDF, en het bewijs dat elke regel in de beveiligde auditlog van Aware staat. Alle tijden zijn Nederlandse tijd, tot op de milliseconde.`,
  );
  pdf.gap(4);
  pdf.text(`Gemaakt op ${dutchInstant(content.exportedAt)} door ${who(content.exportedBy)}.`);

  pdf.heading('De melding');
  alarmFacts(pdf, a);

  pdf.heading('Ontvangst: het bericht zoals het binnenkwam');
  receipt(pdf, a);
  for (const r of content.repeats) {
    pdf.text(`Opnieuw op de knop gedrukt (hoort bij deze melding), melding ${r.id}:`, { bold: true });
    receipt(pdf, r);
  }

  pdf.heading('Verloop: elke stap, wie en wanneer');
  if (content.steps.length === 0) pdf.text('Geen stappen vastgelegd.');
  for (const s of content.steps) {
    const change =
      s.from === null
        ? `${STATE[s.to] ?? s.to}`
        : s.from === s.to
          ? `stap zonder statuswijziging (${STATE[s.to] ?? s.to})`
          : `van "${STATE[s.from] ?? s.from}" naar "${STATE[s.to] ?? s.to}"`;
    const repeat = s.alarmId === a.id ? '' : ' [herhaalde druk]';
    pdf.text(dutchInstant(s.at), { bold: true });
    pdf.text(`${change}${repeat} — door ${who(s.actor)}`, { indent: 12 });
    if (s.note) pdf.text(`Notitie: ${s.note}`, { indent: 12 });
  }

  pdf.heading('Posities');
  if (content.positions.length === 0) pdf.text('Het apparaat stuurde geen positie mee.');
  for (const p of content.positions) {
    const accuracy = p.accuracy === null ? '' : `, nauwkeurig tot ${Math.round(p.accuracy)} m`;
    const source = p.source === 'alarm' ? 'bij de melding' : 'gevolgd na de melding';
    pdf.item(
      `${dutchInstant(p.at)}: breedte ${p.lat.toFixed(6)}, lengte ${p.lon.toFixed(6)}${accuracy} (${source})`,
    );
  }

  pdf.heading('Wie heeft gegevens van deze melding ingezien');
  if (content.views.length === 0) pdf.text('Niemand heeft de gekoppelde gegevens ingezien.');
  for (const v of content.views) {
    pdf.item(
      `${dutchInstant(v.at)}: ${who(v.actor)} — ${ACTION[v.action] ?? v.action} (auditregel ${v.auditSeq})`,
    );
  }

  pdf.heading('Auditlog: de vastgelegde regels over deze melding');
  for (const e of content.audit.entries) {
    const place = e.leafIndex === null ? 'nog niet in de boom' : `plaats ${e.leafIndex} in de boom`;
    pdf.item(
      `Regel ${e.seq} (${place}): ${dutchInstant(e.entry.at)} — ${ACTION[e.entry.action] ?? e.entry.action} — ${who(auditActor(e.entry.actorId, e.entry.actorLabel, e.actorName, a.deviceLabel))}`,
    );
  }

  pdf.heading('Controlepunt van de auditlog');
  const c = content.audit.checkpoint;
  if (c) {
    pdf.text(`Aantal regels in de auditlog: ${String(c.treeSize)}`);
    pdf.text(`Wortel (SHA-256): ${String(c.rootHash)}`);
    if (typeof c.signedAt === 'string') pdf.text(`Ondertekend op: ${dutchInstant(c.signedAt)}`);
    pdf.text(`Sleutel: ${String(c.keyId)} (Ed25519)`);
    pdf.text(`Handtekening: ${String(c.signature)}`);
  } else {
    pdf.text('Er was bij het maken nog geen controlepunt dat deze regels omvat.');
  }

  pdf.heading('Zo controleert u dit bewijs');
  pdf.text(
    'Het bewijspakket is met de ondertekeningssleutel van de auditlog van Aware ondertekend (Ed25519). Wie het pakket en de openbare sleutel heeft, kan zonder toegang tot Aware controleren dat:',
  );
  pdf.item('het pakket na het maken met geen enkel teken is veranderd;');
  pdf.item('de handtekening bij de inhoud hoort en met de opgegeven openbare sleutel is gezet;');
  pdf.item('deze PDF dezelfde is als bij het ondertekenen (vingerafdruk SHA-256 in het pakket);');
  pdf.item(
    'elke auditregel over deze melding in de auditlog staat onder het ondertekende controlepunt hierboven (bewijs van opname in een Merkle-boom, RFC 6962). Een regel achteraf wijzigen, weglaten of verplaatsen maakt dat bewijs ongeldig.',
  );
  pdf.text('Opdracht (in de map van Aware, zonder database of instellingen):');
  pdf.text(`npm run evidence:verify -- aware-bewijs-${a.id}.json --public-key <openbare-sleutel.pem>`, {
    indent: 12,
  });
  pdf.text(
    'De opdracht zegt per controle in gewone woorden wat is gecontroleerd, en eindigt met een foutcode als een controle mislukt.',
  );
  return pdf.finish();
}

function alarmFacts(pdf: PdfWriter, a: AlarmRecord) {
  pdf.text(`Soort: ${KIND[a.kind] ?? a.kind}${a.isTest ? ' (test)' : ''}`);
  pdf.text(`Kenmerk van de melding: ${a.id}`);
  pdf.text(`Alarmknop: ${a.deviceLabel} (account ${a.deviceAccount})`);
  pdf.text(`Traject: ${a.caseReference ?? 'geen traject gekoppeld'}`);
  pdf.text(`Regio: ${a.region}`);
  pdf.text(`Huidige status: ${STATE[a.state] ?? a.state}`);
  if (a.resolvedAt) pdf.text(`Afgehandeld op: ${dutchInstant(a.resolvedAt)}`);
  if (a.outcome) pdf.text(`Uitkomst: ${OUTCOME_LABELS_NL[a.outcome] ?? a.outcome}`);
  if (a.outcomeNote) pdf.text(`Toelichting bij de uitkomst: ${a.outcomeNote}`);
  pdf.text(`Escalatieniveau bij het maken: ${a.escalationLevel}`);
  if (a.batteryPercent !== null) pdf.text(`Batterij bij de melding: ${a.batteryPercent}%`);
}

function receipt(pdf: PdfWriter, a: AlarmRecord) {
  const r = a.receipt;
  const protocol = r.protocol
    ? (PROTOCOL[r.protocol] ?? r.protocol)
    : r.rawFrame === null
      ? 'geen: door het systeem zelf gemaakt'
      : 'niet vastgelegd';
  pdf.text(`Protocol: ${protocol}`);
  pdf.text(`Ontvangen door de ontvanger: ${dutchInstant(r.receivedAt)}`);
  pdf.text(`Opgeslagen in de database (daarna bevestigd aan het apparaat): ${dutchInstant(r.committedAt)}`);
  pdf.text(`Tijd volgens het apparaat: ${r.occurredAt ? dutchInstant(r.occurredAt) : 'niet meegestuurd'}`);
  pdf.text(`Volgnummer van het bericht: ${r.sequence ?? 'geen'}`);
  if (a.code) pdf.text(`Gebeurteniscode: ${a.code}${a.text ? ` (${a.text})` : ''}`);
  pdf.text(`Test: ${yesNo(a.isTest)}`);
  pdf.text(
    r.rawFrame === null ? 'Ruw bericht: geen (door het systeem gemaakt)' : 'Ruw bericht, teken voor teken:',
  );
  if (r.rawFrame !== null) pdf.text(printable(r.rawFrame), { indent: 12, size: 9 });
}

/** Control characters (a DC-09 frame starts with LF and ends with CR) shown as <LF>, <CR>, <0x..>. */
function printable(raw: string): string {
  return Array.from(raw, (ch) => {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code !== 0x7f) return ch;
    return ch === '\n' ? '<LF>' : ch === '\r' ? '<CR>' : `<0x${code.toString(16).padStart(2, '0')}>`;
  }).join('');
}
