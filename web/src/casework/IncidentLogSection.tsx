import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { API_BASE } from '../api/client.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { type IncidentValues, incidentBody, incidentCorrectionBody, type Values } from './bodies.ts';
import { CorrectionForm, CorrectionHistory, referredOnOf } from './Corrections.tsx';
import { messageAt, type Problems } from './form.ts';
import { incidentDateProblem, incidentTimeProblem } from './plausible.ts';
import { useAddIncident, useCaseDocuments, useIncidentLog } from './queries.ts';
import { loadStateOf, todayIso, useCwT, useRefusal } from './shared.tsx';

type LooseT = ReturnType<typeof useCwT>['t'];

/** The checks a new incident and a correction share. */
function incidentProblems(v: Values | IncidentValues, referredOn: string | null, t: LooseT, lang: string) {
  const problems: Problems = {};
  const date = incidentDateProblem(String(v.occurredOn ?? ''), referredOn, t, lang);
  if (date) problems.occurredOn = date;
  const time = incidentTimeProblem(String(v.occurredOn ?? ''), String(v.occurredTime ?? ''), t);
  if (time) problems.occurredTime = time;
  if (!String(v.whatHappened ?? '').trim())
    problems.whatHappened = t('casework.refusals.incident.descriptionRequired');
  if (v.policeReportNumber && !v.reportedToPolice)
    problems.policeReportNumber = t('casework.log.numberNeedsReport');
  return problems;
}

/** "3 mrt 2026, 21:30" or "3 mrt 2026 · tijd onbekend": an unknown time is never shown as one. */
function when(e: { occurredOn: string; occurredTime: string | null }, t: LooseT, lang: string) {
  return e.occurredTime
    ? `${formatDate(e.occurredOn, lang)}, ${e.occurredTime}`
    : `${formatDate(e.occurredOn, lang)} · ${t('casework.log.timeUnknown')}`;
}

/**
 * The case's one incident log, oldest first: incidents after an alarm, from the caseworker and from the
 * client, each correctable with a reason; and its PDF for a police report.
 */
export function IncidentLogSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCwT();
  const [correcting, setCorrecting] = useState<string | null>(null);
  const referredOn = referredOnOf(caseData);
  const query = useIncidentLog(caseData.id);
  const { data } = query;
  const docs = useCaseDocuments(caseData.id);
  if (!data) return <LoadState {...loadStateOf(query)} />;
  const lang = i18n.resolvedLanguage ?? 'nl';
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{t('casework.log.title')}</h2>
      <div className="aware-row cw-toolbar">
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={`${API_BASE}/cases/${caseData.id}/incident-log/pdf`}
          target="_blank"
          rel="noopener"
        >
          {t('casework.log.pdf')}
        </a>
      </div>
      {data.length === 0 && <p className="muted">{t('casework.none')}</p>}
      <ol className="cw-list" data-testid="incident-log">
        {data.map((e) => (
          <li key={e.id}>
            <strong>{when(e, t, lang)}</strong>
            {e.place ? ` · ${e.place}` : ''} ·{' '}
            {e.reportedToPolice
              ? t('casework.log.reported', { number: e.policeReportNumber ?? '—' })
              : t('casework.log.notReported')}
            {' · '}
            <span className="utrecht-status-badge">
              {t('casework.log.source', { source: t(`casework.log.sources.${e.source}`) })}
            </span>
            <p>{e.whatHappened}</p>
            {e.witnesses && (
              <p className="muted">
                {t('casework.log.witnesses')}: {e.witnesses}
              </p>
            )}
            {e.evidence.length > 0 && (
              <p>
                {t('casework.log.evidence')}:{' '}
                {e.evidence.map((d) => (
                  <a key={d.id} href={`${API_BASE}/case-documents/${d.id}`}>
                    {d.fileName}{' '}
                  </a>
                ))}
              </p>
            )}
            <CorrectionHistory
              corrections={e.corrections}
              show={(prev) => (
                <>
                  <strong>
                    {when(
                      {
                        occurredOn: String(prev.occurredOn),
                        occurredTime: prev.occurredTime as string | null,
                      },
                      t,
                      lang,
                    )}
                  </strong>
                  {prev.place ? ` · ${String(prev.place)}` : ''}
                  <p>{String(prev.whatHappened ?? '')}</p>
                  {prev.witnesses ? (
                    <p className="muted">
                      {t('casework.log.witnesses')}: {String(prev.witnesses)}
                    </p>
                  ) : null}
                </>
              )}
            />
            {caseData.may.careWrite &&
              (correcting === e.id ? (
                <CorrectionForm
                  idPrefix={`logc-${e.id}`}
                  route="POST /api/v1/cases/{id}/incident-log/{entryId}/corrections"
                  caseId={caseData.id}
                  entryId={e.id}
                  fields={[
                    { name: 'occurredOn', label: t('casework.date'), kind: 'date', max: todayIso() },
                    { name: 'occurredTime', label: t('casework.log.time'), kind: 'time' },
                    { name: 'place', label: t('casework.log.place'), kind: 'text' },
                    { name: 'whatHappened', label: t('casework.log.whatHappened'), kind: 'textarea' },
                    { name: 'witnesses', label: t('casework.log.witnesses'), kind: 'text' },
                    { name: 'reportedToPolice', label: t('casework.log.reportedQuestion'), kind: 'checkbox' },
                    { name: 'policeReportNumber', label: t('casework.log.number'), kind: 'text' },
                  ]}
                  initial={{
                    occurredOn: e.occurredOn,
                    occurredTime: e.occurredTime ?? '',
                    place: e.place ?? '',
                    whatHappened: e.whatHappened,
                    witnesses: e.witnesses ?? '',
                    reportedToPolice: e.reportedToPolice,
                    policeReportNumber: e.policeReportNumber ?? '',
                  }}
                  check={(v) => incidentProblems(v, referredOn, t, lang)}
                  toBody={incidentCorrectionBody}
                  onDone={() => setCorrecting(null)}
                  onCancel={() => setCorrecting(null)}
                />
              ) : (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  onClick={() => setCorrecting(e.id)}
                >
                  {t('casework.correction.correct')}
                </button>
              ))}
          </li>
        ))}
      </ol>
      {caseData.may.careWrite && (
        <EntryForm
          caseId={caseData.id}
          referredOn={referredOn}
          evidence={(docs.data ?? []).filter((d) => d.kind === 'evidence')}
        />
      )}
    </section>
  );
}

type EntryValues = IncidentValues & { evidenceDocumentIds: string[] };

const emptyEntry = (): EntryValues => ({
  occurredOn: todayIso(),
  occurredTime: '',
  whatHappened: '',
  place: '',
  witnesses: '',
  reportedToPolice: false,
  policeReportNumber: '',
  evidenceDocumentIds: [],
});

function EntryForm({
  caseId,
  referredOn,
  evidence,
}: {
  caseId: string;
  referredOn: string | null;
  evidence: { id: string; fileName: string }[];
}) {
  const { t, i18n } = useCwT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const add = useAddIncident(caseId);
  const refusal = useRefusal(add.error);
  const { register, handleSubmit, formState, reset, watch, setValue } = useForm<EntryValues>({
    defaultValues: emptyEntry(),
    resolver: withRules(bodyResolver('POST /api/v1/cases/{id}/incident-log', { toBody: incidentBody }), (v) =>
      incidentProblems(v, referredOn, t, lang),
    ),
  });
  const error = (name: keyof EntryValues) => messageAt(formState.errors, refusal.fields, name);
  const chosen = watch('evidenceDocumentIds');
  const submit = handleSubmit(
    (v) => add.mutate(incidentBody(v), { onSuccess: () => reset(emptyEntry()) }),
    () => add.reset(),
  );

  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="log-form-title">
      <h3 id="log-form-title">{t('casework.log.add')}</h3>
      <ErrorRegion message={refusal.message} />
      <div className="aware-row cw-row">
        <Field id="log-date" label={t('casework.date')} error={error('occurredOn')}>
          {(p) => <input {...p} type="date" max={todayIso()} {...register('occurredOn')} />}
        </Field>
        <Field id="log-time" label={t('casework.log.time')} error={error('occurredTime')}>
          {(p) => <input {...p} type="time" {...register('occurredTime')} />}
        </Field>
        <Field id="log-place" label={t('casework.log.place')} error={error('place')}>
          {(p) => <input {...p} {...register('place')} />}
        </Field>
      </div>
      <Field id="log-what" label={`${t('casework.log.whatHappened')} *`} error={error('whatHappened')}>
        {(p) => <textarea {...p} rows={3} {...register('whatHappened')} />}
      </Field>
      <Field id="log-witnesses" label={t('casework.log.witnesses')} error={error('witnesses')}>
        {(p) => <input {...p} {...register('witnesses')} />}
      </Field>
      {evidence.length > 0 && (
        <fieldset className="cw-fieldset">
          <legend>{t('casework.log.evidence')}</legend>
          {evidence.map((d) => (
            <label key={d.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(d.id)}
                onChange={(e) =>
                  setValue(
                    'evidenceDocumentIds',
                    e.target.checked ? [...chosen, d.id] : chosen.filter((x) => x !== d.id),
                  )
                }
              />{' '}
              {d.fileName}
            </label>
          ))}
        </fieldset>
      )}
      <p className="muted">{t('casework.log.evidenceHint')}</p>
      <div className="aware-row cw-row">
        <label className="checkbox">
          <input type="checkbox" {...register('reportedToPolice')} /> {t('casework.log.reportedQuestion')}
        </label>
        <Field id="log-number" label={t('casework.log.number')} error={error('policeReportNumber')}>
          {(p) => <input {...p} {...register('policeReportNumber')} />}
        </Field>
      </div>
      <button
        type="submit"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={add.isPending}
      >
        {t('casework.log.add')}
      </button>
    </form>
  );
}
