import { useTranslation } from 'react-i18next';
import type { AlarmState } from '../api/contract.ts';

/** Text badge for an alarm state: Ontvangen, Geclaimd, Doorgezet, Ter plaatse, Afgehandeld. */
export function StateBadge({ state }: { state: AlarmState }) {
  const { t } = useTranslation();
  return (
    <span className={`utrecht-status-badge state--${state}`} data-testid="alarm-state">
      {t(`alarms.state.${state}`, { defaultValue: state })}
    </span>
  );
}

/** Shown when an alarm waits too long (level 1) or far too long (level 2). */
export function EscalationTag({ level }: { level: 0 | 1 | 2 }) {
  const { t } = useTranslation();
  if (level === 0) return null;
  return (
    <span
      className={`utrecht-status-badge utrecht-status-badge--warning escalation--${level}`}
      data-testid="escalation"
    >
      {t(level === 2 ? 'alarms.escalated2' : 'alarms.escalated1')}
    </span>
  );
}
