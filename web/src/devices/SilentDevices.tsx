import '../home/work.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Device } from '../api/contract.ts';
import { formatDuration, secondsSince } from '../ui/time.ts';
import { heartbeatLate } from './labels.ts';

/**
 * Issued buttons that have gone silent: heard before, but not within twice their heartbeat interval.
 * (A button just issued and not heard yet is waiting for its test alarm, not silent.) Pure.
 */
export function silentDevices(devices: readonly Device[], now: number): Device[] {
  return devices.filter((d) => d.state === 'issued' && heartbeatLate(d, now));
}

/** A warning listing the silent buttons, each with its case and since when it has been silent. */
export function SilentDevicesWarning({ devices, now }: { devices: readonly Device[]; now: number }) {
  const { t } = useTranslation();
  const silent = silentDevices(devices, now);
  if (silent.length === 0) return null;
  return (
    <div className="utrecht-alert utrecht-alert--warning" role="alert" data-testid="silent-devices">
      <p>
        <strong>{t('work.silentTitle')}</strong> — {t('work.silentHint')}
      </p>
      <ul>
        {silent.map((d) => (
          <li key={d.id}>
            <Link to={`/devices/${encodeURIComponent(d.id)}`} className="mono">
              {d.serial}
            </Link>
            {d.caseReference ? ` (${d.caseReference})` : ''}:{' '}
            {t('work.silent', { duration: formatDuration(secondsSince(d.lastHeartbeatAt ?? '', now), t) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
