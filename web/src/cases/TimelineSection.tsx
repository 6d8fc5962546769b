import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { TimelineEntry } from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import type { CaseSectionProps } from './sections.ts';
import { actorText, serverText } from './serverText.ts';

interface Page {
  entries: TimelineEntry[];
  nextCursor: string | null;
}

/** Everything that happened on the case, newest first, fifty at a time. */
export function TimelineSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(before: string | null) {
    try {
      const page = await api.get<Page>(`/cases/${caseData.id}/timeline${before ? `?before=${before}` : ''}`);
      setEntries((prev) => (before ? [...prev, ...page.entries] : page.entries));
      setCursor(page.nextCursor);
    } catch (err) {
      setError(saveError(err, t));
    }
  }
  // reload from the top whenever the case changed (its version)
  // biome-ignore lint/correctness/useExhaustiveDependencies: load is recreated each render
  useEffect(() => {
    void load(null);
  }, [caseData.id, caseData.version]);

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('case.timeline.title')}</h2>
      <ErrorRegion message={error} />
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
      {cursor && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => void load(cursor)}
        >
          {t('case.timeline.more')}
        </button>
      )}
    </section>
  );
}
