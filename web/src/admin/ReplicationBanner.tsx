import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const LOOK_EVERY_MS = 15_000;

/** the replication states an administrator must act on, with what the banner says about each */
const WARNINGS = {
  'waiting for standby': ['app.replicationWaiting', 'app.replicationWaitingHint'],
  'primary only': ['app.replicationPrimaryOnly', 'app.replicationPrimaryOnlyHint'],
} as const;
type Warning = keyof typeof WARNINGS;

/**
 * For administrators: while commits wait for a standby that is gone, alarms are not stored; while no
 * synchronous standby confirms commits, an acknowledged alarm is on one database server only. Aware
 * keeps working, but someone must restore the standby (docs/operations.md).
 */
export function ReplicationBanner() {
  const { t } = useTranslation();
  const [warning, setWarning] = useState<Warning | null>(null);
  useEffect(() => {
    let live = true;
    const look = async () => {
      try {
        const response = await fetch('/health?details=true');
        const health = (await response.json()) as { replication?: string };
        const replication = health.replication ?? '';
        if (live) setWarning(replication in WARNINGS ? (replication as Warning) : null);
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
  if (!warning) return null;
  const [headline, hint] = WARNINGS[warning];
  return (
    <p className="replication-banner" role="alert">
      <strong>{t(headline)}</strong> {t(hint)}
    </p>
  );
}
