import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const LOOK_EVERY_MS = 15_000;

/**
 * For administrators: while no synchronous standby confirms commits, an acknowledged alarm is on one
 * database server only. Aware keeps working, but someone must restore the standby (docs/operations.md).
 */
export function ReplicationBanner() {
  const { t } = useTranslation();
  const [primaryOnly, setPrimaryOnly] = useState(false);
  useEffect(() => {
    let live = true;
    const look = async () => {
      try {
        const response = await fetch('/health?details=true');
        const health = (await response.json()) as { replication?: string };
        if (live) setPrimaryOnly(health.replication === 'primary only');
      } catch {
        // the outage banner tells when the server itself is gone
      }
    };
    void look();
    const timer = setInterval(() => void look(), LOOK_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (!primaryOnly) return null;
  return (
    <p className="utrecht-alert utrecht-alert--error aware-banner" role="alert">
      <strong>{t('app.replicationPrimaryOnly')}</strong> {t('app.replicationPrimaryOnlyHint')}
    </p>
  );
}
