import { useTranslation } from 'react-i18next';
import { useHealthDetails } from './queries.ts';

/**
 * For administrators: while no synchronous standby confirms commits, an acknowledged alarm is on one
 * database server only. Aware keeps working, but someone must restore the standby (docs/operations.md).
 */
export function ReplicationBanner() {
  const { t } = useTranslation();
  const primaryOnly = useHealthDetails().data?.replication === 'primary only';
  if (!primaryOnly) return null;
  return (
    <p className="replication-banner" role="alert">
      <strong>{t('app.replicationPrimaryOnly')}</strong> {t('app.replicationPrimaryOnlyHint')}
    </p>
  );
}
