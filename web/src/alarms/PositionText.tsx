import { useTranslation } from 'react-i18next';
import type { Alarm } from '../api/contract.ts';
import { formatDuration } from '../ui/time.ts';

type Position = NonNullable<Alarm['position']>;

/**
 * Where the alarm is, as the card and the detail panel show it: the address near the position once the
 * geocoder found one ("bij Stationsplein 1, Hilversum (± 25 m)"), else the coordinates; the accuracy, and
 * how old the fix was when the alarm came in. An address not (yet) known is simply not shown.
 */
export function PositionText({ position }: { position: Position }) {
  const { t } = useTranslation();
  const { address } = position;
  return (
    <>
      {address ? (
        <span data-testid="alarm-address">
          {address.distanceMetres != null
            ? t('alarms.addressNear', { address: address.text, meters: Math.round(address.distanceMetres) })
            : t('alarms.addressAt', { address: address.text })}{' '}
          <span className="mono muted">
            ({position.lat.toFixed(5)}, {position.lon.toFixed(5)})
          </span>
        </span>
      ) : (
        <span className="mono">
          {position.lat.toFixed(5)}, {position.lon.toFixed(5)}
        </span>
      )}
      {position.accuracy != null && (
        <span className="muted"> {t('alarms.accuracy', { meters: Math.round(position.accuracy) })}</span>
      )}
      {position.ageAtAlarmSeconds != null && (
        <span className="muted" data-testid="fix-age">
          {' '}
          · {t('alarms.fixAge', { age: formatDuration(position.ageAtAlarmSeconds, t) })}
        </span>
      )}
    </>
  );
}
