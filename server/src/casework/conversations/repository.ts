import type { Queryable } from '../../db/index.ts';
import type { ConversationKind } from './norms.ts';

export interface ConversationRow {
  id: string;
  heldOn: string;
  kind: ConversationKind;
  childId: string | null;
  childName: string | null;
  durationMinutes: number;
  observation: string | null;
  interpretation: string | null;
  author: string | null;
  createdAt: Date;
}

/** The fields a correction may change (the kind and the child stay: another kind is another entry). */
export const CORRECTABLE = ['heldOn', 'durationMinutes', 'observation', 'interpretation'] as const;

export async function updateConversation(
  db: Queryable,
  id: string,
  c: Pick<ConversationRow, (typeof CORRECTABLE)[number]>,
): Promise<void> {
  await db.query(
    `update conversations set held_on = $2, duration_minutes = $3, observation = $4, interpretation = $5 where id = $1`,
    [id, c.heldOn, c.durationMinutes, c.observation, c.interpretation],
  );
}

export async function listConversations(db: Queryable, caseId: string): Promise<ConversationRow[]> {
  const r = await db.query<ConversationRow>(
    `select v.id, to_char(v.held_on, 'YYYY-MM-DD') as "heldOn", v.kind, v.child_id as "childId",
            ch.first_name as "childName", v.duration_minutes as "durationMinutes", v.observation, v.interpretation,
            u.display_name as author, v.created_at as "createdAt"
     from conversations v left join case_children ch on ch.id = v.child_id left join users u on u.id = v.author_id
     where v.case_id = $1 order by v.held_on desc, v.created_at desc`,
    [caseId],
  );
  return r.rows;
}

export async function insertConversation(
  db: Queryable,
  c: {
    caseId: string;
    heldOn: string;
    kind: ConversationKind;
    childId: string | null;
    durationMinutes: number;
    observation: string | null;
    interpretation: string | null;
    authorId: string | null;
  },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into conversations (case_id, held_on, kind, child_id, duration_minutes, observation, interpretation, author_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [c.caseId, c.heldOn, c.kind, c.childId, c.durationMinutes, c.observation, c.interpretation, c.authorId],
  );
  return r.rows[0]!.id;
}

export async function listChildren(db: Queryable, caseId: string) {
  const r = await db.query<{ id: string; firstName: string; birthYear: number | null }>(
    `select id, first_name as "firstName", birth_year as "birthYear" from case_children
     where case_id = $1 order by birth_year nulls last, first_name`,
    [caseId],
  );
  return r.rows;
}

/** Whether the newest consent form for this child records consent for conversations. */
export async function childConsentGiven(db: Queryable, caseId: string, childId: string): Promise<boolean> {
  const r = await db.query<{ given: boolean | null }>(
    `select (content->>'consentGiven')::boolean as given from case_forms
     where case_id = $1 and kind = 'child_consent' and child_id = $2 order by version desc limit 1`,
    [caseId, childId],
  );
  return r.rows[0]?.given === true;
}
