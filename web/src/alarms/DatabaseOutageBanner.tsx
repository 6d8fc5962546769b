import { useTranslation } from 'react-i18next';
import type { DatabaseStatus } from './useOpenAlarms.ts';

/**
 * While the server cannot reach its database, panics are refused and not stored (the devices keep
 * retrying): the console must say so, so that operators know the queue may be incomplete.
 */
export function DatabaseOutageBanner({ database }: { database: DatabaseStatus }) {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      className={database === 'down' ? 'utrecht-alert utrecht-alert--error' : 'aware-live-region'}
    >
      {database === 'down' && (
        <>
          <strong>{t('alarms.databaseDown')}</strong> {t('alarms.databaseDownHint')}
        </>
      )}
    </div>
  );
}
