import { recordOnTimeline, type TimelineKind, type TimelineMessage } from '../cases/timeline.ts';
import { addWorkingDays, connectionDeadline, dutchDay } from '../cases/working-days.ts';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import { createPdf } from '../pdf/index.ts';
import type { Platform } from '../platform.ts';

type Status =
  | 'referral'
  | 'screening'
  | 'decision'
  | 'rejected'
  | 'connecting'
  | 'active'
  | 'evaluation'
  | 'closed';

const PATH: Status[] = ['referral', 'screening', 'decision', 'connecting', 'active', 'evaluation', 'closed'];
const ITEMS: [string, boolean, string][] = [
  ['unsafety_or_stalking', true, 'Stalking sinds de scheiding, meerdere meldingen bij politie.'],
  ['threat_of_violence', true, 'Heeft gedreigd met fysiek geweld (sms en voicemail).'],
  ['contact_broken', true, 'Cliënt heeft het contact verbroken; contactverbod opgelegd.'],
  ['willing_to_report', true, 'Cliënt is bereid aangifte te doen.'],
  ['open_to_help', true, 'Staat open voor begeleiding door de opvang.'],
  ['several_perpetrators', false, 'Eén pleger bekend.'],
  ['few_safety_risks', false, 'Reëel risico op fysieke stalking.'],
  ['too_high_risks', false, 'Geen crimineel netwerk; geen Stelsel Bewaken en Beveiligen.'],
];

export interface DemoCase {
  id: string;
  reference: string;
  status: Status;
  targetGroup: 'stalking' | 'acute_unsafety';
  caseworkerId: string | null;
  /** index in the demo list, to spread the dates */
  index: number;
}

interface Orgs {
  shelter: string;
  vt: string;
  police: string;
}
interface Users {
  coordinator: string;
  vt: string;
  police: string;
}

/** A one-page signed contract for use, for the demo only. */
async function demoContractPdf(reference: string): Promise<Buffer> {
  const pdf = await createPdf({ language: 'nl-NL', confidential: { line: `Traject ${reference}` } });
  pdf.title(`Gebruikerscontract AWARE - traject ${reference}`);
  pdf.text('De cliënt ontvangt een AWARE-alarmknop in bruikleen en gaat akkoord met de gebruiksvoorwaarden.');
  pdf.text('Ondertekend door cliënt en hulpverlener (demodocument, geen echte handtekening).');
  return Buffer.from(await pdf.finish());
}

/**
 * Makes every demo case consistent with its status: referral details, screening, the joint decision and
 * its agreements, the connection deadline and steps, the transitions and a timeline — dated in the past,
 * so the demo reads like real work.
 */
export async function seedCaseHistory(
  tx: Queryable,
  platform: Platform,
  cases: DemoCase[],
  orgs: Orgs,
  users: Users,
  regionId: string,
) {
  const seedCtx: RequestContext = {
    actor: { kind: 'system', id: null, label: 'demo-seed', grants: [] },
    ip: null,
  };
  for (const type of ['shelter', 'veilig_thuis', 'police']) {
    await tx.query(
      `insert into region_decision_rights (region_id, decision, organisation_type) values ($1, 'grant', $2)`,
      [regionId, type],
    );
  }
  const today = dutchDay(new Date());
  for (const c of cases) {
    const reached =
      c.status === 'rejected'
        ? ['referral', 'screening', 'decision', 'rejected']
        : PATH.slice(0, PATH.indexOf(c.status) + 1);
    // the further the case, the longer ago it was referred; the active cases before their first
    // conversation (demo/casework.ts: 110 days ago), so no care record predates the referral
    const referredDaysAgo = [2, 5, 9, 14, 12, 130, 125, 140, 170, 260][c.index] ?? 30;
    const day = (offset: number) => {
      const d = new Date(`${today}T10:00:00+01:00`);
      d.setUTCDate(d.getUTCDate() - referredDaysAgo + offset);
      return d;
    };
    const on = async (kind: TimelineKind, summary: string, at: Date, message?: TimelineMessage) =>
      recordOnTimeline(tx, { caseId: c.id, kind, summary, actorLabel: 'demo-seed', at, message });
    const referrer =
      c.index % 3 === 0
        ? ['police', orgs.police]
        : c.index % 3 === 1
          ? ['veilig_thuis', orgs.vt]
          : ['executing_organisation', orgs.shelter];
    await tx.query(
      `update cases set referred_at = $2, created_at = $2, referrer_kind = $3, referrer_organisation_id = $4,
         referral_channel = 'phone', referral_summary = $5 where id = $1`,
      [
        c.id,
        day(0),
        referrer[0],
        referrer[1],
        'Cliënt wordt sinds de scheiding gestalkt door haar ex-partner.',
      ],
    );
    await on(
      'referral',
      `Aanmelding door ${referrer[0] === 'police' ? 'politie' : referrer[0] === 'veilig_thuis' ? 'Veilig Thuis' : 'uitvoerende organisatie'}, telefonisch`,
      day(0),
      { code: 'referralShort', params: { referrer: referrer[0] ?? null, channel: 'phone' } },
    );

    let at = 0;
    const transition = async (from: Status, to: Status, rationale: string, offset: number) => {
      at = offset;
      await tx.query(
        `insert into case_transitions (case_id, from_status, to_status, at, actor_label, rationale) values ($1, $2, $3, $4, 'demo-seed', $5)`,
        [c.id, from, to, day(offset), rationale],
      );
      await on('transition', `Status: ${from} → ${to}`, day(offset), {
        code: 'transition',
        params: { from, to },
      });
    };
    if (reached.includes('screening'))
      await transition('referral', 'screening', 'Aanmelding compleet; screening gestart.', 1);
    const screened = reached.includes('decision')
      ? ITEMS
      : reached.includes('screening')
        ? ITEMS.slice(0, 5)
        : [];
    for (const [item, holds, note] of screened) {
      await tx.query(
        `insert into screening_items (case_id, item, holds, note, assessed_at) values ($1, $2, $3, $4, $5)`,
        [c.id, item, holds, note, day(2)],
      );
    }
    if (screened.length > 0)
      await on('screening', `Screening bijgewerkt (${screened.length} punten)`, day(2), {
        code: 'screening',
        params: { count: screened.length },
      });
    if (!reached.includes('decision')) continue;
    await transition('screening', 'decision', 'Alle indicaties en contra-indicaties beoordeeld.', 3);
    if (c.status === 'decision') continue;

    const granted = c.status !== 'rejected';
    const outcome = granted ? 'granted' : 'rejected';
    for (const [org, user] of [
      [orgs.shelter, users.coordinator],
      [orgs.vt, users.vt],
      [orgs.police, users.police],
    ] as const) {
      await tx.query(
        `insert into case_decision_parties (case_id, decision, organisation_id, user_id, outcome, agreed_at) values ($1, 'grant', $2, $3, $4, $5)`,
        [c.id, org, user, outcome, day(4)],
      );
    }
    const decidedAt = day(4);
    const decidedDay = dutchDay(decidedAt);
    const deadline = granted ? connectionDeadline(decidedDay, c.targetGroup) : null;
    await tx.query(
      `update cases set decision = $2, decision_rationale = $3, decided_at = $4, decision_communicated_client_at = $4,
         decision_communicated_referrer_at = $4, rejection_advice = $5, rejection_referral = $6, connection_deadline = $7
       where id = $1`,
      [
        c.id,
        outcome,
        granted
          ? 'Alle indicaties aanwezig, geen contra-indicaties; gezamenlijk besloten tot toekenning.'
          : 'Meerdere plegers bedreigen de cliënt (contra-indicatie); AWARE biedt hier onvoldoende bescherming.',
        decidedAt,
        granted
          ? null
          : 'Advies: veiligheidsplan met Veilig Thuis opstellen en aangifte doen bij elk incident.',
        granted ? null : 'Doorverwezen naar Slachtofferhulp Nederland.',
        deadline,
      ],
    );
    await on(
      'decision',
      `Besluit: ${granted ? 'toegekend' : 'afgewezen'}, gedeeld met cliënt en verwijzer`,
      decidedAt,
      {
        code: 'decision',
        params: { outcome: granted ? 'granted' : 'rejected', toClient: true, toReferrer: true },
      },
    );
    if (!granted) {
      await transition('decision', 'rejected', 'Contra-indicatie: meerdere plegers.', 4);
      continue;
    }
    await transition('decision', 'connecting', 'Gezamenlijk besluit: toegekend.', 4);
    await on(
      'deadline',
      `Aansluiten uiterlijk ${deadline} (${c.targetGroup === 'acute_unsafety' ? '2' : '10'} werkdagen)`,
      decidedAt,
      {
        code: 'connectionDeadline',
        params: { date: deadline, workingDays: c.targetGroup === 'acute_unsafety' ? 2 : 10 },
      },
    );
    if (c.caseworkerId) {
      await tx.query(
        `insert into case_team (case_id, user_id, role) values ($1, $2, 'case_director') on conflict do nothing`,
        [c.id, c.caseworkerId],
      );
      await on('team', 'Hulpverlener toegewezen', day(5), { code: 'caseworkerAssignedShort' });
    }
    if (c.status === 'connecting') {
      // the demo's connecting case is due soon: decided so that two working days are left
      const soon = addWorkingDays(today, 2);
      await tx.query('update cases set connection_deadline = $2 where id = $1', [c.id, soon]);
      for (const [kind, org, text] of [
        ['police_flag', orgs.police, 'Signalering op persoon en adres'],
        ['police_stop_talk', orgs.police, 'STOP-gesprek met de pleger'],
        ['vt_perpetrator_contact', orgs.vt, 'Nagaan of de pleger benaderd kan worden'],
      ] as const) {
        await tx.query(
          `insert into tasks (case_id, kind, description, assignee_organisation_id, due_at) values ($1, $2, $3, $4, ($5::date + time '17:00') at time zone 'Europe/Amsterdam')`,
          [c.id, kind, text, org, soon],
        );
      }
      continue;
    }
    // connected: signalement, device and test alarm, contract, privacy statement
    const connectedOn = Math.min(at + 6, referredDaysAgo - 1);
    await tx.query(
      `update cases set signalement_sent_at = $2, signalement_recipient = 'Stalkingsfunctionaris Politie Basisteam Demostad',
         test_alarm_at = $2, contract_signed_on = $3::date, privacy_statement_handed_on = $3::date, active_since = $2
       where id = $1`,
      [c.id, day(connectedOn), dutchDay(day(connectedOn))],
    );
    await on(
      'signalement',
      'Signalement verstuurd aan Stalkingsfunctionaris Politie Basisteam Demostad',
      day(connectedOn),
      { code: 'signalementSent', params: { recipient: 'Stalkingsfunctionaris Politie Basisteam Demostad' } },
    );
    await on('device', 'Apparaat uitgegeven (testmodus)', day(connectedOn), {
      code: 'deviceIssuedTestShort',
    });
    await on('test_alarm', 'Testmelding geslaagd', day(connectedOn), { code: 'testAlarmPassed' });
    const contract = await platform.documents.store.store(tx, seedCtx, c.id, 'contract', {
      fileName: `gebruikerscontract-${c.reference}.pdf`,
      bytes: await demoContractPdf(c.reference),
    });
    await tx.query('update case_documents set uploaded_at = $2 where id = $1', [
      contract.id,
      day(connectedOn),
    ]);
    await tx.query(`update case_timeline set at = $2 where case_id = $1 and ref_id = $3`, [
      c.id,
      day(connectedOn),
      contract.id,
    ]);
    await on('contract', `Gebruikerscontract getekend op ${dutchDay(day(connectedOn))}`, day(connectedOn), {
      code: 'contractSigned',
      params: { date: dutchDay(day(connectedOn)) },
    });
    await on('document', `Privacyverklaring uitgereikt op ${dutchDay(day(connectedOn))}`, day(connectedOn), {
      code: 'privacyStatement',
      params: { date: dutchDay(day(connectedOn)) },
    });
    await transition(
      'connecting',
      'active',
      'Aangesloten: knop uitgegeven, testmelding geslaagd, contract getekend.',
      connectedOn,
    );
    if (c.status === 'active') continue;
    await transition('active', 'evaluation', 'Evaluatiemoment na drie maanden.', referredDaysAgo - 10);
    if (c.status === 'evaluation') continue;
    await tx.query(
      `update cases set closed_at = $2, device_return = 'returned', closure_reason = 'Veiligheid hersteld' where id = $1`,
      [c.id, day(referredDaysAgo - 3)],
    );
    await transition('evaluation', 'closed', 'Eindevaluatie gedaan; knop ingeleverd.', referredDaysAgo - 3);
  }
}
