import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE, ApiError, type Problem } from '../api/client.ts';
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
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/alarms/${encodeURIComponent(alarmId)}/evidence`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Content-Type': 'application/json',
        'X-Requested-With': 'aware',
      },
      body: '{}',
    });
  } catch {
    throw new ApiError(0, null, 'network');
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(
      res.status,
      body && typeof body === 'object' ? ({ status: res.status, ...body } as Problem) : null,
    );
  }
  const bytes = await res.arrayBuffer();
  const parsed = JSON.parse(new TextDecoder().decode(bytes)) as {
    pdf: string;
    content: { pdf: { fileName: string } };
  };
  const pdf = Uint8Array.from(atob(parsed.pdf), (c) => c.charCodeAt(0));
  const bundleName =
    /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'aware-bewijs.json';
  return {
    bundleUrl: URL.createObjectURL(new Blob([bytes], { type: 'application/json' })),
    bundleName,
    pdfUrl: URL.createObjectURL(new Blob([pdf], { type: 'application/pdf' })),
    pdfName: parsed.content.pdf.fileName,
  };
}

export function EvidenceExport({ alarmId }: { alarmId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<Files | null>(null);

  useEffect(
    () => () => {
      if (files) {
        URL.revokeObjectURL(files.bundleUrl);
        URL.revokeObjectURL(files.pdfUrl);
      }
    },
    [files],
  );

  async function run() {
    setBusy(true);
    setError(null);
    try {
      setFiles(await exportEvidence(alarmId));
    } catch (err) {
      setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="evidence" aria-labelledby="evidence-title" data-testid="evidence-export">
      <h3 id="evidence-title">{t('console.evidence.title')}</h3>
      <p className="muted">{t('console.evidence.intro')}</p>
      <ErrorRegion message={error} />
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
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle"
              href={files.pdfUrl}
              download={files.pdfName}
            >
              {t('console.evidence.pdf')}
            </a>
          </p>
        </>
      ) : (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={run}
          disabled={busy}
        >
          {busy ? t('console.evidence.busy') : t('console.evidence.export')}
        </button>
      )}
    </section>
  );
}
