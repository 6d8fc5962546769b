import { type FormEvent, useState } from 'react';
import { API_BASE } from '../api/client.ts';
import type { CaseDocument } from '../api/contract.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import type { CaseSectionProps } from './sections.ts';
import { ACCEPTED_TYPES, fileProblem, uploadDocument } from './upload.ts';

const KINDS = ['contract', 'risk_assessment', 'signalement', 'evidence', 'other'];

export function DocumentsSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const docs = useApi<CaseDocument[]>(`/cases/${caseData.id}/documents`);
  const [kind, setKind] = useState('other');
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = fileProblem(file, t);
    setFieldError(problem ?? undefined);
    if (problem) return;
    try {
      await uploadDocument(caseData.id, kind, file!);
      setError(null);
      setSaved(t('case.documents.uploaded'));
      docs.reload();
    } catch (err) {
      setError(saveError(err, t));
    }
  }

  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('case.documents.title')}</h2>
      {!docs.data ? (
        <LoadState loading={docs.loading} error={docs.error} onRetry={docs.reload} />
      ) : docs.data.length === 0 ? (
        <EmptyState title={t('case.documents.empty')} />
      ) : (
        <ul className="documents">
          {docs.data.map((d) => (
            <li key={d.id}>
              <a href={`${API_BASE}/case-documents/${d.id}`} download={d.fileName}>
                {d.fileName}
              </a>{' '}
              <span className="muted">
                {t(`case.documents.kinds.${d.kind}`)} · {Math.max(1, Math.round(d.sizeBytes / 1024))} kB ·{' '}
                {formatDateTime(d.uploadedAt, lang)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {caseData.may.write && (
        <form onSubmit={submit} noValidate className="inline-form aware-row inline-form--row">
          <Field id="document-kind" label={t('case.documents.kind')}>
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`case.documents.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="document-file"
            label={t('case.documents.file')}
            hint={t('case.documents.hint')}
            error={fieldError}
          >
            {(p) => (
              <input
                {...p}
                type="file"
                accept={ACCEPTED_TYPES.join(',')}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('case.documents.upload')}
          </button>
        </form>
      )}
      <ErrorRegion message={error} />
      <StatusRegion message={saved} />
    </section>
  );
}
