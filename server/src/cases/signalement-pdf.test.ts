import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdfText } from '../pdf/testing/pdf-text.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

// Demo case AW-2026-0006 (server/src/demo/seed.ts): the client Sanne, her shelter address and phone, her
// children Lotte and Daan; the perpetrator Mark de Vries. The client shares his surname, so her first name is
// what must not appear.
const PERPETRATOR = [
  'Mark de Vries',
  'Man, 38 jaar, ca. 1.85 m, kort donker haar, baard, tatoeage linkeronderarm',
  'Grijze Volkswagen Golf',
  'XX-123-Y',
  'Heeft eerder met een mes gedreigd',
  'Gebiedsverbod wijk Demostad-Noord',
];
const CLIENT = [
  'Sanne',
  'Schuiladres',
  'Demostraat',
  '1234 AB',
  '5550 1001',
  '+31 6',
  'Lotte',
  'Daan',
  '2016',
  '2019',
];

describeEachEngine('the signalement PDF', (engine) => {
  let p: TestPlatform;
  let caseId: string;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
    caseId = (await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0006'`))
      .rows[0]!.id;
  });
  afterAll(() => p.close());

  // the police print it; the caseworker, who sees the client's address, phone and children, prints the same
  for (const reader of ['police', 'caseworker']) {
    it(`printed by the ${reader}: the perpetrator's description, none of the client's address, phone or children`, async () => {
      const api = await signIn(p, reader);
      // the case as the caseworker sees it holds what the PDF must leave out
      if (reader === 'caseworker') {
        const seen = JSON.stringify(await (await api(`/api/v1/cases/${caseId}`)).json());
        for (const secret of ['Demostraat 1', '5550 1001', 'Lotte', 'Daan']) expect(seen).toContain(secret);
      }
      const response = await api(`/api/v1/cases/${caseId}/signalement/pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const pdf = await pdfText(new Uint8Array(await response.arrayBuffer()));
      // lines wrap where the page ends: compare the text as one line
      const text = pdf.text.replace(/\s+/g, ' ');
      expect(text).toContain('VERTROUWELIJK');
      expect(text).toContain('Signalement pleger - traject AW-2026-0006');
      for (const fact of PERPETRATOR) expect(text, fact).toContain(fact);
      const everything = `${text} ${pdf.title} ${pdf.author} ${pdf.keywords}`;
      for (const secret of CLIENT) expect(everything, secret).not.toContain(secret);
      // printed for the reader by name, never by the sign-in e-mail address
      const { user: me } = (await (await api('/api/v1/auth/me')).json()) as {
        user: { email: string; displayName: string };
      };
      expect(text).toContain(`Afgedrukt voor ${me.displayName}`);
      expect(everything).not.toContain(me.email);
    });
  }
});
