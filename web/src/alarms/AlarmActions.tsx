import { useState } from 'react';
import { type FieldValues, type Path, type UseFormReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { Alarm, Outcome } from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { problemMessage } from '../ui/problem.ts';
import {
  type AlarmStep,
  type ConsoleRole,
  isTestAlarm,
  outcomeNeedsNote,
  outcomesFor,
  stepsFor,
} from './model.ts';
import { dispatchBody, forwardBody, type NoteForm, type ResolveForm, resolveBody } from './step-bodies.ts';
import { type StepRequest, useAlarmStep } from './steps.ts';

interface AlarmActionsProps {
  alarm: Alarm;
  mode: ConsoleRole;
  /** A step succeeded; the server's updated alarm. */
  onDone: (alarm: Alarm, step: AlarmStep) => void;
}

/** Runs one step; a refusal is shown above the steps and, where the server names a field, at it. */
type Run = <F extends FieldValues>(request: StepRequest, form?: UseFormReturn<F>) => Promise<void>;

/** The step buttons of the detail panel, per role and state. */
export function AlarmActions({ alarm, mode, onDone }: AlarmActionsProps) {
  const { t } = useTranslation();
  const steps = stepsFor(alarm, mode);
  const step = useAlarmStep();
  const [busy, setBusy] = useState<AlarmStep | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run<F extends FieldValues>(request: StepRequest, form?: UseFormReturn<F>) {
    setBusy(request.step);
    setError(null);
    try {
      const updated = await step.mutateAsync(request);
      form?.reset();
      onDone(updated, request.step);
    } catch (err) {
      setError(problemMessage(err, t));
      if (err instanceof ApiError && form)
        for (const [field, message] of Object.entries(err.fieldErrors()))
          form.setError(field as Path<F>, { message });
    } finally {
      setBusy(null);
    }
  }

  if (steps.length === 0) return null;
  const disabled = busy !== null;

  return (
    <section className="steps" aria-labelledby="steps-title">
      <h3 id="steps-title">{t('console.stepsTitle')}</h3>
      <ErrorRegion message={error} />

      {steps.includes('claim') && (
        <div className="step step--claim">
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action aware-button--big"
            disabled={disabled}
            aria-keyshortcuts="c"
            onClick={() => void run({ alarmId: alarm.id, step: 'claim' })}
          >
            {t('console.claim')}
          </button>
          <p className="steps__hint">{t('console.claimHint')}</p>
        </div>
      )}

      {steps.includes('forward') && <ForwardStep alarm={alarm} run={run} disabled={disabled} />}
      {steps.includes('dispatch') && <DispatchStep alarm={alarm} run={run} disabled={disabled} />}

      {steps.includes('on_scene') && (
        <div className="step">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action aware-button--big"
            disabled={disabled}
            onClick={() => void run({ alarmId: alarm.id, step: 'on_scene' })}
          >
            {t('console.onScene')}
          </button>
        </div>
      )}

      {steps.includes('resolve') && <ResolveStep alarm={alarm} run={run} disabled={disabled} />}
    </section>
  );
}

interface StepFormProps {
  alarm: Alarm;
  run: Run;
  disabled: boolean;
}

function ForwardStep({ alarm, run, disabled }: StepFormProps) {
  const { t } = useTranslation();
  const form = useForm<NoteForm>({
    defaultValues: { note: '' },
    reValidateMode: 'onSubmit',
    resolver: bodyResolver('POST /api/v1/alarms/{id}/forward', { toBody: forwardBody }),
  });
  const submit = form.handleSubmit((values) =>
    run({ alarmId: alarm.id, step: 'forward', body: forwardBody(values) }, form),
  );
  return (
    <form className="step" onSubmit={submit} noValidate>
      <Field id="forward-note" label={t('console.forwardNote')} error={form.formState.errors.note?.message}>
        {(p) => <textarea {...p} rows={2} {...form.register('note')} />}
      </Field>
      <button
        type="submit"
        className="utrecht-button utrecht-button--primary-action aware-button--big"
        disabled={disabled}
      >
        {t('console.forward')}
      </button>
    </form>
  );
}

function DispatchStep({ alarm, run, disabled }: StepFormProps) {
  const { t } = useTranslation();
  const form = useForm<NoteForm>({
    defaultValues: { note: '' },
    reValidateMode: 'onSubmit',
    resolver: withRules(bodyResolver('POST /api/v1/alarms/{id}/dispatch', { toBody: dispatchBody }), (v) => ({
      note: v.note.trim() ? undefined : t('console.dispatchNoteRequired'),
    })),
  });
  const submit = form.handleSubmit((values) =>
    run({ alarmId: alarm.id, step: 'dispatch', body: dispatchBody(values) }, form),
  );
  return (
    <form className="step" onSubmit={submit} noValidate>
      <Field
        id="dispatch-note"
        label={t('console.dispatchNote')}
        hint={t('console.dispatchNoteHint')}
        error={form.formState.errors.note?.message}
      >
        {(p) => <textarea {...p} rows={2} required {...form.register('note')} />}
      </Field>
      <button
        type="submit"
        className="utrecht-button utrecht-button--primary-action aware-button--big"
        disabled={disabled}
      >
        {t('console.dispatch')}
      </button>
    </form>
  );
}

function ResolveStep({ alarm, run, disabled }: StepFormProps) {
  const { t } = useTranslation();
  const defaultOutcome: Outcome | '' = isTestAlarm(alarm) ? 'test' : '';
  const form = useForm<ResolveForm>({
    defaultValues: { outcome: defaultOutcome, note: '' },
    reValidateMode: 'onSubmit',
    resolver: withRules(bodyResolver('POST /api/v1/alarms/{id}/resolve', { toBody: resolveBody }), (v) => ({
      outcome: v.outcome ? undefined : t('console.outcomeRequired'),
      note:
        v.outcome && outcomeNeedsNote(v.outcome) && !v.note.trim()
          ? t('console.noteRequiredOther')
          : undefined,
    })),
  });
  const outcome = form.watch('outcome');
  const noteRequired = !!outcome && outcomeNeedsNote(outcome);
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    run({ alarmId: alarm.id, step: 'resolve', body: resolveBody(values) }, form),
  );
  return (
    <form className="step step--resolve" onSubmit={submit} noValidate>
      <Field id="resolve-outcome" label={t('console.outcome')} error={errors.outcome?.message}>
        {(p) => (
          <select {...p} required {...form.register('outcome')}>
            {!defaultOutcome && <option value="">{t('console.chooseOutcome')}</option>}
            {outcomesFor(alarm).map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="resolve-note"
        label={noteRequired ? t('console.resolveNoteRequired') : t('console.resolveNote')}
        error={errors.note?.message}
      >
        {(p) => <textarea {...p} rows={2} required={noteRequired} {...form.register('note')} />}
      </Field>
      <button
        type="submit"
        className="utrecht-button utrecht-button--secondary-action aware-button--big"
        disabled={disabled}
      >
        {t('console.resolve')}
      </button>
    </form>
  );
}
