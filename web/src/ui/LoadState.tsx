import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { AlertBox } from './Alert.tsx';
import { Button } from './Button.tsx';
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
      <div role="alert">
        <AlertBox type="error">
          <span>{problemMessage(error, t)}</span> <Button onClick={onRetry}>{t('app.retry')}</Button>
        </AlertBox>
      </div>
    );
  }
  if (loading) {
    return (
      <p className="utrecht-paragraph muted loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  return null;
}

export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="aware-empty">
      <p className="utrecht-paragraph aware-empty__title">{title}</p>
      {hint && <p className="utrecht-paragraph muted">{hint}</p>}
    </div>
  );
}
