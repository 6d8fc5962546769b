import { useId, useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { AlarmPlanStep } from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { problemMessage } from '../ui/problem.ts';
import { formatClock } from '../ui/time.ts';
import { type TickForm, tickBody } from './plan-bodies.ts';
import { useTickStep } from './plan-mutations.ts';

/**
 * One step of the action plan: its instruction, and ticked "done" or "not done" with a reason. A step the
 * client's safety plan forbids cannot be ticked done; a ticked step shows when and how.
 */
export function PlanStepItem({ alarmId, step }: { alarmId: string; step: AlarmPlanStep }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const id = useId();
  const tick = useTickStep(alarmId);
  const [askReason, setAskReason] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TickForm>({
    defaultValues: { done: false, reason: '' },
    reValidateMode: 'onSubmit',
    resolver: withRules(
      bodyResolver('POST /api/v1/alarms/{id}/plan/ticks', { toBody: (v) => tickBody(step.key, v) }),
      (v) => ({ reason: !v.done && !v.reason.trim() ? t('console.plan.reasonRequired') : undefined }),
    ),
  });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await tick.mutateAsync(tickBody(step.key, values));
      setAskReason(false);
      form.reset();
    } catch (err) {
      setError(problemMessage(err, t));
      if (err instanceof ApiError)
        for (const [field, message] of Object.entries(err.fieldErrors()))
          form.setError(field as Path<TickForm>, { message });
    }
  });
  const tickAs = (done: boolean) => {
    form.setValue('done', done);
    void submit();
  };

  const instructionId = `${id}-instruction`;
  const forbiddenId = `${id}-forbidden`;
  const busy = tick.isPending;
  return (
    <li
      className={`action-plan-step${step.forbidden ? ' action-plan-step--forbidden' : ''}`}
      data-action-plan-step={step.source}
      data-ticked={step.tick ? (step.tick.done ? 'done' : 'not-done') : undefined}
    >
      {step.source === 'case' && (
        <p className="action-plan-step__source">{t('console.plan.caseAgreement')}</p>
      )}
      <p className="action-plan-step__instruction" id={instructionId}>
        {step.instruction}
      </p>
      {step.policePriority !== null && (
        <p className="action-plan-step__detail">
          {t('console.plan.policePriority', { priority: step.policePriority })}
        </p>
      )}
      {step.forbidden && (
        <p className="action-plan-step__forbidden" id={forbiddenId}>
          <strong>{t('console.plan.forbidden')}</strong>
        </p>
      )}
      {step.tick && (
        <p className="action-plan-step__tick">
          <span className={`utrecht-status-badge${step.tick.done ? '' : ' utrecht-status-badge--warning'}`}>
            {step.tick.done
              ? t('console.plan.doneAt', { time: formatClock(step.tick.at, lang) })
              : t('console.plan.notDoneAt', { time: formatClock(step.tick.at, lang) })}
          </span>
          {step.tick.byName && <> {t('console.plan.by', { name: step.tick.byName })}</>}
          {step.tick.reason && <span className="action-plan-step__reason">{step.tick.reason}</span>}
        </p>
      )}
      {!step.tick && (
        <form className="action-plan-step__tick-form" onSubmit={submit} noValidate>
          <ErrorRegion message={error} />
          {askReason ? (
            <>
              <Field
                id={`${id}-reason`}
                label={t('console.plan.reason')}
                error={form.formState.errors.reason?.message}
              >
                {(p) => <textarea {...p} rows={2} required {...form.register('reason')} />}
              </Field>
              <div className="action-plan-step__buttons">
                <button
                  type="button"
                  className="utrecht-button utrecht-button--primary-action"
                  disabled={busy}
                  aria-describedby={instructionId}
                  onClick={() => tickAs(false)}
                >
                  {t('console.plan.saveNotDone')}
                </button>
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  disabled={busy}
                  onClick={() => {
                    setAskReason(false);
                    form.clearErrors();
                  }}
                >
                  {t('console.plan.cancel')}
                </button>
              </div>
            </>
          ) : (
            <div className="action-plan-step__buttons">
              <button
                type="button"
                className="utrecht-button utrecht-button--primary-action"
                disabled={busy || step.forbidden}
                aria-describedby={step.forbidden ? `${instructionId} ${forbiddenId}` : instructionId}
                onClick={() => tickAs(true)}
              >
                {t('console.plan.done')}
              </button>
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                disabled={busy}
                aria-describedby={instructionId}
                onClick={() => setAskReason(true)}
              >
                {t('console.plan.notDone')}
              </button>
            </div>
          )}
        </form>
      )}
    </li>
  );
}
