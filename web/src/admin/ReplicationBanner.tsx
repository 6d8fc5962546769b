import { useTranslation } from 'react-i18next';
import { useHealthDetails } from './queries.ts';

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
  const replication = useHealthDetails().data?.replication ?? '';
  if (!(replication in WARNINGS)) return null;
  const [headline, hint] = WARNINGS[replication as Warning];
  return (
    <p className="utrecht-alert utrecht-alert--error aware-banner" role="alert">
      <strong>{t(headline)}</strong> {t(hint)}
    </p>
  );
}
