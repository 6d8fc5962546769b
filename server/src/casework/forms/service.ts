import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/index.ts';
import { conflict, invalid, invalidFields } from '../../errors.ts';
import { auditWrite, readInCase, userIdOf, writeInCase } from '../access.ts';
import { listChildren } from '../conversations/repository.ts';
import { refuseIf } from '../plausible/life.ts';
import { checkCorrection } from '../plausible/rules.ts';
import { checkForm, FORM_DEFINITIONS, FORM_KINDS, type FormKind } from './definitions.ts';
import * as repo from './repository.ts';

export interface FormInput {
  kind: FormKind;
  childId?: string | null;
  /** the version the edit started from; 0 for a first one */
  baseVersion: number;
  content: Record<string, unknown>;
  /** why this version corrects the one in force; required from the second version on */
  reason?: string | null;
}

const KIND_NL: Record<FormKind, string> = {
  intake: 'intakeformulier',
  strengths_wishes: 'krachten en wensen',
  action_plan: 'actieplan',
  digital_safety_check: 'digitale veiligheidscheck',
  children_form: 'formulier kinderen',
  child_consent: 'toestemming gesprek met kind',
  psycho_education: 'psycho-educatie',
};

/** The newest version of each form, with the versions before it (newest first). */
async function newestForms(db: Queryable, caseId: string) {
  const out: (repo.FormRow & { earlier: repo.FormRow[] })[] = [];
  for (const row of await repo.allVersions(db, caseId)) {
    const head = out[out.length - 1];
    if (head && head.kind === row.kind && head.childId === row.childId) head.earlier.push(row);
    else out.push({ ...row, earlier: [] });
  }
  return out;
}

export function createFormService(db: Database) {
  return {
    /** The definitions, the children, and the newest version of every form filled in on this case. */
    list(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.care.read', 'case_form', async (tx) => ({
        definitions: FORM_KINDS.map((k) => FORM_DEFINITIONS[k]),
        children: (await listChildren(tx, caseId)).map((ch) => ({ id: ch.id, firstName: ch.firstName })),
        forms: await newestForms(tx, caseId),
      }));
    },

    save(ctx: RequestContext, caseId: string, input: FormInput) {
      const checked = checkForm(input.kind, input.content);
      if (!checked.ok) {
        throw invalidFields(checked.errors);
      }
      const perChild = FORM_DEFINITIONS[input.kind].perChild;
      const childId = input.childId ?? null;
      if (perChild && !childId) throw invalid('childId', 'is required for this form', 'child.required');
      if (!perChild && childId)
        throw invalid('childId', 'this form is not filled in per child', 'child.notAllowed');
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        if (childId && !(await listChildren(tx, caseId)).some((ch) => ch.id === childId))
          throw invalid('childId', 'is not a child of this case', 'child.notInCase');
        const current = await repo.newestVersion(tx, caseId, input.kind, childId);
        if (input.baseVersion !== current) {
          throw conflict(
            `this form was changed in the meantime (version ${current}, yours ${input.baseVersion}); reload and try again`,
            'changedMeanwhile',
            'baseVersion',
          );
        }
        const reason = input.reason?.trim() || null;
        if (current > 0) {
          // a later version corrects the one in force: it changes something and says why
          const inForce = (await newestForms(tx, caseId)).find(
            (f) => f.kind === input.kind && f.childId === childId,
          )!;
          const keys = [...new Set([...Object.keys(inForce.content), ...Object.keys(checked.content)])];
          const pick = (c: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, c[k] ?? null]));
          refuseIf(checkCorrection(pick(inForce.content), pick(checked.content), reason).errors);
        }
        const id = await repo.insertFormVersion(tx, {
          caseId,
          kind: input.kind,
          childId,
          version: current + 1,
          content: JSON.stringify(checked.content),
          reason,
          createdBy: userIdOf(ctx),
        });
        await auditWrite(tx, ctx, 'case_form.version', 'case_form', id, caseId, {
          kind: input.kind,
          version: current + 1,
          correction: current > 0,
        });
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'form',
          summary: `${KIND_NL[input.kind]} versie ${current + 1}`,
          message: { code: 'form', params: { form: input.kind, version: current + 1 } },
          actorLabel: ctx.actor.label,
          refType: 'case_form',
          refId: id,
        });
        return (await newestForms(tx, caseId)).find((f) => f.id === id)!;
      });
    },
  };
}

export type FormService = ReturnType<typeof createFormService>;
