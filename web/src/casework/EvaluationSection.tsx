import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Body } from '../api/contract.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import {
  type EvaluationValues,
  evaluationBody,
  evaluationCorrectionBody,
  ratingOf,
  type Values,
} from './bodies.ts';
import { CorrectionForm, CorrectionHistory, referredOnOf } from './Corrections.tsx';
import { messageAt, type Problems } from './form.ts';
import { caseDateProblem } from './plausible.ts';
import {
  type Evaluation,
  useAddEvaluation,
  useAddGoal,
  useClose,
  useEvaluation,
  useExtend,
  useRateGoal,
  useStartEvaluation,
} from './queries.ts';
import { loadStateOf, todayIso, useCwT, useRefusal } from './shared.tsx';

type LooseT = ReturnType<typeof useCwT>['t'];
const RATINGS = ['clientSafetyRating', 'caseworkerRating', 'collaborationRating'] as const;

/** The checks a new evaluation and a correction share: a date within the case's life, ratings, an answer. */
function evaluationProblems(
  v: Values | EvaluationValues,
  referredOn: string | null,
  t: LooseT,
  lang: string,
): Problems {
  const problems: Problems = {};
  for (const k of RATINGS) {
    const n = ratingOf(v[k]);
    if (
      n !== null &&
      (Number.isNaN(n) || n < 0 || n > 10 || (k === 'clientSafetyRating' && !Number.isInteger(n)))
    )
      problems[k] = t(
        k === 'clientSafetyRating' ? 'casework.errors.rating' : 'casework.errors.ratingDecimal',
      );
  }
  const date = caseDateProblem(String(v.evaluatedOn ?? ''), referredOn, t, lang);
  if (date) problems.evaluatedOn = date;
  const answered =
    String(v.safetyScale ?? '') !== '' ||
    RATINGS.some((k) => String(v[k] ?? '').trim() !== '') ||
    String(v.notes ?? '').trim() !== '';
  if (!answered) problems.safetyScale = t('casework.refusals.evaluation.empty');
  return problems;
}

/** Phase 4: evaluations (safety scale, her own rating), goals, start of the evaluation, extension and closure. */
export function EvaluationSection({ caseData, reload: reloadCase }: CaseSectionProps) {
  const { t, i18n } = useCwT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const query = useEvaluation(caseData.id);
  const { data } = query;
  const start = useStartEvaluation(caseData.id);
  const refusal = useRefusal(start.error);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const referredOn = referredOnOf(caseData);
  if (!data) return <LoadState {...loadStateOf(query)} />;
  const open = ['active', 'evaluation', 'connecting'].includes(data.status);

  return (
    <section aria-labelledby="evaluation-title">
      <h2 id="evaluation-title">{t('casework.evaluation.title')}</h2>
      <p>
        {t('casework.evaluation.plannedEnd')}:{' '}
        <strong>{data.plannedEndOn ? formatDate(data.plannedEndOn, lang) : '—'}</strong>
      </p>
      <ErrorRegion message={refusal.message} />
      {data.evaluations.length === 0 ? (
        <p className="muted">{t('casework.none')}</p>
      ) : (
        <table className="cw-table" data-testid="evaluations">
          <caption>{t('casework.evaluation.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('casework.date')}</th>
              <th scope="col">{t('casework.evaluation.moment')}</th>
              <th scope="col">{t('casework.evaluation.scale')}</th>
              <th scope="col">{t('casework.evaluation.clientRating')}</th>
              <th scope="col">{t('casework.evaluation.caseworkerRating')}</th>
              <th scope="col">{t('casework.evaluation.collaborationRating')}</th>
              <th scope="col">{t('casework.evaluation.notes')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('casework.correction.title')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.evaluations.map((e) => (
              <tr key={e.id}>
                <td>{formatDate(e.evaluatedOn, lang)}</td>
                <td>{t(`casework.evaluation.moments.${e.moment}`)}</td>
                <td>{e.safetyScale ?? '—'}</td>
                <td>{e.clientSafetyRating ?? '—'}</td>
                <td>{e.caseworkerRating ?? '—'}</td>
                <td>{e.collaborationRating ?? '—'}</td>
                <td>{e.notes}</td>
                <td>
                  <CorrectionHistory
                    corrections={e.corrections}
                    show={(prev) => (
                      <>
                        {formatDate(String(prev.evaluatedOn), lang)} · {t('casework.evaluation.scale')}:{' '}
                        {String(prev.safetyScale ?? '—')} · {t('casework.evaluation.clientRating')}:{' '}
                        {String(prev.clientSafetyRating ?? '—')} · {t('casework.evaluation.caseworkerRating')}
                        : {String(prev.caseworkerRating ?? '—')} ·{' '}
                        {t('casework.evaluation.collaborationRating')}:{' '}
                        {String(prev.collaborationRating ?? '—')}
                        {prev.notes ? <p>{String(prev.notes)}</p> : null}
                      </>
                    )}
                  />
                  {caseData.may.careWrite && correcting !== e.id && (
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action"
                      onClick={() => setCorrecting(e.id)}
                    >
                      {t('casework.correction.correct')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.evaluations
        .filter((e) => e.id === correcting)
        .map((e) => (
          <CorrectionForm
            key={e.id}
            idPrefix={`evc-${e.id}`}
            route="POST /api/v1/cases/{id}/evaluations/{entryId}/corrections"
            caseId={caseData.id}
            entryId={e.id}
            fields={[
              { name: 'evaluatedOn', label: t('casework.date'), kind: 'date', max: todayIso() },
              {
                name: 'safetyScale',
                label: t('casework.evaluation.scale'),
                kind: 'select',
                options: [
                  { value: '', label: '—' },
                  ...['0', '6', '7', '7+'].map((s) => ({
                    value: s,
                    label: t(`casework.evaluation.scales.${s === '7+' ? 'sevenPlus' : s}`),
                  })),
                ],
              },
              ...RATINGS.map((k) => ({
                name: k,
                label: t(`casework.evaluation.${k === 'clientSafetyRating' ? 'clientRating' : k}`),
                kind: 'text' as const,
              })),
              { name: 'notes', label: t('casework.evaluation.notes'), kind: 'textarea' },
            ]}
            initial={{
              evaluatedOn: e.evaluatedOn,
              safetyScale: e.safetyScale ?? '',
              clientSafetyRating: e.clientSafetyRating === null ? '' : String(e.clientSafetyRating),
              caseworkerRating: e.caseworkerRating === null ? '' : String(e.caseworkerRating),
              collaborationRating: e.collaborationRating === null ? '' : String(e.collaborationRating),
              notes: e.notes ?? '',
            }}
            check={(v) => evaluationProblems(v, referredOn, t, lang)}
            toBody={evaluationCorrectionBody}
            onDone={() => setCorrecting(null)}
            onCancel={() => setCorrecting(null)}
          />
        ))}
      {caseData.may.careWrite && open && (
        <EvaluationForm
          caseId={caseData.id}
          referredOn={referredOn}
          inEvaluation={data.status === 'evaluation'}
          onSaved={reloadCase}
        />
      )}
      <Goals
        caseId={caseData.id}
        goals={data.goals}
        editable={caseData.may.careWrite && open}
        onSaved={reloadCase}
      />
      {data.extensions.length > 0 && (
        <>
          <h3>{t('casework.evaluation.extensions')}</h3>
          <ul className="cw-list">
            {data.extensions.map((x) => (
              <li key={x.id}>
                {x.previousEndOn ? formatDate(x.previousEndOn, lang) : '—'} →{' '}
                <strong>{formatDate(x.newEndOn, lang)}</strong>: {x.rationale}
              </li>
            ))}
          </ul>
        </>
      )}
      {data.status === 'closed' && (
        <p data-testid="closed">
          {t('casework.evaluation.closedOn', { on: formatDate(data.closedAt, lang) })} ·{' '}
          {t(`casework.evaluation.returns.${data.deviceReturn}`)} · {data.closureReason}
        </p>
      )}
      {caseData.may.connect && data.status === 'active' && (
        <StartForm
          version={data.version}
          onSubmit={(body) => {
            start.mutate(body, { onSuccess: reloadCase });
          }}
        />
      )}
      {caseData.may.connect && data.status === 'evaluation' && (
        <>
          <ExtensionForm caseId={caseData.id} version={data.version} onSaved={reloadCase} />
          <ClosureForm
            caseId={caseData.id}
            version={data.version}
            hasDevice={data.devices.length > 0}
            onSaved={reloadCase}
          />
        </>
      )}
    </section>
  );
}

type StartValues = Body<'/api/v1/cases/{id}/evaluation/start', 'post'>;

/** Why the evaluation starts now, at the case version the section shows; the section sends it. */
function StartForm({ version, onSubmit }: { version: number; onSubmit: (body: StartValues) => void }) {
  const { t } = useCwT();
  const toBody = (v: { rationale: string }): StartValues => ({ version, rationale: v.rationale });
  const { register, handleSubmit, formState } = useForm<{ rationale: string }>({
    defaultValues: { rationale: '' },
    resolver: withRules(
      bodyResolver('POST /api/v1/cases/{id}/evaluation/start', { toBody }),
      (v): Problems => (v.rationale.trim() ? {} : { rationale: t('casework.errors.required') }),
    ),
  });
  return (
    <form
      className="cw-form"
      noValidate
      aria-label={t('casework.evaluation.start')}
      onSubmit={handleSubmit((v) => onSubmit(toBody(v)))}
    >
      <Field
        id="reason-start"
        label={t('casework.evaluation.startRationale')}
        error={formState.errors.rationale?.message}
      >
        {(p) => <textarea {...p} rows={2} {...register('rationale')} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('casework.evaluation.start')}
      </button>
    </form>
  );
}

function EvaluationForm({
  caseId,
  referredOn,
  inEvaluation,
  onSaved,
}: {
  caseId: string;
  referredOn: string | null;
  inEvaluation: boolean;
  onSaved: () => void;
}) {
  const { t, i18n } = useCwT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const add = useAddEvaluation(caseId);
  const refusal = useRefusal(add.error);
  const empty = (): EvaluationValues => ({
    evaluatedOn: todayIso(),
    moment: inEvaluation ? 'end' : 'interim',
    safetyScale: '',
    clientSafetyRating: '',
    caseworkerRating: '',
    collaborationRating: '',
    notes: '',
  });
  const { register, handleSubmit, formState, reset } = useForm<EvaluationValues>({
    defaultValues: empty(),
    resolver: withRules(
      bodyResolver('POST /api/v1/cases/{id}/evaluations', { toBody: evaluationBody }),
      (v) => evaluationProblems(v, referredOn, t, lang),
    ),
  });
  const error = (name: keyof EvaluationValues) => messageAt(formState.errors, refusal.fields, name);
  const submit = handleSubmit(
    (v) =>
      add.mutate(evaluationBody(v), {
        onSuccess: () => {
          reset(empty());
          onSaved();
        },
      }),
    () => add.reset(),
  );
  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="eval-form-title">
      <h3 id="eval-form-title">{t('casework.evaluation.add')}</h3>
      <ErrorRegion message={refusal.message} />
      <div className="aware-row cw-row">
        <Field id="ev-date" label={t('casework.date')} error={error('evaluatedOn')}>
          {(p) => <input {...p} type="date" max={todayIso()} {...register('evaluatedOn')} />}
        </Field>
        <Field id="ev-moment" label={t('casework.evaluation.moment')} error={error('moment')}>
          {(p) => (
            <select {...p} {...register('moment')}>
              {['start', 'interim', 'end'].map((m) => (
                <option key={m} value={m}>
                  {t(`casework.evaluation.moments.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="ev-scale"
          label={t('casework.evaluation.scale')}
          hint={t('casework.evaluation.scaleHint')}
          error={error('safetyScale')}
        >
          {(p) => (
            <select {...p} {...register('safetyScale')}>
              <option value="">—</option>
              {['0', '6', '7', '7+'].map((s) => (
                <option key={s} value={s}>
                  {t(`casework.evaluation.scales.${s === '7+' ? 'sevenPlus' : s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="aware-row cw-row">
        <Field
          id="ev-client"
          label={t('casework.evaluation.clientRating')}
          error={error('clientSafetyRating')}
        >
          {(p) => <input {...p} inputMode="numeric" {...register('clientSafetyRating')} />}
        </Field>
        <Field id="ev-cw" label={t('casework.evaluation.caseworkerRating')} error={error('caseworkerRating')}>
          {(p) => <input {...p} inputMode="decimal" {...register('caseworkerRating')} />}
        </Field>
        <Field
          id="ev-collab"
          label={t('casework.evaluation.collaborationRating')}
          error={error('collaborationRating')}
        >
          {(p) => <input {...p} inputMode="decimal" {...register('collaborationRating')} />}
        </Field>
      </div>
      <Field id="ev-notes" label={t('casework.evaluation.notes')}>
        {(p) => <textarea {...p} rows={2} {...register('notes')} />}
      </Field>
      <button
        type="submit"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={add.isPending}
      >
        {t('casework.evaluation.add')}
      </button>
    </form>
  );
}

function Goals({
  caseId,
  goals,
  editable,
  onSaved,
}: {
  caseId: string;
  goals: Evaluation['goals'];
  editable: boolean;
  onSaved: () => void;
}) {
  const { t, i18n } = useCwT();
  const add = useAddGoal(caseId);
  const rate = useRateGoal(caseId);
  const refusal = useRefusal(add.error ?? rate.error);
  const toBody = (v: { description: string }): Body<'/api/v1/cases/{id}/goals', 'post'> => ({
    description: v.description,
    setOn: todayIso(),
  });
  const { register, handleSubmit, formState, reset } = useForm<{ description: string }>({
    defaultValues: { description: '' },
    resolver: withRules(
      bodyResolver('POST /api/v1/cases/{id}/goals', { toBody }),
      (v): Problems => (v.description.trim() ? {} : { description: t('casework.errors.required') }),
    ),
  });
  const submit = handleSubmit(
    (v) => {
      rate.reset();
      add.mutate(toBody(v), {
        onSuccess: () => {
          reset({ description: '' });
          onSaved();
        },
      });
    },
    () => add.reset(),
  );
  return (
    <section aria-labelledby="goals-title">
      <h3 id="goals-title">{t('casework.evaluation.goals')}</h3>
      <ErrorRegion message={refusal.message} />
      <ul className="cw-list">
        {goals.map((g) => (
          <li key={g.id}>
            {g.description}{' '}
            <span className="muted">({formatDate(g.setOn, i18n.resolvedLanguage ?? 'nl')})</span>{' '}
            {editable ? (
              <select
                aria-label={t('casework.evaluation.goalResult', { goal: g.description })}
                value={g.result ?? ''}
                onChange={(e) => {
                  const result = e.target.value as GoalResult | '';
                  if (!result) return;
                  add.reset();
                  rate.mutate({ goalId: g.id, result, evaluatedOn: todayIso() }, { onSuccess: onSaved });
                }}
              >
                <option value="">{t('casework.evaluation.notEvaluated')}</option>
                {GOAL_RESULTS.map((r) => (
                  <option key={r} value={r}>
                    {t(`casework.evaluation.results.${r}`)}
                  </option>
                ))}
              </select>
            ) : (
              <strong>
                {g.result
                  ? t(`casework.evaluation.results.${g.result}`)
                  : t('casework.evaluation.notEvaluated')}
              </strong>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form
          className="aware-row cw-row"
          noValidate
          aria-label={t('casework.evaluation.addGoal')}
          onSubmit={submit}
        >
          <Field
            id="goal-description"
            label={t('casework.evaluation.goal')}
            error={messageAt(formState.errors, refusal.fields, 'description')}
          >
            {(p) => <input {...p} {...register('description')} />}
          </Field>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('casework.evaluation.addGoal')}
          </button>
        </form>
      )}
    </section>
  );
}

type GoalResult = Body<'/api/v1/cases/{id}/goals/result', 'post'>['result'];
const GOAL_RESULTS: readonly GoalResult[] = ['met', 'partly_met', 'not_met'];

type ExtensionBody = Body<'/api/v1/cases/{id}/extension', 'post'>;

function ExtensionForm({
  caseId,
  version,
  onSaved,
}: {
  caseId: string;
  version: number;
  onSaved: () => void;
}) {
  const { t } = useCwT();
  const extend = useExtend(caseId);
  const refusal = useRefusal(extend.error);
  const toBody = (v: Omit<ExtensionBody, 'version'>): ExtensionBody => ({ version, ...v });
  const { register, handleSubmit, formState } = useForm<Omit<ExtensionBody, 'version'>>({
    defaultValues: { newEndOn: '', rationale: '' },
    resolver: withRules(bodyResolver('POST /api/v1/cases/{id}/extension', { toBody }), (v) => {
      const problems: Problems = {};
      if (!v.newEndOn || v.newEndOn <= todayIso()) problems.newEndOn = t('casework.errors.afterToday');
      if (!v.rationale.trim()) problems.rationale = t('casework.errors.required');
      return problems;
    }),
  });
  const error = (name: string) => messageAt(formState.errors, refusal.fields, name);
  const submit = handleSubmit(
    (v) => extend.mutate(toBody(v), { onSuccess: onSaved }),
    () => extend.reset(),
  );
  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="extension-title">
      <h3 id="extension-title">{t('casework.evaluation.extend')}</h3>
      <ErrorRegion message={refusal.message} />
      <Field id="ext-end" label={t('casework.evaluation.newEnd')} error={error('newEndOn')}>
        {(p) => <input {...p} type="date" min={todayIso()} {...register('newEndOn')} />}
      </Field>
      <Field id="ext-rationale" label={t('casework.evaluation.rationale')} error={error('rationale')}>
        {(p) => <textarea {...p} rows={2} {...register('rationale')} />}
      </Field>
      <button
        type="submit"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={extend.isPending}
      >
        {t('casework.evaluation.extend')}
      </button>
    </form>
  );
}

type ClosureBody = Body<'/api/v1/cases/{id}/closure', 'post'>;

function ClosureForm({
  caseId,
  version,
  hasDevice,
  onSaved,
}: {
  caseId: string;
  version: number;
  hasDevice: boolean;
  onSaved: () => void;
}) {
  const { t } = useCwT();
  const close = useClose(caseId);
  const refusal = useRefusal(close.error);
  const toBody = (v: Omit<ClosureBody, 'version'>): ClosureBody => ({ version, ...v });
  const { register, handleSubmit, formState } = useForm<Omit<ClosureBody, 'version'>>({
    defaultValues: { deviceReturn: hasDevice ? 'returned' : 'not_issued', reason: '' },
    resolver: withRules(
      bodyResolver('POST /api/v1/cases/{id}/closure', { toBody }),
      (v): Problems => (v.reason.trim() ? {} : { reason: t('casework.errors.required') }),
    ),
  });
  const error = (name: string) => messageAt(formState.errors, refusal.fields, name);
  const submit = handleSubmit(
    (v) => close.mutate(toBody(v), { onSuccess: onSaved }),
    () => close.reset(),
  );
  const returns: readonly ClosureBody['deviceReturn'][] = hasDevice
    ? ['returned', 'lost', 'stolen']
    : ['not_issued', 'returned', 'lost', 'stolen'];
  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="closure-title">
      <h3 id="closure-title">{t('casework.evaluation.close')}</h3>
      <ErrorRegion message={refusal.message} />
      <Field id="close-device" label={t('casework.evaluation.device')} error={error('deviceReturn')}>
        {(p) => (
          <select {...p} {...register('deviceReturn')}>
            {returns.map((r) => (
              <option key={r} value={r}>
                {t(`casework.evaluation.returns.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="close-reason" label={t('casework.evaluation.closeReason')} error={error('reason')}>
        {(p) => <textarea {...p} rows={2} {...register('reason')} />}
      </Field>
      <button
        type="submit"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={close.isPending}
      >
        {t('casework.evaluation.close')}
      </button>
    </form>
  );
}
