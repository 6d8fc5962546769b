import { useTranslation } from 'react-i18next';
import type { Alarm } from '../api/contract.ts';

/** Coordinates of an alarm with their accuracy, as the card and the detail panel show them. */
export function PositionText({ position }: { position: NonNullable<Alarm['position']> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="mono">
        {position.lat.toFixed(5)}, {position.lon.toFixed(5)}
      </span>
      {position.accuracy != null && (
        <span className="muted"> {t('alarms.accuracy', { meters: Math.round(position.accuracy) })}</span>
      )}
    </>
  );
}
