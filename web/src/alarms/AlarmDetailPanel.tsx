import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../api/contract.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { formatClock, formatDateTime } from '../ui/time.ts';
import { ActionPlan } from './ActionPlan.tsx';
import { AlarmActions } from './AlarmActions.tsx';
import { AlarmTimeline } from './AlarmTimeline.tsx';
import { EvidenceExport } from './EvidenceExport.tsx';
import { LinkedInfo } from './LinkedInfo.tsx';
import {
  type AlarmStep,
  type ConsoleRole,
  escalationLevel,
  isForwarded,
  isOpen,
  isTestAlarm,
} from './model.ts';
import { OutcomeText } from './OutcomeText.tsx';
import { PositionText } from './PositionText.tsx';
import { useAlarmDetail } from './queries.ts';
import { EscalationTag, StateBadge } from './StateBadge.tsx';

interface AlarmDetailPanelProps {
  alarmId: string;
  /** The alarm as the live queue knows it; undefined once it has left the open list. */
  live: Alarm | undefined;
  mode: ConsoleRole;
  tileUrl: string | null;
  onClose: () => void;
  onDone: (alarm: Alarm, step: AlarmStep) => void;
  /** 1 + the repeated presses of the same button folded into this alarm */
  presses?: number;
  lastPressAt?: string;
  /** the newest position among the presses, when pressed more than once */
  latestPosition?: Alarm['position'];
}

// Leaflet is only needed by the consoles: load it on first use.
const AlarmMap = lazy(() => import('./AlarmMap.tsx').then((m) => ({ default: m.AlarmMap })));

/** Everything about one alarm: steps, map, need-to-know information and timeline. Keyed by alarm id. */
export function AlarmDetailPanel({
  alarmId,
  live,
  mode,
  tileUrl,
  onClose,
  onDone,
  presses = 1,
  lastPressAt,
  latestPosition,
}: AlarmDetailPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  // kept current by the live stream and the steps (live-cache.ts): a step, a dispatch note or a repeated
  // press re-reads the timeline
  const detail = useAlarmDetail(alarmId);
  const me = useMe();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const retry = () => void detail.refetch();
  const alarm: Alarm | undefined = live ?? detail.data;
  if (!alarm) {
    return (
      <aside className="panel detail" id="alarm-detail" aria-label={t('console.detailTitle')}>
        <LoadState loading={detail.isFetching} error={detail.error ?? undefined} onRetry={retry} />
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onClose}>
          {t('console.close')}
        </button>
      </aside>
    );
  }

  // Gone from the open list = resolved (by us or someone else); the detail read confirms it.
  const open = !!live && isOpen(live);
  const kindLabel = t(`alarms.kind.${alarm.kind}`, { defaultValue: alarm.kind });
  const reference = alarm.caseReference ?? alarm.deviceLabel;
  // with repeated presses, the newest position known: where the client is now
  const position = latestPosition ?? alarm.position;
  const state = live ? live.state : (detail.data?.state ?? 'resolved');
  const outcome = live?.outcome ?? detail.data?.outcome ?? null;
  // The operator handles an alarm once claimed: do not ask (an audited refusal) before that.
  const notYet = mode === 'operator' && state === 'received';

  // Who, where and the perpetrator first; then the action plan of the operator holding the claim and the
  // steps; then the map and the rest.
  const plan =
    mode === 'operator' && open && live?.claimedById === me.id ? (
      <ActionPlan alarmId={alarm.id} timeline={detail.data?.timeline ?? []} />
    ) : null;
  const steps = (
    <>
      {plan}
      {open && live && <AlarmActions key={live.state} alarm={live} mode={mode} onDone={onDone} />}
    </>
  );

  const where = (
    <dl className="detail__summary">
      <div>
        <dt>{t('console.where')}</dt>
        <dd>
          {position ? (
            <>
              <PositionText position={position} />{' '}
              <a href={`geo:${position.lat},${position.lon}`}>{t('alarms.openInMapApp')}</a>
            </>
          ) : (
            t('alarms.noPosition')
          )}
        </dd>
      </div>
      <div>
        <dt>{t('alarms.received')}</dt>
        <dd className="tabular">
          <time dateTime={alarm.receivedAt}>{formatClock(alarm.receivedAt, lang)}</time>
          {presses > 1 && (
            <>
              {' · '}
              <strong className="presses" data-testid="detail-presses">
                {t('console.presses', { count: presses })}
              </strong>
              {lastPressAt && <> ({t('console.lastPress', { time: formatClock(lastPressAt, lang) })})</>}
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('alarms.device')}</dt>
        <dd>{alarm.deviceLabel}</dd>
      </div>
    </dl>
  );

  return (
    <aside
      className={`panel detail detail--${alarm.kind}`}
      id="alarm-detail"
      aria-labelledby="detail-title"
      data-detail-alarm-id={alarm.id}
    >
      <div className="detail__head">
        <h2 id="detail-title" ref={headingRef} tabIndex={-1}>
          <span className={`kind kind--${alarm.kind}`}>{kindLabel}</span>{' '}
          <span className="mono">{reference}</span>
        </h2>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onClose}>
          {t('console.close')}
        </button>
      </div>
      <p className="detail__status">
        <StateBadge state={state} />
        <EscalationTag level={escalationLevel(alarm)} />
        {isTestAlarm(alarm) && (
          <span className="utrecht-status-badge utrecht-status-badge--active">{t('console.testTag')}</span>
        )}
        {alarm.claimedByName && (
          <span className="detail__claimed">{t('console.claimedByName', { name: alarm.claimedByName })}</span>
        )}
      </p>

      {!open && (
        <div className="utrecht-alert utrecht-alert--info" role="status">
          {t('console.resolvedNotice')}
          {outcome && (
            <>
              {' '}
              <strong>
                <OutcomeText outcome={outcome} />
              </strong>
            </>
          )}
        </div>
      )}

      {((mode === 'police' && isForwarded(alarm)) || alarm.forwardNote) && <ForwardNote alarm={alarm} />}
      {where}

      {open && alarm.caseId ? (
        notYet ? (
          // not yet claimed: the claim button first; the linked information follows once claimed
          <>
            {steps}
            <LinkedInfo alarmId={alarm.id} phase="waiting" notYet />
          </>
        ) : (
          <LinkedInfo alarmId={alarm.id} phase={state === 'received' ? 'waiting' : 'handling'} notYet={false}>
            {steps}
          </LinkedInfo>
        )
      ) : (
        <>
          {open && <p className="muted">{t('console.noCaseLinked')}</p>}
          {steps}
        </>
      )}

      <div className="detail__where">
        {position ? (
          <Suspense fallback={<div className="alarm-map alarm-map--plain" aria-hidden="true" />}>
            <AlarmMap position={position} tileUrl={tileUrl} />
          </Suspense>
        ) : (
          <p className="detail__nomap">{t('alarms.noPosition')}</p>
        )}
        <dl className="detail__facts">
          {alarm.occurredAt && (
            <div>
              <dt>{t('console.occurred')}</dt>
              <dd className="tabular">
                <time dateTime={alarm.occurredAt}>{formatDateTime(alarm.occurredAt, lang)}</time>
              </dd>
            </div>
          )}
          {alarm.batteryPercent != null && (
            <div>
              <dt>{t('alarms.battery')}</dt>
              <dd className="tabular">{alarm.batteryPercent}%</dd>
            </div>
          )}
        </dl>
      </div>

      {detail.data ? (
        <AlarmTimeline entries={detail.data.timeline ?? []} />
      ) : (
        <LoadState loading={detail.isFetching} error={detail.error ?? undefined} onRetry={retry} />
      )}
      {detail.data?.mayExportEvidence && <EvidenceExport alarmId={alarm.id} />}
    </aside>
  );
}

/** The alarm centre's note, at the top of the police control room's view. */
function ForwardNote({ alarm }: { alarm: Alarm }) {
  const { t } = useTranslation();
  return (
    <section className="forward-note" data-testid="forward-note" aria-labelledby="forward-note-title">
      <h3 id="forward-note-title">{t('console.forwardNoteTitle')}</h3>
      {alarm.forwardNote ? (
        <p className="forward-note__text">{alarm.forwardNote}</p>
      ) : (
        <p className="muted">{t('console.noForwardNote')}</p>
      )}
      {alarm.forwardedByName && (
        <p className="forward-note__by">{t('console.forwardNoteBy', { name: alarm.forwardedByName })}</p>
      )}
    </section>
  );
}
