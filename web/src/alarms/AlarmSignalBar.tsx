import { useTranslation } from 'react-i18next';
import type { AlarmSignal } from './model.ts';
import { useAlarmSound } from './useAlarmSound.ts';

/**
 * Audible and visual alarm signal for unclaimed panics, plus the one-time "Geluid aan" switch.
 * The indicator element exists only while a real panic is unclaimed.
 */
export function AlarmSignalBar({ signal }: { signal: AlarmSignal }) {
  const { t } = useTranslation();
  const sound = useAlarmSound(signal.active, signal.level);
  const needsSwitch = sound.state === 'off' || sound.state === 'blocked';

  return (
    <div className="signal-bar">
      {signal.active && (
        <div className={`signal${signal.level >= 1 ? ' signal--escalated' : ''}`}>
          <span
            className="signal__label"
            data-testid="sound-indicator"
            data-escalated={signal.level >= 1 ? 'true' : undefined}
            data-level={signal.level}
          >
            {t('console.signal')}
          </span>
          <span className="signal__detail">
            {t('console.signalDetail', { count: signal.count })}
            {signal.level >= 1 && ` — ${t('console.signalEscalated')}`}
          </span>
        </div>
      )}
      <div className="sound">
        {needsSwitch && (
          <button
            type="button"
            className={`utrecht-button utrecht-button--secondary-action sound__on${signal.active ? ' sound__on--urgent' : ''}`}
            onClick={sound.enable}
          >
            {t('console.soundOn')}
          </button>
        )}
        {sound.state === 'blocked' && <span className="sound__hint">{t('console.soundBlocked')}</span>}
        {sound.state === 'off' && <span className="sound__hint">{t('console.soundOffHint')}</span>}
        {sound.state === 'on' && (
          <>
            <span className="sound__status">{t('console.soundIsOn')}</span>
            <button type="button" className="utrecht-button utrecht-button--subtle" onClick={sound.disable}>
              {t('console.soundOff')}
            </button>
          </>
        )}
        {sound.state === 'unsupported' && (
          <span className="sound__hint">{t('console.soundUnsupported')}</span>
        )}
      </div>
    </div>
  );
}
