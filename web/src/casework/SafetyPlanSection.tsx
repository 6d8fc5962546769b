import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { API_BASE } from '../api/client.ts';
import * as generated from '../api/values.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDateTime } from '../ui/time.ts';
import { type PlanSection, type PlanValues, planBody, planContent } from './bodies.ts';
import { errorAt, messageAt, type Problems } from './form.ts';
import { type SafetyPlan, useSafetyPlan, useSaveSafetyPlan } from './queries.ts';
import { loadStateOf, useCwT, useRefusal } from './shared.tsx';

/** In the plan's own order, from the server's schema (values.ts is generated). */
export const PLAN_SECTIONS: readonly PlanSection[] = generated.PLAN_SECTIONS;
type Content = NonNullable<SafetyPlan['plan']>['content'];

/** The safety plan: the version in force, every earlier version with what changed, edit (a new version) and print. */
export function SafetyPlanSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCwT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const [shown, setShown] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const query = useSafetyPlan(caseData.id, shown);
  const { data } = query;
  if (!data) return <LoadState {...loadStateOf(query)} />;
  const newest = data.versions[0]?.version ?? 0;
  const plan = data.plan;
  const pdf = `${API_BASE}/cases/${caseData.id}/safety-plan/pdf${plan ? `?version=${plan.version}` : ''}`;

  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('casework.plan.title')}</h2>
      <StatusRegion message={saved} />
      <div className="aware-row cw-toolbar">
        {plan && (
          <span data-testid="plan-version">
            {t('casework.plan.version', { version: plan.version, at: formatDateTime(plan.createdAt, lang) })}
            {plan.version !== newest && <strong> — {t('casework.plan.older')}</strong>}
          </span>
        )}
        {plan && (
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={pdf}
            target="_blank"
            rel="noopener"
            data-testid="plan-pdf"
          >
            {t('casework.plan.print')}
          </a>
        )}
        {caseData.may.careWrite && !editing && (shown === null || shown === newest) && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => setEditing(true)}
          >
            {plan ? t('casework.plan.edit') : t('casework.plan.create')}
          </button>
        )}
      </div>
      {editing ? (
        <PlanForm
          caseId={caseData.id}
          base={plan && plan.version === newest ? plan : null}
          baseVersion={newest}
          onDone={(version) => {
            setEditing(false);
            setShown(null);
            if (version) setSaved(t('casework.plan.saved', { version }));
          }}
        />
      ) : plan ? (
        <div className="plan">
          {PLAN_SECTIONS.map((s) => (
            <div key={s} className="plan__section">
              <h3>{t(`casework.plan.sections.${s}`)}</h3>
              {plan.content[s]?.length ? (
                <ul>
                  {plan.content[s].map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('casework.none')}</p>
              )}
            </div>
          ))}
        </div>
      ) : (
        <p>{t('casework.plan.empty')}</p>
      )}
      {plan && plan.version > 1 && (
        <section aria-labelledby="plan-changes-title" className="plan-changes">
          <h3 id="plan-changes-title">
            {t('casework.plan.changes', { from: plan.version - 1, to: plan.version })}
          </h3>
          {data.changes.length === 0 && <p className="muted">{t('casework.plan.noChanges')}</p>}
          {data.changes.map((c) => (
            <div key={c.section}>
              <strong>{t(`casework.plan.sections.${c.section}`)}</strong>
              <ul>
                {c.added.map((l) => (
                  <li key={`+${l}`} className="diff-added">
                    + {l}
                  </li>
                ))}
                {c.removed.map((l) => (
                  <li key={`-${l}`} className="diff-removed">
                    − <del>{l}</del>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      <h3>{t('casework.plan.versions')}</h3>
      <ul className="cw-list" data-testid="plan-versions">
        {data.versions.map((v) => (
          <li key={v.version}>
            <button
              type="button"
              className="utrecht-link-button utrecht-link-button--html-button"
              onClick={() => setShown(v.version)}
              aria-current={plan?.version === v.version}
            >
              {t('casework.plan.versionShort', { version: v.version })}
            </button>{' '}
            {formatDateTime(v.createdAt, lang)} · {v.author ?? '—'}
            {v.reason ? ` · ${v.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The plan's sections as text, one item per line. */
const asText = (content: Partial<Content> | undefined) =>
  Object.fromEntries(PLAN_SECTIONS.map((s) => [s, (content?.[s] ?? []).join('\n')])) as PlanValues['content'];

function PlanForm({
  caseId,
  base,
  baseVersion,
  onDone,
}: {
  caseId: string;
  base: { content: Partial<Content> } | null;
  baseVersion: number;
  onDone: (version?: number) => void;
}) {
  const { t } = useCwT();
  const save = useSaveSafetyPlan(caseId);
  const refusal = useRefusal(save.error);
  const toBody = (v: PlanValues) => planBody(PLAN_SECTIONS, baseVersion, v);
  const { register, handleSubmit, formState } = useForm<PlanValues>({
    defaultValues: { content: asText(base?.content), reason: '' },
    resolver: withRules(bodyResolver('POST /api/v1/cases/{id}/safety-plan', { toBody }), (v) =>
      planProblems(v, base, baseVersion, t),
    ),
  });
  const submit = handleSubmit(
    (v) => save.mutate(toBody(v), { onSuccess: ({ version }) => onDone(version) }),
    () => save.reset(),
  );
  const unchanged = messageAt(formState.errors, refusal.fields, 'content');

  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-label={t('casework.plan.edit')}>
      <p className="muted">{t('casework.plan.oneLine')}</p>
      <ErrorRegion message={refusal.message} />
      {unchanged && (
        <p className="utrecht-form-field-error-message" data-testid="plan-unchanged">
          {unchanged}
        </p>
      )}
      {PLAN_SECTIONS.map((s) => (
        <Field
          key={s}
          id={`plan-${s}`}
          label={t(`casework.plan.sections.${s}`)}
          error={errorAt(formState.errors, refusal.fields, `content.${s}`)}
        >
          {(p) => <textarea {...p} rows={3} {...register(`content.${s}`)} />}
        </Field>
      ))}
      <Field
        id="plan-reason"
        label={t('casework.plan.reason')}
        error={messageAt(formState.errors, refusal.fields, 'reason')}
      >
        {(p) => <input {...p} {...register('reason')} />}
      </Field>
      <div className="aware-row cw-toolbar">
        <button
          type="submit"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={save.isPending}
        >
          {t('casework.plan.saveVersion')}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => onDone()}
        >
          {t('casework.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * A plan needs an agreement for when the button is pressed; a later version changes something and says
 * why (the server checks the same).
 */
function planProblems(
  v: PlanValues,
  base: { content: Partial<Content> } | null,
  baseVersion: number,
  t: ReturnType<typeof useCwT>['t'],
): Problems {
  const content = planContent(PLAN_SECTIONS, v.content);
  if (content.alarmAgreements.length === 0)
    return { 'content.alarmAgreements': t('casework.plan.agreementsRequired') };
  if (baseVersion === 0) return {};
  const problems: Problems = {};
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((l, i) => l === b[i]);
  const before = planContent(PLAN_SECTIONS, asText(base?.content));
  if (base && PLAN_SECTIONS.every((s) => same(content[s], before[s])))
    problems.content = t('casework.refusals.plan.unchanged');
  if (!v.reason.trim()) problems.reason = t('casework.refusals.plan.reasonRequired');
  return problems;
}
