import { ErrorRegion } from '../ui/Alert.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import { useCaseTimeline } from './queries.ts';
import type { CaseSectionProps } from './sections.ts';
import { actorText, serverText } from './serverText.ts';

/** Everything that happened on the case, newest first, fifty at a time. */
export function TimelineSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const timeline = useCaseTimeline(caseData.id);
  const entries = timeline.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('case.timeline.title')}</h2>
      <ErrorRegion message={timeline.error ? saveError(timeline.error, t) : null} />
      <ol className="plain-list case-timeline">
        {entries.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>{' '}
            <span className="utrecht-status-badge">
              {t(`case.timeline.kinds.${e.kind}`, { defaultValue: e.kind })}
            </span>{' '}
            <span className="case-timeline__summary">{serverText(e, t, lang)}</span>{' '}
            <span className="muted">— {actorText(e, t)}</span>
          </li>
        ))}
      </ol>
      {timeline.hasNextPage && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => void timeline.fetchNextPage()}
        >
          {t('case.timeline.more')}
        </button>
      )}
    </section>
  );
}
