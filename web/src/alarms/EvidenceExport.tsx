import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, call, typed } from '../api/client.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { problemMessage } from '../ui/problem.ts';

interface Files {
  bundleUrl: string;
  bundleName: string;
  pdfUrl: string;
  pdfName: string;
}

/**
 * Exports the alarm's signed evidence bundle. The bundle is kept byte for byte as the server sent it (its
 * signature covers exactly those bytes); the PDF is taken out of it for reading.
 */
async function exportEvidence(alarmId: string): Promise<Files> {
  let disposition = '';
  const bytes = await call(
    typed.POST('/api/v1/alarms/{id}/evidence', { params: { path: { id: alarmId } }, parseAs: 'arrayBuffer' }),
    { onHeaders: (headers) => (disposition = headers.get('Content-Disposition') ?? '') },
  );
  const parsed = JSON.parse(new TextDecoder().decode(bytes)) as {
    pdf: string;
    content: { pdf: { fileName: string } };
  };
  const pdf = Uint8Array.from(atob(parsed.pdf), (c) => c.charCodeAt(0));
  const bundleName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'aware-bewijs.json';
  return {
    bundleUrl: URL.createObjectURL(new Blob([bytes], { type: 'application/json' })),
    bundleName,
    pdfUrl: URL.createObjectURL(new Blob([pdf], { type: 'application/pdf' })),
    pdfName: parsed.content.pdf.fileName,
  };
}

export function EvidenceExport({ alarmId }: { alarmId: string }) {
  const { t } = useTranslation();
  // the files are this panel's own: nothing of them goes into the shared cache
  const evidence = useMutation<Files, ApiError, string>({ mutationFn: exportEvidence, gcTime: 0 });
  const files = evidence.data ?? null;

  useEffect(
    () => () => {
      if (files) {
        URL.revokeObjectURL(files.bundleUrl);
        URL.revokeObjectURL(files.pdfUrl);
      }
    },
    [files],
  );

  return (
    <section className="evidence" aria-labelledby="evidence-title" data-testid="evidence-export">
      <h3 id="evidence-title">{t('console.evidence.title')}</h3>
      <p className="muted">{t('console.evidence.intro')}</p>
      <ErrorRegion message={evidence.error ? problemMessage(evidence.error, t) : null} />
      {files ? (
        <>
          <p role="status">{t('console.evidence.ready')}</p>
          <p>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={files.bundleUrl}
              download={files.bundleName}
            >
              {t('console.evidence.bundle')}
            </a>{' '}
            <a className="utrecht-button utrecht-button--subtle" href={files.pdfUrl} download={files.pdfName}>
              {t('console.evidence.pdf')}
            </a>
          </p>
        </>
      ) : (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => evidence.mutate(alarmId)}
          disabled={evidence.isPending}
        >
          {evidence.isPending ? t('console.evidence.busy') : t('console.evidence.export')}
        </button>
      )}
    </section>
  );
}
