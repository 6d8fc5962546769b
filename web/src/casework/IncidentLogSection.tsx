import { type FormEvent, useState } from 'react';
import { API_BASE, api } from '../api/client.ts';
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
import { incidentDateProblem, incidentTimeProblem } from './plausible.ts';
import { todayIso, useCwT, useSave } from './shared.tsx';

interface Entry {
  id: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  /** HH:MM, null when not known */
  occurredTime: string | null;
  source: 'caseworker' | 'alarm' | 'client';
  corrections: Correction[];
  whatHappened: string;
  place: string | null;
  witnesses: string | null;
  evidence: { id: string; fileName: string }[];
  reportedToPolice: boolean;
  policeReportNumber: string | null;
}

type LooseT = ReturnType<typeof useCwT>['t'];

/** The checks a new incident and a correction share. */
function incidentProblems(v: Values, referredOn: string | null, t: LooseT, lang: string) {
  const problems: Record<string, string> = {};
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
  const { data, error, loading, reload } = useApi<Entry[]>(`/cases/${caseData.id}/incident-log`);
  const docs = useApi<{ id: string; kind: string; fileName: string }[]>(`/cases/${caseData.id}/documents`);
  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
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
                  path={`/cases/${caseData.id}/incident-log/${e.id}/corrections`}
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
                  toBody={(v) => ({
                    occurredOn: v.occurredOn,
                    occurredTime: String(v.occurredTime) || null,
                    place: String(v.place) || null,
                    whatHappened: v.whatHappened,
                    witnesses: String(v.witnesses) || null,
                    reportedToPolice: v.reportedToPolice === true,
                    policeReportNumber: String(v.policeReportNumber) || null,
                  })}
                  onDone={() => {
                    setCorrecting(null);
                    reload();
                  }}
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
          onSaved={reload}
        />
      )}
    </section>
  );
}

function EntryForm({
  caseId,
  referredOn,
  evidence,
  onSaved,
}: {
  caseId: string;
  referredOn: string | null;
  evidence: { id: string; fileName: string }[];
  onSaved: () => void;
}) {
  const { t, i18n } = useCwT();
  const save = useSave(t);
  const empty = {
    date: todayIso(),
    time: '',
    whatHappened: '',
    place: '',
    witnesses: '',
    reported: false,
    number: '',
    docs: [] as string[],
  };
  const [v, setV] = useState(empty);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = incidentProblems(
      {
        occurredOn: v.date,
        occurredTime: v.time,
        whatHappened: v.whatHappened,
        policeReportNumber: v.number,
        reportedToPolice: v.reported,
      },
      referredOn,
      t,
      i18n.resolvedLanguage ?? 'nl',
    );
    if (Object.keys(problems).length > 0) return save.setFields(problems);
    void save.run(
      () =>
        api.post(`/cases/${caseId}/incident-log`, {
          occurredOn: v.date,
          occurredTime: v.time || null,
          whatHappened: v.whatHappened,
          place: v.place || null,
          witnesses: v.witnesses || null,
          evidenceDocumentIds: v.docs,
          reportedToPolice: v.reported,
          policeReportNumber: v.number || null,
        }),
      () => {
        setV(empty);
        onSaved();
      },
    );
  }

  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="log-form-title">
      <h3 id="log-form-title">{t('casework.log.add')}</h3>
      <ErrorRegion message={save.error} />
      <div className="aware-row cw-row">
        <Field id="log-date" label={t('casework.date')} error={save.fields.occurredOn}>
          {(p) => (
            <input
              {...p}
              type="date"
              max={todayIso()}
              value={v.date}
              onChange={(e) => setV({ ...v, date: e.target.value })}
            />
          )}
        </Field>
        <Field id="log-time" label={t('casework.log.time')} error={save.fields.occurredTime}>
          {(p) => (
            <input {...p} type="time" value={v.time} onChange={(e) => setV({ ...v, time: e.target.value })} />
          )}
        </Field>
        <Field id="log-place" label={t('casework.log.place')} error={save.fields.place}>
          {(p) => <input {...p} value={v.place} onChange={(e) => setV({ ...v, place: e.target.value })} />}
        </Field>
      </div>
      <Field id="log-what" label={`${t('casework.log.whatHappened')} *`} error={save.fields.whatHappened}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={v.whatHappened}
            onChange={(e) => setV({ ...v, whatHappened: e.target.value })}
          />
        )}
      </Field>
      <Field id="log-witnesses" label={t('casework.log.witnesses')} error={save.fields.witnesses}>
        {(p) => (
          <input {...p} value={v.witnesses} onChange={(e) => setV({ ...v, witnesses: e.target.value })} />
        )}
      </Field>
      {evidence.length > 0 && (
        <fieldset className="cw-fieldset">
          <legend>{t('casework.log.evidence')}</legend>
          {evidence.map((d) => (
            <label key={d.id} className="checkbox">
              <input
                type="checkbox"
                checked={v.docs.includes(d.id)}
                onChange={(e) =>
                  setV({
                    ...v,
                    docs: e.target.checked ? [...v.docs, d.id] : v.docs.filter((x) => x !== d.id),
                  })
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
          <input
            type="checkbox"
            checked={v.reported}
            onChange={(e) => setV({ ...v, reported: e.target.checked })}
          />{' '}
          {t('casework.log.reportedQuestion')}
        </label>
        <Field id="log-number" label={t('casework.log.number')} error={save.fields.policeReportNumber}>
          {(p) => <input {...p} value={v.number} onChange={(e) => setV({ ...v, number: e.target.value })} />}
        </Field>
      </div>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={save.busy}>
        {t('casework.log.add')}
      </button>
    </form>
  );
}
