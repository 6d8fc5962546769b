import type { Queryable } from '../../db/index.ts';

export type IncidentSource = 'caseworker' | 'alarm' | 'client';

export interface IncidentLogRow {
  id: string;
  /** YYYY-MM-DD, Dutch calendar */
  occurredOn: string;
  /** HH:MM, or null when the time is not known */
  occurredTime: string | null;
  whatHappened: string;
  place: string | null;
  witnesses: string | null;
  evidenceDocumentIds: string[];
  evidence: { id: string; fileName: string }[];
  reportedToPolice: boolean;
  policeReportNumber: string | null;
  source: IncidentSource;
  author: string | null;
  createdAt: Date;
}

/** The fields a correction may change, as stored. */
export const CORRECTABLE = [
  'occurredOn',
  'occurredTime',
  'whatHappened',
  'place',
  'witnesses',
  'reportedToPolice',
  'policeReportNumber',
] as const;

/** Chronological, oldest first: the order a police report reads; a day without a known time comes first. */
export async function listEntries(db: Queryable, caseId: string): Promise<IncidentLogRow[]> {
  const r = await db.query<IncidentLogRow>(
    `select e.id, to_char(e.occurred_on, 'YYYY-MM-DD') as "occurredOn", to_char(e.occurred_time, 'HH24:MI') as "occurredTime",
            e.what_happened as "whatHappened", e.place, e.witnesses, e.evidence_document_ids as "evidenceDocumentIds",
            coalesce((select json_agg(json_build_object('id', d.id, 'fileName', d.file_name) order by d.uploaded_at)
                      from case_documents d where d.id = any(e.evidence_document_ids)), '[]'::json) as evidence,
            e.reported_to_police as "reportedToPolice", e.police_report_number as "policeReportNumber", e.source,
            u.display_name as author, e.created_at as "createdAt"
     from incident_log_entries e left join users u on u.id = e.created_by
     where e.case_id = $1 order by e.occurred_on, e.occurred_time nulls first, e.created_at`,
    [caseId],
  );
  return r.rows;
}

export async function insertEntry(
  tx: Queryable,
  e: {
    caseId: string;
    occurredOn: string;
    occurredTime: string | null;
    whatHappened: string;
    place: string | null;
    witnesses: string | null;
    evidence: string[];
    reportedToPolice: boolean;
    policeReportNumber: string | null;
    source: IncidentSource;
    by: string | null;
  },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into incident_log_entries (case_id, occurred_on, occurred_time, what_happened, place, witnesses,
       evidence_document_ids, reported_to_police, police_report_number, source, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      e.caseId,
      e.occurredOn,
      e.occurredTime,
      e.whatHappened,
      e.place,
      e.witnesses,
      e.evidence,
      e.reportedToPolice,
      e.policeReportNumber,
      e.source,
      e.by,
    ],
  );
  return r.rows[0]!.id;
}

export async function updateEntry(
  tx: Queryable,
  id: string,
  e: Pick<IncidentLogRow, (typeof CORRECTABLE)[number]>,
): Promise<void> {
  await tx.query(
    `update incident_log_entries set occurred_on = $2, occurred_time = $3, what_happened = $4, place = $5,
       witnesses = $6, reported_to_police = $7, police_report_number = $8 where id = $1`,
    [
      id,
      e.occurredOn,
      e.occurredTime,
      e.whatHappened,
      e.place,
      e.witnesses,
      e.reportedToPolice,
      e.policeReportNumber,
    ],
  );
}

/**
 * The incident an alarm became, in the case's one incident log: written in the transaction in which the
 * police close the alarm, at the moment the alarm came in (Dutch wall-clock time). Once per alarm.
 */
export async function logAlarmIncident(
  tx: Queryable,
  e: { caseId: string; alarmId: string; receivedAt: Date; whatHappened: string },
): Promise<void> {
  await tx.query(
    `insert into incident_log_entries (case_id, occurred_on, occurred_time, what_happened, source, alarm_id)
     select $1, ($3::timestamptz at time zone 'Europe/Amsterdam')::date,
            date_trunc('minute', $3::timestamptz at time zone 'Europe/Amsterdam')::time, $4, 'alarm', $2
     where not exists (select 1 from incident_log_entries where alarm_id = $2)`,
    [e.caseId, e.alarmId, e.receivedAt, e.whatHappened],
  );
}

/** How many of these documents belong to the case. */
export async function countCaseDocuments(tx: Queryable, caseId: string, ids: string[]): Promise<number> {
  const r = await tx.query<{ n: number }>(
    'select count(*)::int as n from case_documents where case_id = $1 and id = any($2::uuid[])',
    [caseId, ids],
  );
  return r.rows[0]!.n;
}

export async function clientLanguage(tx: Queryable, caseId: string): Promise<string | null> {
  const r = await tx.query<{ language: string | null }>('select language from clients where case_id = $1', [
    caseId,
  ]);
  return r.rows[0]?.language ?? null;
}
