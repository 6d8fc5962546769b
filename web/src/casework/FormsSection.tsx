import { useState } from 'react';
import { useForm } from 'react-hook-form';
import * as generated from '../api/values.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate, formatDateTime } from '../ui/time.ts';
import { type CaseFormValues, caseFormBody, type ReferralValues, referralBody } from './bodies.ts';
import { type Correction, CorrectionHistory } from './Corrections.tsx';
import { errorAt, messageAt, type Problems } from './form.ts';
import { type Forms, useAddSupportReferral, useForms, useSaveForm, useSupportReferrals } from './queries.ts';
import { loadStateOf, todayIso, useCwT, useRefusal } from './shared.tsx';

type Definition = Forms['definitions'][number];
type Answers = CaseFormValues['content'];

/** Each later version of a form as a correction of the one before it (oldest first). */
function correctionsOf(current: Forms['forms'][number]): Correction[] {
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
  const query = useForms(caseData.id);
  const { data } = query;
  const [kind, setKind] = useState('intake');
  const [childId, setChildId] = useState('');
  if (!data) return <LoadState {...loadStateOf(query)} />;
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
}: {
  caseId: string;
  def: Definition;
  childId: string | null;
  current: Forms['forms'][number] | undefined;
  editable: boolean;
}) {
  const { t, i18n } = useCwT();
  const save = useSaveForm(caseId);
  const refusal = useRefusal(save.error);
  const [saved, setSaved] = useState<string | null>(null);
  const label = (key: string) => t(`casework.forms.fields.${def.kind}.${key}`);
  const yesNo = (v: unknown) =>
    v === true ? t('casework.forms.yes') : v === false ? t('casework.forms.no') : String(v);
  const toBody = (v: CaseFormValues) =>
    caseFormBody({ kind: def.kind, childId, baseVersion: current?.version ?? 0 }, v);
  const { register, handleSubmit, formState, watch, setValue } = useForm<CaseFormValues>({
    defaultValues: { content: { ...(current?.content as Answers | undefined) }, reason: '' },
    resolver: withRules(bodyResolver('POST /api/v1/cases/{id}/forms', { toBody }), (v) => {
      const problems: Problems = {};
      for (const f of def.fields)
        if (f.required && (v.content[f.key] === undefined || v.content[f.key] === ''))
          problems[`content.${f.key}`] = t('casework.errors.required');
      if (current && !v.reason.trim()) problems.reason = t('casework.refusals.correction.reasonRequired');
      return problems;
    }),
  });
  const error = (name: string) => errorAt(formState.errors, refusal.fields, name);
  const answers = watch('content');
  const submit = handleSubmit(
    (v) => save.mutate(toBody(v), { onSuccess: () => setSaved(t('casework.saved')) }),
    () => save.reset(),
  );

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
      <ErrorRegion message={refusal.message} />
      <fieldset disabled={!editable} className="cw-fieldset">
        {def.fields.map((f) =>
          f.type === 'yesno' ? (
            <div
              key={f.key}
              className={`utrecht-form-field${error(`content.${f.key}`) ? ' utrecht-form-field--invalid' : ''}`}
            >
              <label className="checkbox">
                {/* set by hand: an unticked box stays unanswered until it is touched */}
                <input
                  type="checkbox"
                  checked={answers[f.key] === true}
                  onChange={(e) => setValue(`content.${f.key}`, e.target.checked)}
                />{' '}
                {label(f.key)}
              </label>
              {error(`content.${f.key}`) && (
                <p className="utrecht-form-field-error-message">{error(`content.${f.key}`)}</p>
              )}
            </div>
          ) : (
            <Field
              key={f.key}
              id={`form-${f.key}`}
              label={`${label(f.key)}${f.required ? ' *' : ''}`}
              error={error(`content.${f.key}`)}
            >
              {(p) =>
                f.type === 'date' ? (
                  <input {...p} type="date" {...register(`content.${f.key}`)} />
                ) : (
                  <textarea {...p} rows={2} {...register(`content.${f.key}`)} />
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
          error={messageAt(formState.errors, refusal.fields, 'reason')}
        >
          {(p) => <input {...p} {...register('reason')} />}
        </Field>
      )}
      {editable && (
        <button
          type="submit"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={save.isPending}
        >
          {t('casework.forms.saveVersion')}
        </button>
      )}
    </form>
  );
}

/** In the server's order (values.ts is generated). */
const SUPPORT_KINDS: readonly ReferralValues['kind'][] = generated.SUPPORT_KINDS;

const emptyReferral = (): ReferralValues => ({
  referredOn: todayIso(),
  kind: 'legal',
  toWhom: '',
  reason: '',
});

function SupportReferrals({ caseId, editable }: { caseId: string; editable: boolean }) {
  const { t, i18n } = useCwT();
  const { data } = useSupportReferrals(caseId);
  const add = useAddSupportReferral(caseId);
  const refusal = useRefusal(add.error);
  const { register, handleSubmit, formState, reset } = useForm<ReferralValues>({
    defaultValues: emptyReferral(),
    resolver: withRules(
      bodyResolver('POST /api/v1/cases/{id}/support-referrals', { toBody: referralBody }),
      (v): Problems => (v.toWhom.trim() ? {} : { toWhom: t('casework.errors.required') }),
    ),
  });
  const error = (name: keyof ReferralValues) => messageAt(formState.errors, refusal.fields, name);
  const submit = handleSubmit(
    (v) => add.mutate(referralBody(v), { onSuccess: () => reset(emptyReferral()) }),
    () => add.reset(),
  );
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
          <ErrorRegion message={refusal.message} />
          <Field id="ref-date" label={t('casework.date')} error={error('referredOn')}>
            {(p) => <input {...p} type="date" max={todayIso()} {...register('referredOn')} />}
          </Field>
          <Field id="ref-kind" label={t('casework.referrals.kind')}>
            {(p) => (
              <select {...p} {...register('kind')}>
                {SUPPORT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`casework.referrals.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="ref-to" label={t('casework.referrals.toWhom')} error={error('toWhom')}>
            {(p) => <input {...p} {...register('toWhom')} />}
          </Field>
          <Field id="ref-reason" label={t('casework.referrals.reason')}>
            {(p) => <input {...p} {...register('reason')} />}
          </Field>
          <button
            type="submit"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={add.isPending}
          >
            {t('casework.referrals.add')}
          </button>
        </form>
      )}
    </section>
  );
}
