import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../api/client.ts';
import type { CaseCore } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useCwT, useSave } from './shared.tsx';

/** One correction of a recorded entry, as the server keeps it: the whole version before it. */
export interface Correction {
  previous: Record<string, unknown>;
  changedFields: string[];
  reason: string;
  correctedBy: string | null;
  correctedAt: string;
}

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

export type Values = Record<string, string | boolean>;

export interface CorrectionField {
  name: string;
  label: string;
  kind: 'date' | 'time' | 'number' | 'text' | 'textarea' | 'checkbox' | 'select';
  options?: { value: string; label: string }[];
  max?: string;
}

/**
 * Corrects one recorded entry: the fields as they are now, changed in place, and the reason. The
 * section's own check speaks first (`check`), then the server's; both name the field in the reader's words.
 */
export function CorrectionForm({
  idPrefix,
  path,
  fields,
  initial,
  check,
  toBody,
  onDone,
  onCancel,
}: {
  idPrefix: string;
  path: string;
  fields: CorrectionField[];
  initial: Values;
  check: (v: Values) => Record<string, string>;
  toBody: (v: Values) => Record<string, unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useCwT();
  const save = useSave(t);
  const [v, setV] = useState<Values>(initial);
  const [reason, setReason] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = check(v);
    if (!reason.trim()) problems.reason = t('casework.refusals.correction.reasonRequired');
    if (Object.keys(problems).length > 0) return save.setFields(problems);
    void save.run(() => api.post(path, { ...toBody(v), reason }), onDone);
  }

  return (
    <form className="cw-form cw-correction" noValidate onSubmit={submit}>
      <h4>{t('casework.correction.title')}</h4>
      <ErrorRegion message={save.error} />
      {fields.map((f) => {
        const id = `${idPrefix}-${f.name}`;
        if (f.kind === 'checkbox')
          return (
            <label key={f.name} className="checkbox">
              <input
                id={id}
                type="checkbox"
                checked={v[f.name] === true}
                onChange={(e) => setV({ ...v, [f.name]: e.target.checked })}
              />{' '}
              {f.label}
            </label>
          );
        return (
          <Field key={f.name} id={id} label={f.label} error={save.fields[f.name]}>
            {(p) => {
              const value = String(v[f.name] ?? '');
              const onChange = (e: { target: { value: string } }) => setV({ ...v, [f.name]: e.target.value });
              if (f.kind === 'textarea')
                return <textarea {...p} rows={3} value={value} onChange={onChange} />;
              if (f.kind === 'select')
                return (
                  <select {...p} value={value} onChange={onChange}>
                    {(f.options ?? []).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                );
              return <input {...p} type={f.kind} max={f.max} value={value} onChange={onChange} />;
            }}
          </Field>
        );
      })}
      <Field
        id={`${idPrefix}-reason`}
        label={t('casework.correction.reason')}
        hint={t('casework.correction.reasonHint')}
        error={save.fields.reason}
      >
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="aware-row cw-row">
        <button
          type="submit"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={save.busy}
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
