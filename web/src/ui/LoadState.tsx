import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { problemMessage } from './problem.ts';

/** Loading / error presentation for a fetched resource. Renders nothing once data is there. */
export function LoadState({
  loading,
  error,
  onRetry,
}: {
  loading: boolean;
  error: ApiError | undefined;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div role="alert" className="alert alert--error">
        <span>{problemMessage(error, t)}</span>{' '}
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (loading) {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  return null;
}

export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {hint && <p className="empty__hint">{hint}</p>}
    </div>
  );
}
