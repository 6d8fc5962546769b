import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { API_BASE, type ApiError } from '../api/client.ts';
import { DOCUMENT_KINDS } from '../api/values.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import { caseKeys, useCaseDocuments } from './queries.ts';
import type { CaseSectionProps } from './sections.ts';
import { ACCEPTED_TYPES, type DocumentKind, fileProblem, uploadDocument } from './upload.ts';

interface UploadValues {
  kind: DocumentKind;
  files: FileList | null;
}

export function DocumentsSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const docs = useCaseDocuments(caseData.id);
  const client = useQueryClient();
  const upload = useMutation<unknown, ApiError, { kind: DocumentKind; file: File }>({
    mutationFn: ({ kind, file }) => uploadDocument(caseData.id, kind, file),
    onSuccess: () =>
      Promise.all(
        [caseKeys.documents(caseData.id), caseKeys.timeline(caseData.id)].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
  // multipart, no JSON body: the file is checked here (type, size), the kind is one of the server's
  const { register, handleSubmit, formState } = useForm<UploadValues>({
    defaultValues: { kind: 'other', files: null },
  });

  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('case.documents.title')}</h2>
      {!docs.data ? (
        <LoadState
          loading={docs.isFetching}
          error={docs.error ?? undefined}
          onRetry={() => void docs.refetch()}
        />
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
        <form
          onSubmit={handleSubmit(({ kind, files }) => upload.mutate({ kind, file: files![0]! }))}
          noValidate
          className="inline-form aware-row inline-form--row"
        >
          <Field id="document-kind" label={t('case.documents.kind')}>
            {(p) => (
              <select {...p} {...register('kind')}>
                {DOCUMENT_KINDS.map((k) => (
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
            error={formState.errors.files?.message}
          >
            {(p) => (
              <input
                {...p}
                type="file"
                accept={ACCEPTED_TYPES.join(',')}
                {...register('files', { validate: (files) => fileProblem(files?.[0], t) ?? true })}
              />
            )}
          </Field>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('case.documents.upload')}
          </button>
        </form>
      )}
      <ErrorRegion message={upload.error ? saveError(upload.error, t) : null} />
      <StatusRegion message={upload.isSuccess ? t('case.documents.uploaded') : null} />
    </section>
  );
}
