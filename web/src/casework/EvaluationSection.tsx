import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import {
  type Correction,
  CorrectionForm,
  CorrectionHistory,
  referredOnOf,
  type Values,
} from './Corrections.tsx';
import { caseDateProblem } from './plausible.ts';
import { todayIso, useCwT, useSave } from './shared.tsx';

type LooseT = ReturnType<typeof useCwT>['t'];
const RATINGS = ['clientSafetyRating', 'caseworkerRating', 'collaborationRating'] as const;
const num = (s: string) => (s === '' ? null : Number(s.replace(',', '.')));

/** The checks a new evaluation and a correction share: a date within the case's life, ratings, an answer. */
function evaluationProblems(v: Values, referredOn: string | null, t: LooseT, lang: string) {
  const problems: Record<string, string> = {};
  for (const k of RATINGS) {
    const n = num(String(v[k] ?? ''));
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

const evaluationBody = (v: Values) => ({
  evaluatedOn: v.evaluatedOn,
  safetyScale: String(v.safetyScale ?? '') || null,
  clientSafetyRating: num(String(v.clientSafetyRating ?? '')),
  caseworkerRating: num(String(v.caseworkerRating ?? '')),
  collaborationRating: num(String(v.collaborationRating ?? '')),
  notes: String(v.notes ?? '') || null,
});

interface Overview {
  status: string;
  version: number;
  plannedEndOn: string | null;
  closedAt: string | null;
  closureReason: string | null;
  deviceReturn: string | null;
  evaluations: {
    id: string;
    evaluatedOn: string;
    moment: string;
    safetyScale: string | null;
    clientSafetyRating: number | null;
    caseworkerRating: number | null;
    collaborationRating: number | null;
    notes: string | null;
    corrections: Correction[];
  }[];
  goals: { id: string; description: string; setOn: string; result: string | null }[];
  extensions: { id: string; previousEndOn: string | null; newEndOn: string; rationale: string }[];
  devices: { id: string; serial: string }[];
}

/** Phase 4: evaluations (safety scale, her own rating), goals, start of the evaluation, extension and closure. */
export function EvaluationSection({ caseData, reload: reloadCase }: CaseSectionProps) {
  const { t, i18n } = useCwT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const { data, error, loading, reload } = useApi<Overview>(`/cases/${caseData.id}/evaluation`);
  const save = useSave(t);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const referredOn = referredOnOf(caseData);
  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
  const both = () => {
    reload();
    reloadCase();
  };
  const open = ['active', 'evaluation', 'connecting'].includes(data.status);

  return (
    <section aria-labelledby="evaluation-title">
      <h2 id="evaluation-title">{t('casework.evaluation.title')}</h2>
      <p>
        {t('casework.evaluation.plannedEnd')}:{' '}
        <strong>{data.plannedEndOn ? formatDate(data.plannedEndOn, lang) : '—'}</strong>
      </p>
      <ErrorRegion message={save.error} />
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
            path={`/cases/${caseData.id}/evaluations/${e.id}/corrections`}
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
            toBody={evaluationBody}
            onDone={() => {
              setCorrecting(null);
              reload();
            }}
            onCancel={() => setCorrecting(null)}
          />
        ))}
      {caseData.may.careWrite && open && (
        <EvaluationForm
          caseId={caseData.id}
          referredOn={referredOn}
          inEvaluation={data.status === 'evaluation'}
          onSaved={both}
        />
      )}
      <Goals
        caseId={caseData.id}
        goals={data.goals}
        editable={caseData.may.careWrite && open}
        onSaved={both}
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
        <ReasonForm
          id="start"
          label={t('casework.evaluation.startRationale')}
          button={t('casework.evaluation.start')}
          onSubmit={(rationale) =>
            save.run(
              () => api.post(`/cases/${caseData.id}/evaluation/start`, { version: data.version, rationale }),
              both,
            )
          }
        />
      )}
      {caseData.may.connect && data.status === 'evaluation' && (
        <>
          <ExtensionForm caseId={caseData.id} version={data.version} onSaved={both} />
          <ClosureForm
            caseId={caseData.id}
            version={data.version}
            hasDevice={data.devices.length > 0}
            onSaved={both}
          />
        </>
      )}
    </section>
  );
}

function ReasonForm({
  id,
  label,
  button,
  onSubmit,
}: {
  id: string;
  label: string;
  button: string;
  onSubmit: (reason: string) => Promise<boolean>;
}) {
  const { t } = useCwT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="cw-form"
      noValidate
      aria-label={button}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setError(t('casework.errors.required'));
        setError(undefined);
        void onSubmit(reason);
      }}
    >
      <Field id={`reason-${id}`} label={label} error={error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {button}
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
  const save = useSave(t);
  const empty = {
    evaluatedOn: todayIso(),
    moment: inEvaluation ? 'end' : 'interim',
    safetyScale: '',
    clientSafetyRating: '',
    caseworkerRating: '',
    collaborationRating: '',
    notes: '',
  };
  const [v, setV] = useState(empty);
  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = evaluationProblems(v, referredOn, t, i18n.resolvedLanguage ?? 'nl');
    if (Object.keys(problems).length > 0) return save.setFields(problems);
    void save.run(
      () => api.post(`/cases/${caseId}/evaluations`, { ...evaluationBody(v), moment: v.moment }),
      () => {
        setV(empty);
        onSaved();
      },
    );
  }
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="eval-form-title">
      <h3 id="eval-form-title">{t('casework.evaluation.add')}</h3>
      <ErrorRegion message={save.error} />
      <div className="aware-row cw-row">
        <Field id="ev-date" label={t('casework.date')} error={save.fields.evaluatedOn}>
          {(p) => (
            <input {...p} type="date" max={todayIso()} value={v.evaluatedOn} onChange={set('evaluatedOn')} />
          )}
        </Field>
        <Field id="ev-moment" label={t('casework.evaluation.moment')} error={save.fields.moment}>
          {(p) => (
            <select {...p} value={v.moment} onChange={set('moment')}>
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
          error={save.fields.safetyScale}
        >
          {(p) => (
            <select {...p} value={v.safetyScale} onChange={set('safetyScale')}>
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
          error={save.fields.clientSafetyRating}
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={v.clientSafetyRating}
              onChange={set('clientSafetyRating')}
            />
          )}
        </Field>
        <Field
          id="ev-cw"
          label={t('casework.evaluation.caseworkerRating')}
          error={save.fields.caseworkerRating}
        >
          {(p) => (
            <input {...p} inputMode="decimal" value={v.caseworkerRating} onChange={set('caseworkerRating')} />
          )}
        </Field>
        <Field
          id="ev-collab"
          label={t('casework.evaluation.collaborationRating')}
          error={save.fields.collaborationRating}
        >
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={v.collaborationRating}
              onChange={set('collaborationRating')}
            />
          )}
        </Field>
      </div>
      <Field id="ev-notes" label={t('casework.evaluation.notes')}>
        {(p) => <textarea {...p} rows={2} value={v.notes} onChange={set('notes')} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={save.busy}>
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
  goals: Overview['goals'];
  editable: boolean;
  onSaved: () => void;
}) {
  const { t, i18n } = useCwT();
  const save = useSave(t);
  const [description, setDescription] = useState('');
  return (
    <section aria-labelledby="goals-title">
      <h3 id="goals-title">{t('casework.evaluation.goals')}</h3>
      <ErrorRegion message={save.error} />
      <ul className="cw-list">
        {goals.map((g) => (
          <li key={g.id}>
            {g.description}{' '}
            <span className="muted">({formatDate(g.setOn, i18n.resolvedLanguage ?? 'nl')})</span>{' '}
            {editable ? (
              <select
                aria-label={t('casework.evaluation.goalResult', { goal: g.description })}
                value={g.result ?? ''}
                onChange={(e) =>
                  e.target.value &&
                  void save.run(
                    () =>
                      api.post(`/cases/${caseId}/goals/result`, {
                        goalId: g.id,
                        result: e.target.value,
                        evaluatedOn: todayIso(),
                      }),
                    onSaved,
                  )
                }
              >
                <option value="">{t('casework.evaluation.notEvaluated')}</option>
                {['met', 'partly_met', 'not_met'].map((r) => (
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
          onSubmit={(e) => {
            e.preventDefault();
            if (!description.trim()) return save.setFields({ description: t('casework.errors.required') });
            void save.run(
              () => api.post(`/cases/${caseId}/goals`, { description, setOn: todayIso() }),
              () => {
                setDescription('');
                onSaved();
              },
            );
          }}
        >
          <Field id="goal-description" label={t('casework.evaluation.goal')} error={save.fields.description}>
            {(p) => <input {...p} value={description} onChange={(e) => setDescription(e.target.value)} />}
          </Field>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('casework.evaluation.addGoal')}
          </button>
        </form>
      )}
    </section>
  );
}

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
  const save = useSave(t);
  const [newEndOn, setNewEndOn] = useState('');
  const [rationale, setRationale] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!newEndOn || newEndOn <= todayIso()) problems.newEndOn = t('casework.errors.afterToday');
    if (!rationale.trim()) problems.rationale = t('casework.errors.required');
    if (Object.keys(problems).length > 0) return save.setFields(problems);
    void save.run(() => api.post(`/cases/${caseId}/extension`, { version, newEndOn, rationale }), onSaved);
  }
  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="extension-title">
      <h3 id="extension-title">{t('casework.evaluation.extend')}</h3>
      <ErrorRegion message={save.error} />
      <Field id="ext-end" label={t('casework.evaluation.newEnd')} error={save.fields.newEndOn}>
        {(p) => (
          <input
            {...p}
            type="date"
            min={todayIso()}
            value={newEndOn}
            onChange={(e) => setNewEndOn(e.target.value)}
          />
        )}
      </Field>
      <Field id="ext-rationale" label={t('casework.evaluation.rationale')} error={save.fields.rationale}>
        {(p) => <textarea {...p} rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={save.busy}>
        {t('casework.evaluation.extend')}
      </button>
    </form>
  );
}

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
  const save = useSave(t);
  const [deviceReturn, setDeviceReturn] = useState(hasDevice ? 'returned' : 'not_issued');
  const [reason, setReason] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return save.setFields({ reason: t('casework.errors.required') });
    void save.run(() => api.post(`/cases/${caseId}/closure`, { version, deviceReturn, reason }), onSaved);
  }
  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="closure-title">
      <h3 id="closure-title">{t('casework.evaluation.close')}</h3>
      <ErrorRegion message={save.error} />
      <Field id="close-device" label={t('casework.evaluation.device')} error={save.fields.deviceReturn}>
        {(p) => (
          <select {...p} value={deviceReturn} onChange={(e) => setDeviceReturn(e.target.value)}>
            {(hasDevice ? ['returned', 'lost', 'stolen'] : ['not_issued', 'returned', 'lost', 'stolen']).map(
              (r) => (
                <option key={r} value={r}>
                  {t(`casework.evaluation.returns.${r}`)}
                </option>
              ),
            )}
          </select>
        )}
      </Field>
      <Field id="close-reason" label={t('casework.evaluation.closeReason')} error={save.fields.reason}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={save.busy}>
        {t('casework.evaluation.close')}
      </button>
    </form>
  );
}
