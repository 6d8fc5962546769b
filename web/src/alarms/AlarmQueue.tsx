import { useTranslation } from 'react-i18next';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { useNow } from '../ui/time.ts';
import { AlarmCard } from './AlarmCard.tsx';
import { sortAlarms } from './model.ts';
import { type StreamStatus, useOpenAlarms } from './useOpenAlarms.ts';
import './alarms.css';

export function AlarmQueue() {
  const { t } = useTranslation();
  const { alarms, error, status, lastArrived, reload } = useOpenAlarms();
  const now = useNow(1000);

  return (
    <section aria-labelledby="alarm-queue-title" className="alarm-queue">
      <div className="alarm-queue__bar">
        <h2 id="alarm-queue-title">
          {t('alarms.queueLabel')}
          {alarms && alarms.length > 0 && <span className="count-pill">{alarms.length}</span>}
        </h2>
        <StreamIndicator status={status} />
      </div>

      {/* Screen-reader announcement of newly arrived alarms; panic interrupts. */}
      <div
        className="visually-hidden"
        aria-live={lastArrived?.kind === 'panic' ? 'assertive' : 'polite'}
        aria-atomic="true"
      >
        {lastArrived &&
          t('alarms.announceNew', {
            kind: t(`alarms.kind.${lastArrived.kind}`),
            reference: lastArrived.caseReference ?? lastArrived.deviceAccount,
          })}
      </div>

      {alarms && error && <LoadState loading={false} error={error} onRetry={reload} />}
      {!alarms ? (
        <LoadState loading error={error} onRetry={reload} />
      ) : alarms.length === 0 ? (
        <EmptyState title={t('alarms.empty')} hint={t('alarms.emptyHint')} />
      ) : (
        <ol className="alarm-list" aria-label={t('alarms.count', { count: alarms.length })}>
          {sortAlarms(alarms).map((a) => (
            <AlarmCard key={a.id} alarm={a} now={now} />
          ))}
        </ol>
      )}
    </section>
  );
}

function StreamIndicator({ status }: { status: StreamStatus }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`stream stream--${status}`}>
      <span className="stream__dot" aria-hidden="true" />
      {t(`alarms.${status}`)}
    </p>
  );
}
