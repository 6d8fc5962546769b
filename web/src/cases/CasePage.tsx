import { type KeyboardEvent, useRef, useState } from 'react';
import { caseworkSections } from '../casework/sections.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { intakeSections } from './caseSections.ts';
import { useCaseT } from './i18n.ts';
import { useCaseRefresh } from './mutations.ts';
import { useCase } from './queries.ts';
import { StatusActions } from './StatusActions.tsx';
import './cases.css';

/** The case page: heading, status actions, and one tab per section (phases 1-2, then 3-4). */
export function CasePage({ id }: { id: string }) {
  const { t } = useCaseT();
  const { data, error, isFetching, refetch } = useCase(id);
  const refresh = useCaseRefresh(id);
  const reload = () => void refresh();
  const [picked, setPicked] = useState<string>(() => window.location.hash.slice(1) || 'overview');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  if (!data) {
    return (
      <section className="page">
        <PageHeading title={t('case.title')}>{t('case.title')}</PageHeading>
        <LoadState loading={isFetching} error={error ?? undefined} onRetry={() => void refetch()} />
      </section>
    );
  }
  const sections = [...intakeSections, ...caseworkSections].filter((s) => !s.visible || s.visible(data));
  const active = sections.find((s) => s.id === picked) ?? sections[0]!;

  function select(sectionId: string) {
    setPicked(sectionId);
    window.history.replaceState(null, '', `#${sectionId}`);
  }
  function onKey(e: KeyboardEvent, index: number) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const to =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? sections.length - 1
          : (index + step + sections.length) % sections.length;
    if (step === 0 && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    select(sections[to]!.id);
    tabs.current[to]?.focus();
  }

  const title = `${t('case.title')} ${data.reference}`;
  return (
    <section className="page case-page" data-case-status={data.status}>
      <div className="page__head">
        <PageHeading title={title}>{data.reference}</PageHeading>
        <span
          className={`utrecht-status-badge case-status case-status--${data.status}`}
          data-testid="case-status"
        >
          {t(`case.statuses.${data.status}`)}
        </span>
        <span className="utrecht-status-badge">{t(`case.targetGroups.${data.targetGroup}`)}</span>
      </div>
      <p className="case-page__meta">
        {t('case.director')}: {data.caseDirector?.name ?? t('case.none')} · {t('case.caseworker')}:{' '}
        {data.caseworker?.name ?? t('case.none')} · {data.organisationName}
      </p>
      <StatusActions caseData={data} />
      <div role="tablist" aria-label={t('case.sectionsLabel')} className="case-tabs">
        {sections.map((s, i) => (
          <button
            key={s.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${s.id}`}
            aria-selected={s.id === active.id}
            aria-controls={`panel-${s.id}`}
            tabIndex={s.id === active.id ? 0 : -1}
            onClick={() => select(s.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(s.labelKey as 'case.title')}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${active.id}`}
        aria-labelledby={`tab-${active.id}`}
        className="case-panel"
      >
        <active.Component caseData={data} reload={reload} />
      </div>
    </section>
  );
}
