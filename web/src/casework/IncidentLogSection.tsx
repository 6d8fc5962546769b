import { type FormEvent, useState } from 'react';
import { API_BASE, api } from '../api/client.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import { todayIso, useCwT, useSave } from './shared.tsx';

interface Entry {
  id: string;
  occurredAt: string;
  whatHappened: string;
  place: string | null;
  witnesses: string | null;
  evidence: { id: string; fileName: string }[];
  reportedToPolice: boolean;
  policeReportNumber: string | null;
}

/** The client's incident log, oldest first, and its PDF for a police report. */
export function IncidentLogSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCwT();
  const { data, error, loading, reload } = useApi<Entry[]>(`/cases/${caseData.id}/incident-log`);
  const docs = useApi<{ id: string; kind: string; fileName: string }[]>(`/cases/${caseData.id}/documents`);
  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
  const lang = i18n.resolvedLanguage ?? 'nl';
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{t('casework.log.title')}</h2>
      <div className="cw-toolbar">
        <a
          className="button button--secondary"
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
            <strong>{formatDateTime(e.occurredAt, lang)}</strong>
            {e.place ? ` · ${e.place}` : ''} ·{' '}
            {e.reportedToPolice
              ? t('casework.log.reported', { number: e.policeReportNumber ?? '—' })
              : t('casework.log.notReported')}
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
          </li>
        ))}
      </ol>
      {caseData.may.careWrite && (
        <EntryForm
          caseId={caseData.id}
          evidence={(docs.data ?? []).filter((d) => d.kind === 'evidence')}
          onSaved={reload}
        />
      )}
    </section>
  );
}

function EntryForm({
  caseId,
  evidence,
  onSaved,
}: {
  caseId: string;
  evidence: { id: string; fileName: string }[];
  onSaved: () => void;
}) {
  const { t } = useCwT();
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
    const problems: Record<string, string> = {};
    if (!v.date) problems.occurredAt = t('casework.errors.required');
    const occurredAt = new Date(`${v.date}T${v.time || '12:00'}`);
    if (v.date && occurredAt.getTime() > Date.now()) problems.occurredAt = t('casework.errors.future');
    if (!v.whatHappened.trim()) problems.whatHappened = t('casework.errors.required');
    if (v.number && !v.reported) problems.policeReportNumber = t('casework.log.numberNeedsReport');
    if (Object.keys(problems).length > 0) return save.setFields(problems);
    void save.run(
      () =>
        api.post(`/cases/${caseId}/incident-log`, {
          occurredAt: occurredAt.toISOString(),
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
      <div className="cw-row">
        <Field id="log-date" label={t('casework.date')} error={save.fields.occurredAt}>
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
        <Field id="log-time" label={t('casework.log.time')}>
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
      <div className="cw-row">
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
      <button type="submit" className="button" disabled={save.busy}>
        {t('casework.log.add')}
      </button>
    </form>
  );
}
