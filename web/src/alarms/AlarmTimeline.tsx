import { useTranslation } from 'react-i18next';
import type { AlarmTimelineEntry } from '../api/types.ts';
import { formatClock, formatDate } from '../ui/time.ts';
import { StateBadge } from './StateBadge.tsx';

/** Every step of the alarm, oldest first, with who took it and the note. */
export function AlarmTimeline({ entries }: { entries: readonly AlarmTimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('console.timeline')}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t('console.timelineEmpty')}</p>
      ) : (
        <ol className="timeline__list">
          {entries.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: timeline entries are append-only
            <li key={i} className="timeline__item">
              <time dateTime={e.at} className="timeline__time tabular" title={formatDate(e.at, lang)}>
                {formatClock(e.at, lang)}
              </time>
              <div className="timeline__body">
                <span className="timeline__step">
                  {e.toState && e.toState !== e.fromState ? (
                    <StateBadge state={e.toState} />
                  ) : (
                    <span className="tag">{t('console.note')}</span>
                  )}
                  {e.actorLabel && <span className="timeline__actor">{e.actorLabel}</span>}
                </span>
                {e.note && <p className="timeline__note">{e.note}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
