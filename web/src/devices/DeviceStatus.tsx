import { useTranslation } from 'react-i18next';
import type { Device, DeviceState } from '../api/contract.ts';
import { formatDuration, secondsSince } from '../ui/time.ts';
import { heartbeatLate } from './labels.ts';

export function StateTag({ state }: { state: DeviceState }) {
  const { t } = useTranslation();
  return (
    <span className={`utrecht-status-badge state--${state}`}>
      {t(`devices.states.${state}`, { defaultValue: state })}
    </span>
  );
}

export function HeartbeatAge({ device, now }: { device: Device; now: number }) {
  const { t } = useTranslation();
  if (!device.lastHeartbeatAt) return <span className="muted">{t('devices.noHeartbeat')}</span>;
  const late = heartbeatLate(device, now);
  return (
    <span className="tabular">
      <time dateTime={device.lastHeartbeatAt}>
        {t('time.ago', { duration: formatDuration(secondsSince(device.lastHeartbeatAt, now), t) })}
      </time>
      {late && (
        <span className="utrecht-status-badge utrecht-status-badge--warning">{t('devices.overdue')}</span>
      )}
    </span>
  );
}

export function Battery({ device }: { device: Pick<Device, 'batteryPercent' | 'charging'> }) {
  const { t } = useTranslation();
  if (device.batteryPercent == null) return <span className="muted">—</span>;
  const low = device.batteryPercent <= 20;
  return (
    <span className={`tabular${low ? ' battery--low' : ''}`}>
      {device.batteryPercent}%{device.charging && <span className="muted"> · {t('devices.charging')}</span>}
    </span>
  );
}

export function KeyStatus({ hasKey }: { hasKey: boolean }) {
  const { t } = useTranslation();
  return hasKey ? (
    <span>{t('devices.keySet')}</span>
  ) : (
    <span className="muted">{t('devices.keyNotSet')}</span>
  );
}
