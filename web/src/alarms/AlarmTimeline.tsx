import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AlarmTimelineEntry } from '../api/contract.ts';
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
        <ol className="plain-list timeline__list">
          {entries.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: timeline entries are append-only
            <li key={i} className="timeline__item">
              <time dateTime={e.at} className="timeline__time tabular" title={formatDate(e.at, lang)}>
                {formatClock(e.at, lang)}
              </time>
              <div className="timeline__body">
                <span className="timeline__step">
                  {e.repeat ? (
                    <span className="utrecht-status-badge utrecht-status-badge--active">
                      {t('console.repeatPress')}
                    </span>
                  ) : e.toState && e.toState !== e.fromState ? (
                    <StateBadge state={e.toState} />
                  ) : (
                    <span className="utrecht-status-badge">{t('console.note')}</span>
                  )}
                  <span className="timeline__actor">{actorName(e, t)}</span>
                </span>
                {e.messageCode && <p className="timeline__message">{timelineMessage(e, t)}</p>}
                {e.note && <p className="timeline__note">{e.note}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What the system says on the timeline, in the reader's language (the server sends a code). */
function timelineMessage(e: AlarmTimelineEntry, t: TFunction): string {
  const loose = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const params = { ...e.messageParams };
  if (typeof params.reason === 'string')
    params.reason = loose(`console.timelineMsg.reasons.${params.reason}`);
  if (e.messageCode === 'voiceLink') return loose(`console.timelineMsg.voiceLink.${params.mode}`);
  if (e.messageCode === 'planStep') {
    params.action = loose(`console.timelineMsg.planActions.${params.action}`);
    params.outcome = loose(`console.timelineMsg.planOutcomes.${params.outcome}`);
  }
  return loose(`console.timelineMsg.${e.messageCode}`, params);
}

/** A person by name, the button by its label, a part of the system in words — never an address or code. */
function actorName(e: AlarmTimelineEntry, t: TFunction): string {
  if (e.actorKind === 'person') return e.actorName || t('console.actorUnknown');
  if (e.actorKind === 'device') return e.actorName ?? '';
  return e.actorName === 'escalation' || e.actorName === 'supervision'
    ? t(`console.systemActor.${e.actorName}`)
    : t('console.systemActor.other');
}
