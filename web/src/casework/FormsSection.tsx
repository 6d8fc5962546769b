import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate, formatDateTime } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import { type Correction, CorrectionHistory } from './Corrections.tsx';
import { todayIso, useCwT, useSave } from './shared.tsx';

interface Definition {
  kind: string;
  perChild: boolean;
  fields: { key: string; type: 'text' | 'yesno' | 'date'; required?: boolean }[];
}
interface FormsAnswer {
  definitions: Definition[];
  children: { id: string; firstName: string }[];
  forms: (FormVersion & { earlier: FormVersion[] })[];
}
interface FormVersion {
  kind: string;
  childId: string | null;
  version: number;
  content: Record<string, string | boolean>;
  reason: string | null;
  author: string | null;
  createdAt: string;
}

/** Each later version of a form as a correction of the one before it (oldest first). */
function correctionsOf(current: FormsAnswer['forms'][number]): Correction[] {
  const versions = [current, ...current.earlier]; // newest first
  return versions
    .slice(0, -1)
    .map((v, i) => ({
      previous: versions[i + 1]!.content,
      changedFields: [],
      reason: v.reason ?? '—',
      correctedBy: v.author,
      correctedAt: v.createdAt,
    }))
    .reverse();
}

/** The handbook's forms (intake, strengths and wishes, action plan, digital safety check, children) and referrals. */
export function FormsSection({ caseData }: CaseSectionProps) {
  const { t } = useCwT();
  const { data, error, loading, reload } = useApi<FormsAnswer>(`/cases/${caseData.id}/forms`);
  const [kind, setKind] = useState('intake');
  const [childId, setChildId] = useState('');
  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
  const def = data.definitions.find((d) => d.kind === kind)!;
  const child = def.perChild ? childId || data.children[0]?.id || '' : '';
  const current = data.forms.find((f) => f.kind === kind && (f.childId ?? '') === child);

  return (
    <section aria-labelledby="forms-title">
      <h2 id="forms-title">{t('casework.forms.title')}</h2>
      <div className="aware-row cw-row">
        <Field id="form-kind" label={t('casework.forms.pick')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
              {data.definitions.map((d) => (
                <option key={d.kind} value={d.kind}>
                  {t(`casework.forms.kinds.${d.kind}`)}
                  {data.forms.some((f) => f.kind === d.kind) ? ' ✓' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        {def.perChild && (
          <Field id="form-child" label={t('casework.child')}>
            {(p) => (
              <select {...p} value={child} onChange={(e) => setChildId(e.target.value)}>
                {data.children.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.firstName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {def.perChild && data.children.length === 0 ? (
        <p className="muted">{t('casework.forms.noChildren')}</p>
      ) : (
        <CaseForm
          key={`${kind}:${child}:${current?.version ?? 0}`}
          caseId={caseData.id}
          def={def}
          childId={child || null}
          current={current}
          editable={caseData.may.careWrite}
          onSaved={reload}
        />
      )}
      <SupportReferrals caseId={caseData.id} editable={caseData.may.careWrite} />
    </section>
  );
}

function CaseForm({
  caseId,
  def,
  childId,
  current,
  editable,
  onSaved,
}: {
  caseId: string;
  def: Definition;
  childId: string | null;
  current: FormsAnswer['forms'][number] | undefined;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t, i18n } = useCwT();
  const save = useSave(t);
  const [values, setValues] = useState<Record<string, string | boolean>>(() => ({
    ...(current?.content ?? {}),
  }));
  const [saved, setSaved] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const label = (key: string) => t(`casework.forms.fields.${def.kind}.${key}`);
  const yesNo = (v: unknown) =>
    v === true ? t('casework.forms.yes') : v === false ? t('casework.forms.no') : String(v);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    for (const f of def.fields)
      if (f.required && (values[f.key] === undefined || values[f.key] === ''))
        problems[`content/${f.key}`] = t('casework.errors.required');
    if (current && !reason.trim()) problems.reason = t('casework.refusals.correction.reasonRequired');
    if (Object.keys(problems).length > 0) return save.setFields(problems);
    const content = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    void save.run(
      () =>
        api.post(`/cases/${caseId}/forms`, {
          kind: def.kind,
          childId,
          baseVersion: current?.version ?? 0,
          content,
          reason: current ? reason : null,
        }),
      () => {
        setSaved(t('casework.saved'));
        onSaved();
      },
    );
  }

  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-label={t(`casework.forms.kinds.${def.kind}`)}>
      <p className="muted">
        {current
          ? t('casework.forms.version', {
              version: current.version,
              at: formatDateTime(current.createdAt, i18n.resolvedLanguage ?? 'nl'),
              author: current.author ?? '—',
            })
          : t('casework.forms.notYet')}
      </p>
      {current && (
        <CorrectionHistory
          corrections={correctionsOf(current)}
          show={(prev) => (
            <dl className="cw-earlier-form">
              {def.fields
                .filter((f) => prev[f.key] !== undefined && prev[f.key] !== '')
                .map((f) => (
                  <div key={f.key}>
                    <dt>{label(f.key)}</dt>
                    <dd>{yesNo(prev[f.key])}</dd>
                  </div>
                ))}
            </dl>
          )}
        />
      )}
      <StatusRegion message={saved} />
      <ErrorRegion message={save.error} />
      <fieldset disabled={!editable} className="cw-fieldset">
        {def.fields.map((f) =>
          f.type === 'yesno' ? (
            <div
              key={f.key}
              className={`utrecht-form-field${save.fields[`content/${f.key}`] ? ' utrecht-form-field--invalid' : ''}`}
            >
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={values[f.key] === true}
                  onChange={(e) => setValues({ ...values, [f.key]: e.target.checked })}
                />{' '}
                {label(f.key)}
              </label>
              {save.fields[`content/${f.key}`] && (
                <p className="utrecht-form-field-error-message">{save.fields[`content/${f.key}`]}</p>
              )}
            </div>
          ) : (
            <Field
              key={f.key}
              id={`form-${f.key}`}
              label={`${label(f.key)}${f.required ? ' *' : ''}`}
              error={save.fields[`content/${f.key}`]}
            >
              {(p) =>
                f.type === 'date' ? (
                  <input
                    {...p}
                    type="date"
                    value={String(values[f.key] ?? '')}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                  />
                ) : (
                  <textarea
                    {...p}
                    rows={2}
                    value={String(values[f.key] ?? '')}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                  />
                )
              }
            </Field>
          ),
        )}
      </fieldset>
      {editable && current && (
        <Field
          id="form-reason"
          label={t('casework.correction.reason')}
          hint={t('casework.correction.reasonHint')}
          error={save.fields.reason}
        >
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
      {editable && (
        <button
          type="submit"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={save.busy}
        >
          {t('casework.forms.saveVersion')}
        </button>
      )}
    </form>
  );
}

const SUPPORT_KINDS = [
  'legal',
  'trauma_care',
  'youth_care',
  'victim_support',
  'housing',
  'debt',
  'perpetrator_care',
  'other',
];

function SupportReferrals({ caseId, editable }: { caseId: string; editable: boolean }) {
  const { t, i18n } = useCwT();
  const { data, reload } = useApi<
    { id: string; referredOn: string; kind: string; toWhom: string; reason: string | null }[]
  >(`/cases/${caseId}/support-referrals`);
  const save = useSave(t);
  const empty = { referredOn: todayIso(), kind: 'legal', toWhom: '', reason: '' };
  const [v, setV] = useState(empty);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!v.toWhom.trim()) return save.setFields({ toWhom: t('casework.errors.required') });
    void save.run(
      () => api.post(`/cases/${caseId}/support-referrals`, { ...v, reason: v.reason || null }),
      () => {
        setV(empty);
        reload();
      },
    );
  }
  return (
    <section aria-labelledby="referrals-title">
      <h3 id="referrals-title">{t('casework.referrals.title')}</h3>
      <ul className="cw-list">
        {(data ?? []).map((r) => (
          <li key={r.id}>
            {formatDate(r.referredOn, i18n.resolvedLanguage ?? 'nl')} ·{' '}
            {t(`casework.referrals.kinds.${r.kind}`)} · {r.toWhom}
            {r.reason ? ` — ${r.reason}` : ''}
          </li>
        ))}
      </ul>
      {editable && (
        <form
          className="cw-form aware-row cw-row"
          noValidate
          onSubmit={submit}
          aria-label={t('casework.referrals.add')}
        >
          <ErrorRegion message={save.error} />
          <Field id="ref-date" label={t('casework.date')} error={save.fields.referredOn}>
            {(p) => (
              <input
                {...p}
                type="date"
                max={todayIso()}
                value={v.referredOn}
                onChange={(e) => setV({ ...v, referredOn: e.target.value })}
              />
            )}
          </Field>
          <Field id="ref-kind" label={t('casework.referrals.kind')}>
            {(p) => (
              <select {...p} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}>
                {SUPPORT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`casework.referrals.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="ref-to" label={t('casework.referrals.toWhom')} error={save.fields.toWhom}>
            {(p) => (
              <input {...p} value={v.toWhom} onChange={(e) => setV({ ...v, toWhom: e.target.value })} />
            )}
          </Field>
          <Field id="ref-reason" label={t('casework.referrals.reason')}>
            {(p) => (
              <input {...p} value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value })} />
            )}
          </Field>
          <button
            type="submit"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={save.busy}
          >
            {t('casework.referrals.add')}
          </button>
        </form>
      )}
    </section>
  );
}
