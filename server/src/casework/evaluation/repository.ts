import type { Queryable } from '../../db/index.ts';

/** Evaluations, goals and extensions of a case (phase 4). */

/** One evaluation as a correction compares it (the moment stays: another moment is another evaluation). */
export async function findEvaluation(db: Queryable, caseId: string, id: string) {
  const r = await db.query<Record<string, unknown>>(
    `select to_char(evaluated_on, 'YYYY-MM-DD') as "evaluatedOn", moment, safety_scale as "safetyScale",
            client_safety_rating as "clientSafetyRating", caseworker_rating::float as "caseworkerRating",
            collaboration_rating::float as "collaborationRating", notes
     from evaluations where case_id = $1 and id = $2`,
    [caseId, id],
  );
  const row = r.rows[0];
  if (!row) return null;
  const { moment, ...fields } = row;
  return Object.assign(fields, { moment }) as Record<string, unknown> & { moment: unknown };
}

/** The rows behind the phase-4 overview: the case, its evaluations, goals, extensions and devices. */
export function overviewRows(db: Queryable, caseId: string) {
  return Promise.all([
    db.query(
      `select status, version, to_char(planned_end_on, 'YYYY-MM-DD') as "plannedEndOn", active_since as "activeSince",
              closed_at as "closedAt", closure_reason as "closureReason", device_return as "deviceReturn"
       from cases where id = $1`,
      [caseId],
    ),
    db.query(
      `select e.id, to_char(e.evaluated_on, 'YYYY-MM-DD') as "evaluatedOn", e.moment, e.safety_scale as "safetyScale",
              e.client_safety_rating as "clientSafetyRating", e.caseworker_rating::float as "caseworkerRating",
              e.collaboration_rating::float as "collaborationRating", e.notes, u.display_name as author
       from evaluations e left join users u on u.id = e.created_by where e.case_id = $1 order by e.evaluated_on, e.created_at`,
      [caseId],
    ),
    db.query(
      `select id, description, to_char(set_on, 'YYYY-MM-DD') as "setOn", result,
              to_char(evaluated_on, 'YYYY-MM-DD') as "evaluatedOn"
       from case_goals where case_id = $1 order by set_on, description`,
      [caseId],
    ),
    db.query(
      `select x.id, to_char(x.previous_end_on, 'YYYY-MM-DD') as "previousEndOn", to_char(x.new_end_on, 'YYYY-MM-DD') as "newEndOn",
              x.rationale, x.decided_at as "decidedAt", u.display_name as "decidedBy"
       from case_extensions x left join users u on u.id = x.decided_by where x.case_id = $1 order by x.decided_at`,
      [caseId],
    ),
    db.query<{ id: string; serial: string; model: string }>(
      `select d.id, d.serial, d.model from device_assignments a join devices d on d.id = a.device_id
       where a.case_id = $1 and a.unassigned_at is null`,
      [caseId],
    ),
  ]);
}

export interface EvaluationAnswers {
  evaluatedOn: string;
  safetyScale: string | null;
  clientSafetyRating: number | null;
  caseworkerRating: number | null;
  collaborationRating: number | null;
  notes: string | null;
}

export async function insertEvaluation(
  tx: Queryable,
  caseId: string,
  e: EvaluationAnswers & { moment: string; createdBy: string | null },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into evaluations (case_id, evaluated_on, moment, safety_scale, client_safety_rating, caseworker_rating,
       collaboration_rating, notes, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      caseId,
      e.evaluatedOn,
      e.moment,
      e.safetyScale,
      e.clientSafetyRating,
      e.caseworkerRating,
      e.collaborationRating,
      e.notes,
      e.createdBy,
    ],
  );
  return r.rows[0]!.id;
}

export async function updateEvaluation(tx: Queryable, id: string, e: EvaluationAnswers) {
  await tx.query(
    `update evaluations set evaluated_on = $2, safety_scale = $3, client_safety_rating = $4, caseworker_rating = $5,
       collaboration_rating = $6, notes = $7 where id = $1`,
    [
      id,
      e.evaluatedOn,
      e.safetyScale,
      e.clientSafetyRating,
      e.caseworkerRating,
      e.collaborationRating,
      e.notes,
    ],
  );
}

export async function insertGoal(
  tx: Queryable,
  caseId: string,
  description: string,
  setOn: string,
  createdBy: string | null,
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into case_goals (case_id, description, set_on, created_by) values ($1, $2, $3, $4) returning id`,
    [caseId, description, setOn, createdBy],
  );
  return r.rows[0]!.id;
}

/** false when the goal is not one of this case's */
export async function evaluateGoal(
  tx: Queryable,
  caseId: string,
  goalId: string,
  result: string,
  evaluatedOn: string,
): Promise<boolean> {
  const r = await tx.query(
    'update case_goals set result = $3, evaluated_on = $4 where id = $1 and case_id = $2',
    [goalId, caseId, result, evaluatedOn],
  );
  return r.rowCount > 0;
}

export async function plannedEndOf(tx: Queryable, caseId: string): Promise<string | null> {
  const r = await tx.query<{ plannedEndOn: string | null }>(
    `select to_char(planned_end_on, 'YYYY-MM-DD') as "plannedEndOn" from cases where id = $1`,
    [caseId],
  );
  return r.rows[0]?.plannedEndOn ?? null;
}

export async function insertExtension(
  tx: Queryable,
  caseId: string,
  x: { previousEndOn: string | null; newEndOn: string; rationale: string; decidedBy: string | null },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into case_extensions (case_id, previous_end_on, new_end_on, rationale, decided_by)
     values ($1, $2, $3, $4, $5) returning id`,
    [caseId, x.previousEndOn, x.newEndOn, x.rationale, x.decidedBy],
  );
  return r.rows[0]!.id;
}

/** Devices still assigned to the case. */
export async function devicesWithCase(tx: Queryable, caseId: string): Promise<string[]> {
  const r = await tx.query<{ id: string }>(
    'select device_id as id from device_assignments where case_id = $1 and unassigned_at is null',
    [caseId],
  );
  return r.rows.map((d) => d.id);
}
