import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client.ts';
import type { Alarm, Outcome } from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { problemMessage } from '../ui/problem.ts';
import {
  type AlarmStep,
  type ConsoleRole,
  isTestAlarm,
  outcomeNeedsNote,
  outcomesFor,
  stepsFor,
} from './model.ts';

const PATHS: Record<AlarmStep, string> = {
  claim: 'claim',
  forward: 'forward',
  dispatch: 'dispatch',
  on_scene: 'on-scene',
  resolve: 'resolve',
};

/** POST one step; every state-changing request sends a JSON body. */
export function postStep(
  alarmId: string,
  step: AlarmStep,
  body: Record<string, string> = {},
): Promise<Alarm> {
  return api.post<Alarm>(`/alarms/${encodeURIComponent(alarmId)}/${PATHS[step]}`, body);
}

interface AlarmActionsProps {
  alarm: Alarm;
  mode: ConsoleRole;
  /** A step succeeded; the server's updated alarm. */
  onDone: (alarm: Alarm, step: AlarmStep) => void;
  /** Someone else was first (409): reload what we show. */
  onConflict: () => void;
}

function trimmed(s: string): Record<string, string> {
  const v = s.trim();
  return v ? { note: v } : {};
}

/** The step buttons of the detail panel, per role and state. */
export function AlarmActions({ alarm, mode, onDone, onConflict }: AlarmActionsProps) {
  const { t } = useTranslation();
  const steps = stepsFor(alarm, mode);
  const [busy, setBusy] = useState<AlarmStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrorsFor] = useState<{ step: AlarmStep | null; errs: Record<string, string> }>(
    {
      step: null,
      errs: {},
    },
  );
  const errorsOf = (step: AlarmStep) => (fieldErrors.step === step ? fieldErrors.errs : {});
  const [forwardNote, setForwardNote] = useState('');
  const [dispatchNote, setDispatchNote] = useState('');
  const defaultOutcome: Outcome | '' = isTestAlarm(alarm) ? 'test' : '';
  const [outcome, setOutcome] = useState<Outcome | ''>(defaultOutcome);
  const [resolveNote, setResolveNote] = useState('');
  const outcomes = outcomesFor(alarm);

  async function run(step: AlarmStep, body: Record<string, string>, after?: () => void) {
    setBusy(step);
    setError(null);
    setFieldErrorsFor({ step: null, errs: {} });
    try {
      const updated = await postStep(alarm.id, step, body);
      after?.();
      onDone(updated, step);
    } catch (err) {
      setError(problemMessage(err, t));
      if (err instanceof ApiError) {
        setFieldErrorsFor({ step, errs: err.fieldErrors() });
        if (err.status === 409) onConflict();
      }
    } finally {
      setBusy(null);
    }
  }

  function submitForward(e: FormEvent) {
    e.preventDefault();
    void run('forward', trimmed(forwardNote), () => setForwardNote(''));
  }

  function submitDispatch(e: FormEvent) {
    e.preventDefault();
    if (!dispatchNote.trim()) {
      setFieldErrorsFor({ step: 'dispatch', errs: { note: t('console.dispatchNoteRequired') } });
      return;
    }
    void run('dispatch', { note: dispatchNote.trim() }, () => setDispatchNote(''));
  }

  function submitResolve(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!outcome) errs.outcome = t('console.outcomeRequired');
    else if (outcomeNeedsNote(outcome) && !resolveNote.trim()) errs.note = t('console.noteRequiredOther');
    if (Object.keys(errs).length > 0) {
      setFieldErrorsFor({ step: 'resolve', errs });
      return;
    }
    void run('resolve', { outcome, ...trimmed(resolveNote) });
  }

  if (steps.length === 0) return null;

  return (
    <section className="steps" aria-labelledby="steps-title">
      <h3 id="steps-title">{t('console.stepsTitle')}</h3>
      <ErrorRegion message={error} />

      {steps.includes('claim') && (
        <div className="step step--claim">
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action aware-button--big"
            disabled={busy !== null}
            aria-keyshortcuts="c"
            onClick={() => void run('claim', {})}
          >
            {t('console.claim')}
          </button>
          <p className="steps__hint">{t('console.claimHint')}</p>
        </div>
      )}

      {steps.includes('forward') && (
        <form className="step" onSubmit={submitForward} noValidate>
          <Field id="forward-note" label={t('console.forwardNote')} error={errorsOf('forward').note}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={forwardNote}
                onChange={(e) => setForwardNote(e.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action aware-button--big"
            disabled={busy !== null}
          >
            {t('console.forward')}
          </button>
        </form>
      )}

      {steps.includes('dispatch') && (
        <form className="step" onSubmit={submitDispatch} noValidate>
          <Field
            id="dispatch-note"
            label={t('console.dispatchNote')}
            hint={t('console.dispatchNoteHint')}
            error={errorsOf('dispatch').note}
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                required
                value={dispatchNote}
                onChange={(e) => setDispatchNote(e.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action aware-button--big"
            disabled={busy !== null}
          >
            {t('console.dispatch')}
          </button>
        </form>
      )}

      {steps.includes('on_scene') && (
        <div className="step">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action aware-button--big"
            disabled={busy !== null}
            onClick={() => void run('on_scene', {})}
          >
            {t('console.onScene')}
          </button>
        </div>
      )}

      {steps.includes('resolve') && (
        <form className="step step--resolve" onSubmit={submitResolve} noValidate>
          <Field id="resolve-outcome" label={t('console.outcome')} error={errorsOf('resolve').outcome}>
            {(p) => (
              <select
                {...p}
                required
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as Outcome | '')}
              >
                {!defaultOutcome && <option value="">{t('console.chooseOutcome')}</option>}
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {t(`outcomes.${o}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="resolve-note"
            label={
              outcome && outcomeNeedsNote(outcome)
                ? t('console.resolveNoteRequired')
                : t('console.resolveNote')
            }
            error={errorsOf('resolve').note}
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                required={!!outcome && outcomeNeedsNote(outcome)}
                value={resolveNote}
                onChange={(e) => setResolveNote(e.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="utrecht-button utrecht-button--secondary-action aware-button--big"
            disabled={busy !== null}
          >
            {t('console.resolve')}
          </button>
        </form>
      )}
    </section>
  );
}
