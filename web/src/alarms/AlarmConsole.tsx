import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Alarm } from '../api/contract.ts';
import { useMeta } from '../app/meta.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { problemMessage } from '../ui/problem.ts';
import { useNow } from '../ui/time.ts';
import { AlarmCard } from './AlarmCard.tsx';
import { AlarmDetailPanel } from './AlarmDetailPanel.tsx';
import { AlarmSignalBar } from './AlarmSignalBar.tsx';
import { DatabaseOutageBanner } from './DatabaseOutageBanner.tsx';
import {
  type AlarmGroup,
  type AlarmStep,
  alarmSignal,
  type ConsoleRole,
  foldRepeats,
  isTestAlarm,
  sortForPolice,
  splitQueue,
} from './model.ts';
import { useAlarmStep } from './steps.ts';
import { type StreamStatus, useOpenAlarms } from './useOpenAlarms.ts';
import './alarms.css';
import './console.css';

/**
 * The live alarm console. Operator: queue with alarm signal, one-key claim, forward and resolve.
 * Police: the same live alarms of their region (no tests), dispatch, on scene and resolve.
 */
export function AlarmConsole({ mode }: { mode: ConsoleRole }) {
  const { t } = useTranslation();
  const { alarms, error, status, database, lastArrived, reload } = useOpenAlarms();
  const step = useAlarmStep();
  const now = useNow(1000);
  const meta = useMeta();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const visible = mode === 'police' ? alarms?.filter((a) => !isTestAlarm(a)) : alarms;
  const split = splitQueue(visible ?? []);
  // repeated presses of one button are one card; the police see what was handed over to them first
  const real = foldRepeats(mode === 'police' ? sortForPolice(split.real) : split.real);
  const tests = foldRepeats(split.tests);
  const signal = alarmSignal(mode === 'operator' ? visible : []);
  const selected = selectedId ? visible?.find((a) => a.id === selectedId) : undefined;
  const selectedGroup = selectedId ? [...real, ...tests].find((g) => g.alarm.id === selectedId) : undefined;

  const select = useCallback((a: Alarm) => {
    setSelectedId(a.id);
    setFailure(null);
  }, []);

  const claim = useCallback(
    (a: Alarm) => {
      setBusyId(a.id);
      setFailure(null);
      setNotice(null);
      step
        .mutateAsync({ alarmId: a.id, step: 'claim' })
        .then((updated) => {
          setSelectedId(updated.id);
          setNotice(t('console.claimed', { reference: updated.caseReference ?? updated.deviceLabel }));
        })
        .catch((err: unknown) => setFailure(problemMessage(err, t)))
        .finally(() => setBusyId(null));
    },
    [step.mutateAsync, t],
  );

  const onDone = useCallback(
    (updated: Alarm, step: AlarmStep) => {
      const reference = updated.caseReference ?? updated.deviceLabel;
      setFailure(null);
      if (step === 'resolve') {
        setSelectedId(null);
        const outcome = updated.outcome
          ? t(`outcomes.${updated.outcome}` as 'outcomes.other', { defaultValue: updated.outcome })
          : '';
        setNotice(t('console.resolved', { reference, outcome }));
        document.getElementById('alarm-queue-title')?.focus();
      } else {
        setNotice(t(`console.done.${step}` as 'console.done.forward', { reference }));
      }
    },
    [t],
  );

  const close = useCallback(() => {
    const id = selectedId;
    setSelectedId(null);
    if (id) {
      window.setTimeout(() => {
        document.querySelector<HTMLElement>(`li[data-alarm-id="${CSS.escape(id)}"]`)?.focus();
      }, 0);
    }
  }, [selectedId]);

  // Escape anywhere closes the detail panel (listed in the keys hint).
  useEffect(() => {
    if (!selectedId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selectedId, close]);

  const card = ({ alarm: a, presses, lastPressAt, position }: AlarmGroup) => (
    <AlarmCard
      key={a.id}
      alarm={a}
      presses={presses}
      lastPressAt={lastPressAt}
      position={position}
      now={now}
      mode={mode}
      selected={a.id === selectedId}
      detailOpen={selectedId !== null}
      busy={busyId === a.id}
      onSelect={select}
      onClaim={claim}
    />
  );

  return (
    <div className={`console${selectedId ? ' console--detail' : ''}`} data-console-mode={mode}>
      <section aria-labelledby="alarm-queue-title" className="alarm-queue">
        <DatabaseOutageBanner database={database} />
        {mode === 'operator' && <AlarmSignalBar signal={signal} />}
        <div className="alarm-queue__bar">
          <h2 id="alarm-queue-title" tabIndex={-1}>
            {t('alarms.queueLabel')}
            {real.length > 0 && <span className="utrecht-badge-counter">{real.length}</span>}
          </h2>
          <StreamIndicator status={status} />
        </div>
        <p className="console__history">
          <Link to="/alarms/history">{t('console.historyLink')}</Link>
        </p>
        {mode === 'operator' && <p className="console__keys">{t('console.keysHint')}</p>}

        {/* Screen-reader announcement of newly arrived alarms; panic interrupts. */}
        <div
          className="visually-hidden"
          aria-live={lastArrived?.kind === 'panic' ? 'assertive' : 'polite'}
          aria-atomic="true"
        >
          {lastArrived &&
            (mode === 'operator' || !isTestAlarm(lastArrived)) &&
            t('alarms.announceNew', {
              kind: t(`alarms.kind.${lastArrived.kind}`),
              reference: lastArrived.caseReference ?? lastArrived.deviceLabel,
            })}
        </div>
        <StatusRegion message={notice} />
        <ErrorRegion message={failure} />

        {alarms && error && <LoadState loading={false} error={error} onRetry={reload} />}
        {!alarms ? (
          <LoadState loading error={error} onRetry={reload} />
        ) : real.length === 0 ? (
          <EmptyState title={t('alarms.empty')} hint={t('alarms.emptyHint')} />
        ) : (
          <ol className="plain-list alarm-list" aria-label={t('alarms.count', { count: real.length })}>
            {real.map(card)}
          </ol>
        )}

        {mode === 'operator' && alarms && (
          <section className="tests" aria-labelledby="tests-title">
            <h2 id="tests-title">
              {t('console.testsTitle')}
              {tests.length > 0 && (
                <span className="utrecht-badge-counter count-pill--quiet">{tests.length}</span>
              )}
            </h2>
            {tests.length === 0 ? (
              <p className="muted">{t('console.testsEmpty')}</p>
            ) : (
              <ol className="plain-list alarm-list alarm-list--tests" aria-label={t('console.testsTitle')}>
                {tests.map(card)}
              </ol>
            )}
          </section>
        )}
      </section>

      {selectedId && (
        <AlarmDetailPanel
          key={selectedId}
          alarmId={selectedId}
          live={selected}
          mode={mode}
          tileUrl={meta?.mapTileUrl ?? null}
          onClose={close}
          onDone={onDone}
          presses={selectedGroup?.presses}
          lastPressAt={selectedGroup?.lastPressAt}
          latestPosition={selectedGroup && selectedGroup.presses > 1 ? selectedGroup.position : undefined}
        />
      )}
    </div>
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
