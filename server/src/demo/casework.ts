import { PLAN_SECTIONS, type PlanContent } from '../casework/safety-plan/content.ts';
import type { Queryable } from '../db/index.ts';

/** A first safety plan version whose button agreements are the demo profile's (read by the alarm console). */
export function demoPlan(alarmAgreements: readonly string[]): PlanContent {
  const plan = Object.fromEntries(PLAN_SECTIONS.map((s) => [s, [] as string[]])) as unknown as PlanContent;
  return {
    ...plan,
    strengths: ['Ik zet door als het moeilijk wordt', 'Ik heb een goede band met mijn zus'],
    whatHelps: ['De noodknop altijd bij me', 'Vaste route naar werk met anderen erbij'],
    whoHelps: ['Mijn zus', 'De buren (nr. 3)', 'Mijn hulpverlener'],
    ownActions: ['Deur altijd op slot', 'Telefoon opgeladen, knop opgeladen'],
    unsafeSituations: ['Alleen over straat in het donker', 'Ophalen van de kinderen bij school'],
    alarmAgreements: [...alarmAgreements],
    tips: ['Wissel van route en tijden', 'Bewaar bewijs: schermafdrukken van berichten'],
    digitalSafety: ['Locatie delen op de telefoon uit', 'Nieuwe wachtwoorden op alle accounts'],
  };
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The casework of the demo cases past connection: the caseworker directs her cases (case director), the
 * active cases have conversations and a network meeting with task agreements, the evaluation case has its
 * start and interim evaluation, the closed case its end evaluation, goals and a returned device.
 */
export async function seedCasework(
  tx: Queryable,
  cases: { id: string; status: string; caseworkerId: string | null }[],
  people: { processDirectorId: string; policeId: string },
): Promise<void> {
  for (const c of cases) {
    if (!c.caseworkerId || !['active', 'evaluation', 'closed'].includes(c.status)) continue;
    const by = c.caseworkerId;
    await tx.query(
      `insert into case_team (case_id, user_id, role) values ($1, $2, 'case_director') on conflict do nothing`,
      [c.id, by],
    );
    await tx.query(
      `update cases set active_since = now() - interval '120 days', planned_end_on = current_date + 105 where id = $1`,
      [c.id],
    );
    const conversations: [number, string, number, string, string][] = [
      [
        110,
        'intake',
        90,
        'Cliënt vertelt rustig over de afgelopen maanden; maakt oogcontact.',
        'Lijkt opgelucht dat er hulp is.',
      ],
      [
        95,
        'client',
        60,
        'Veiligheidsplan doorgenomen; cliënt vult zelf aan.',
        'Neemt regie over eigen veiligheid.',
      ],
      [80, 'network', 30, 'Afstemming met wijkagent over het gebiedsverbod.', 'Lijn met politie is kort.'],
      [60, 'psycho_education', 60, 'Uitleg over stalking en stressreacties gegeven.', 'Herkent de uitleg.'],
    ];
    for (const [ago, kind, minutes, observation, interpretation] of conversations) {
      await tx.query(
        `insert into conversations (case_id, held_on, kind, duration_minutes, observation, interpretation, author_id)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [c.id, daysAgo(ago), kind, minutes, observation, interpretation, by],
      );
      await timeline(tx, c.id, 'conversation', `gesprek (${minutes} min)`, daysAgo(ago), {
        code: 'conversation',
        params: { conversation: kind, minutes },
      });
    }
    const meeting = await tx.query<{ id: string }>(
      `insert into network_meetings (case_id, held_on, kind, chair, participants, decisions, created_by)
       values ($1, $2, 'case_meeting', 'Paul Procesregisseur', $3, $4, $5) returning id`,
      [
        c.id,
        daysAgo(70),
        JSON.stringify([
          {
            kind: 'professional',
            name: 'Paul Procesregisseur',
            organisation: 'Zorg- en Veiligheidshuis Demoregio',
          },
          { kind: 'professional', name: 'Petra Politie', organisation: 'Politie Basisteam Demostad' },
          { kind: 'professional', name: 'Carla Hulpverlener', organisation: 'Vrouwenopvang De Schuilplaats' },
        ]),
        'Gebiedsverbod wordt gehandhaafd; politie rijdt extra langs.',
        by,
      ],
    );
    await timeline(tx, c.id, 'meeting', 'netwerkoverleg met 3 deelnemers', daysAgo(70), {
      code: 'meeting',
      params: { count: 3 },
    });
    const tasks: [string, string, number, boolean][] = [
      ['Extra surveillance rond het woonadres inplannen', people.policeId, 60, true],
      ['Evaluatie van het veiligheidsplan met cliënt', by, 14, false],
    ];
    for (const [description, assignee, dueAgo, done] of tasks) {
      await tx.query(
        `insert into tasks (case_id, kind, description, meeting_id, assignee_id, due_at, done_at, created_by)
         values ($1, 'agreement', $2, $3, $4, $5::date + time '16:00', $6, $7)`,
        [
          c.id,
          description,
          meeting.rows[0]!.id,
          assignee,
          daysAgo(dueAgo),
          done ? new Date() : null,
          people.processDirectorId,
        ],
      );
    }
    await tx.query(
      `insert into evaluations (case_id, evaluated_on, moment, safety_scale, client_safety_rating, notes, created_by)
       values ($1, $2, 'start', '0', 2, 'Acuut onveilig bij de start.', $3)`,
      [c.id, daysAgo(110), by],
    );
    await tx.query(
      `insert into case_goals (case_id, description, set_on, created_by) values
       ($1, 'Weer zelfstandig boodschappen doen', $2, $3), ($1, 'Kinderen weer zelf naar school brengen', $2, $3)`,
      [c.id, daysAgo(110), by],
    );
    if (c.status === 'evaluation' || c.status === 'closed') {
      await tx.query(
        `insert into evaluations (case_id, evaluated_on, moment, safety_scale, client_safety_rating, notes, created_by)
         values ($1, $2, 'interim', '6', 7, 'Geen incidenten sinds het contactverbod.', $3)`,
        [c.id, daysAgo(40), by],
      );
    }
    if (c.status === 'closed') {
      await tx.query(
        `insert into evaluations (case_id, evaluated_on, moment, safety_scale, client_safety_rating, caseworker_rating,
           collaboration_rating, notes, created_by)
         values ($1, $2, 'end', '7', 8, 8.7, 7.3, 'Al ruim zes maanden geen incidenten.', $3)`,
        [c.id, daysAgo(5), by],
      );
      await tx.query(`update case_goals set result = 'met', evaluated_on = $2 where case_id = $1`, [
        c.id,
        daysAgo(5),
      ]);
      await tx.query(
        `update cases set closed_at = now() - interval '3 days', device_return = 'returned',
           closure_reason = 'Stabiele veiligheid; knop ingeleverd.' where id = $1`,
        [c.id],
      );
      await timeline(tx, c.id, 'closure', 'traject afgesloten', daysAgo(3), { code: 'closed' });
    }
  }
}

const timeline = (
  tx: Queryable,
  caseId: string,
  kind: string,
  summary: string,
  on: string,
  message: { code: string; params?: Record<string, string | number> },
) =>
  tx.query(
    `insert into case_timeline (case_id, kind, summary, actor_label, at, summary_code, summary_params)
     values ($1, $2, $3, 'demo-seed', $4::date + time '12:00', $5, $6::jsonb)`,
    [caseId, kind, summary, on, message.code, JSON.stringify(message.params ?? {})],
  );
