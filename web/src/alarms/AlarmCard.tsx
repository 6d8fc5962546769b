import { useTranslation } from 'react-i18next';
import type { Alarm } from '../api/types.ts';
import { formatClock, formatDuration, secondsSince } from '../ui/time.ts';

export function AlarmCard({ alarm, now }: { alarm: Alarm; now: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const age = secondsSince(alarm.receivedAt, now);
  const kindLabel = t(`alarms.kind.${alarm.kind}`, { defaultValue: alarm.kind });

  return (
    <li className={`alarm alarm--${alarm.kind}`} data-alarm-id={alarm.id} data-kind={alarm.kind}>
      <div className="alarm__head">
        <span className={`kind kind--${alarm.kind}`}>{kindLabel}</span>
        <span className="alarm__age" title={t('alarms.age')}>
          <span className="visually-hidden">{t('alarms.age')}: </span>
          <span className="tabular">{formatDuration(age, t)}</span>
        </span>
      </div>
      <dl className="alarm__facts">
        <div>
          <dt>{t('alarms.case')}</dt>
          <dd className="mono">
            {alarm.caseReference ?? <span className="muted">{t('alarms.noCase')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('alarms.device')}</dt>
          <dd className="mono">{alarm.deviceAccount}</dd>
        </div>
        <div>
          <dt>{t('alarms.received')}</dt>
          <dd className="tabular">
            <time dateTime={alarm.receivedAt}>{formatClock(alarm.receivedAt, lang)}</time>
          </dd>
        </div>
        <div className="alarm__position">
          <dt>{t('alarms.position')}</dt>
          <dd>
            {alarm.position ? (
              <>
                <span className="mono">
                  {alarm.position.lat.toFixed(5)}, {alarm.position.lon.toFixed(5)}
                </span>
                {alarm.position.accuracy != null && (
                  <span className="muted">
                    {' '}
                    {t('alarms.accuracy', { meters: Math.round(alarm.position.accuracy) })}
                  </span>
                )}{' '}
                <a href={`geo:${alarm.position.lat},${alarm.position.lon}`} className="alarm__maplink">
                  {t('alarms.openInMapApp')}
                </a>
              </>
            ) : (
              <span className="muted">{t('alarms.noPosition')}</span>
            )}
          </dd>
        </div>
        {alarm.batteryPercent != null && (
          <div>
            <dt>{t('alarms.battery')}</dt>
            <dd className="tabular">{alarm.batteryPercent}%</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
