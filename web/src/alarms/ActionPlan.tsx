import { useTranslation } from 'react-i18next';
import type { AlarmTimelineEntry } from '../api/contract.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PlanStepItem } from './PlanStepItem.tsx';
import { voiceStateOf } from './plan-bodies.ts';
import { useAlarmPlan } from './queries.ts';
import { VoiceLinkControls } from './VoiceLinkControls.tsx';
import './plan.css';

/**
 * The action plan of the alarm this operator handles: the client's agreements that override a step first,
 * in red; then the voice link; then the steps in order, each to tick. `timeline`: the alarm's, from which
 * the voice link's state is read.
 */
export function ActionPlan({
  alarmId,
  timeline,
}: {
  alarmId: string;
  timeline: readonly AlarmTimelineEntry[];
}) {
  const { t } = useTranslation();
  const plan = useAlarmPlan(alarmId);
  const alerts = plan.data?.steps.filter((s) => s.alert) ?? [];
  const steps = plan.data?.steps.filter((s) => !s.alert) ?? [];
  return (
    <section className="action-plan" data-testid="action-plan" aria-labelledby="plan-title">
      <h3 id="plan-title">{t('console.plan.title')}</h3>
      {alerts.map((a) => (
        <div
          key={a.key}
          className="utrecht-alert utrecht-alert--error action-plan__alert"
          data-testid="plan-alert"
        >
          <div className="utrecht-alert__content">
            <p className="utrecht-alert__message">
              <strong>{t('console.plan.alert', { agreement: a.instruction })}</strong>
            </p>
          </div>
        </div>
      ))}
      <VoiceLinkControls alarmId={alarmId} state={voiceStateOf(timeline)} />
      {plan.data ? (
        steps.length > 0 ? (
          <ol className="plain-list action-plan__steps" aria-label={t('console.plan.steps')}>
            {steps.map((s) => (
              <PlanStepItem key={s.key} alarmId={alarmId} step={s} />
            ))}
          </ol>
        ) : (
          <p className="muted">{t('console.plan.empty')}</p>
        )
      ) : (
        <LoadState
          loading={plan.isFetching}
          error={plan.error ?? undefined}
          onRetry={() => void plan.refetch()}
        />
      )}
    </section>
  );
}
