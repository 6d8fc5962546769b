import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { CaseCore } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { formatDateTime } from '../ui/time.ts';
import type { Values } from './bodies.ts';
import { messageAt, type Problems } from './form.ts';
import { type Conversations, type CorrectionRoute, useCorrection } from './queries.ts';
import { useCwT, useRefusal } from './shared.tsx';

/** One correction of a recorded entry, as the server keeps it: the whole version before it. */
export type Correction = Conversations['conversations'][number]['corrections'][number];

/** The day the case was referred (YYYY-MM-DD, Dutch calendar), when the case page passed it. */
export function referredOnOf(caseData: CaseCore): string | null {
  const at = (caseData as CaseCore & { referral?: { referredAt?: string } }).referral?.referredAt;
  return at ? new Date(at).toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' }) : null;
}

/**
 * "gecorrigeerd" and the earlier versions of an entry, newest correction first, each with who corrected
 * it, when and why; `show` renders one earlier version in the words of its section.
 */
export function CorrectionHistory({
  corrections,
  show,
}: {
  corrections: Correction[];
  show: (previous: Record<string, unknown>) => ReactNode;
}) {
  const { t, i18n } = useCwT();
  if (corrections.length === 0) return null;
  const lang = i18n.resolvedLanguage ?? 'nl';
  return (
    <div className="cw-corrections" data-testid="corrections">
      <span className="utrecht-status-badge utrecht-status-badge--warning">
        {t('casework.correction.corrected')}
      </span>
      <details>
        <summary>{t('casework.correction.history', { count: corrections.length })}</summary>
        <ol>
          {[...corrections].reverse().map((c) => (
            <li key={c.correctedAt}>
              <p className="muted">
                {t('casework.correction.earlier', {
                  when: formatDateTime(c.correctedAt, lang),
                  who: c.correctedBy ?? '—',
                })}
              </p>
              <p>{t('casework.correction.because', { reason: c.reason })}</p>
              <blockquote className="cw-earlier">{show(c.previous)}</blockquote>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

export interface CorrectionField {
  name: string;
  label: string;
  kind: 'date' | 'time' | 'number' | 'text' | 'textarea' | 'checkbox' | 'select';
  options?: { value: string; label: string }[];
  max?: string;
}

/**
 * Corrects one recorded entry: the fields as they are now, changed in place, and the reason. The
 * section's own check (`check`) and the route's schema speak first, then the server; each names the field
 * in the reader's words.
 */
export function CorrectionForm({
  idPrefix,
  route,
  caseId,
  entryId,
  fields,
  initial,
  check,
  toBody,
  onDone,
  onCancel,
}: {
  idPrefix: string;
  route: CorrectionRoute;
  caseId: string;
  entryId: string;
  fields: CorrectionField[];
  initial: Values;
  check: (v: Values) => Problems;
  toBody: (v: Values) => Record<string, unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useCwT();
  const correct = useCorrection(route, caseId, entryId);
  const refusal = useRefusal(correct.error);
  const bodyOf = (v: Values) => ({ ...toBody(v), reason: String(v.reason ?? '') });
  const { register, handleSubmit, formState } = useForm<Values>({
    defaultValues: { ...initial, reason: '' },
    resolver: withRules(bodyResolver(route, { toBody: bodyOf }), (v) => {
      const problems = check(v);
      if (!String(v.reason ?? '').trim()) problems.reason = t('casework.refusals.correction.reasonRequired');
      return problems;
    }),
  });
  const error = (name: string) => messageAt(formState.errors, refusal.fields, name);
  const submit = handleSubmit(
    (v) => correct.mutate(bodyOf(v), { onSuccess: onDone }),
    () => correct.reset(),
  );

  return (
    <form className="cw-form cw-correction" noValidate onSubmit={submit}>
      <h4>{t('casework.correction.title')}</h4>
      <ErrorRegion message={refusal.message} />
      {fields.map((f) => {
        const id = `${idPrefix}-${f.name}`;
        if (f.kind === 'checkbox')
          return (
            <label key={f.name} className="checkbox">
              <input id={id} type="checkbox" {...register(f.name)} /> {f.label}
            </label>
          );
        return (
          <Field key={f.name} id={id} label={f.label} error={error(f.name)}>
            {(p) => {
              if (f.kind === 'textarea') return <textarea {...p} rows={3} {...register(f.name)} />;
              if (f.kind === 'select')
                return (
                  <select {...p} {...register(f.name)}>
                    {(f.options ?? []).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                );
              return <input {...p} type={f.kind} max={f.max} {...register(f.name)} />;
            }}
          </Field>
        );
      })}
      <Field
        id={`${idPrefix}-reason`}
        label={t('casework.correction.reason')}
        hint={t('casework.correction.reasonHint')}
        error={error('reason')}
      >
        {(p) => <textarea {...p} rows={2} {...register('reason')} />}
      </Field>
      <div className="aware-row cw-row">
        <button
          type="submit"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={correct.isPending}
        >
          {t('casework.correction.save')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>
          {t('casework.cancel')}
        </button>
      </div>
    </form>
  );
}
