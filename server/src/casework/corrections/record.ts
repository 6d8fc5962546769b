import { createHash } from 'node:crypto';
import type { RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/index.ts';
import { auditWrite, userIdOf } from '../access.ts';
import { refuseIf } from '../plausible/life.ts';
import { checkCorrection } from '../plausible/rules.ts';
import { type CorrectedRecord, insertCorrection } from './repository.ts';

/**
 * Checks and keeps a correction of one recorded entry: refused (400) without a reason or without a change;
 * otherwise the whole earlier version goes to the history and the audit entry names the changed fields and a
 * SHA-256 of the earlier values (the audit log holds no personal data, yet shows the history untouched).
 * The caller then writes the new values. Answers the fields that changed.
 */
export async function keepCorrection(
  tx: Queryable,
  ctx: RequestContext,
  entry: {
    caseId: string;
    recordType: CorrectedRecord;
    recordId: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    reason: string | null | undefined;
    extraErrors?: ReturnType<typeof checkCorrection>['errors'];
  },
): Promise<string[]> {
  const { errors, changed } = checkCorrection(entry.before, entry.after, entry.reason);
  refuseIf([...(entry.extraErrors ?? []), ...errors]);
  const previous = entry.before;
  const id = await insertCorrection(tx, {
    caseId: entry.caseId,
    recordType: entry.recordType,
    recordId: entry.recordId,
    previous,
    changedFields: changed,
    reason: entry.reason!.trim(),
    by: userIdOf(ctx),
  });
  await auditWrite(tx, ctx, `${entry.recordType}.correct`, entry.recordType, entry.recordId, entry.caseId, {
    correctionId: id,
    fields: changed,
    previousSha256: createHash('sha256').update(JSON.stringify(previous)).digest('hex'),
  });
  return changed;
}
