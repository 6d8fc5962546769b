import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, typed } from '../api/client.ts';
import type { Me } from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { problemMessage } from '../ui/problem.ts';
import { useAuth, useMe } from './AuthContext.tsx';

export const MIN_PASSWORD_LENGTH = 12;

type Fields = 'currentPassword' | 'newPassword' | 'repeat';

export function ChangePasswordStep() {
  const { t } = useTranslation();
  const { setUser } = useAuth();
  const user = useMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Fields, string>>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fe: Partial<Record<Fields, string>> = {};
    if (!current) fe.currentPassword = t('devices.required');
    if (next.length < MIN_PASSWORD_LENGTH)
      fe.newPassword = t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    else if (next === current) fe.newPassword = t('auth.passwordSameAsCurrent');
    if (!fe.newPassword && repeat !== next) fe.repeat = t('auth.passwordMismatch');
    setFieldErrors(fe);
    if (Object.keys(fe).length > 0) {
      setError(t('errors.fieldsIntro'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call(
        typed.POST('/api/v1/auth/password', { body: { currentPassword: current, newPassword: next } }),
      );
      // Ask the server for the authoritative state; fall back to what we know.
      let updated: Me = { ...user, mustChangePassword: false };
      try {
        updated = (await call(typed.GET('/api/v1/auth/me'))).user;
      } catch {
        // keep the local update
      }
      setUser(updated);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors() as Partial<Record<Fields, string>>);
      setError(problemMessage(err, t));
    }
  }

  return (
    <section aria-labelledby="step-password-title">
      <h2 id="step-password-title" ref={headingRef} tabIndex={-1}>
        {t('auth.stepPassword')}
      </h2>
      <ErrorRegion message={error} />
      <form onSubmit={submit} noValidate className="form">
        {/* Helps password managers store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <Field
          id="pw-current"
          label={t('auth.currentPassword')}
          hint={t('auth.currentPasswordHint')}
          error={fieldErrors.currentPassword}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="pw-new"
          label={t('auth.newPassword')}
          hint={t('auth.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          error={fieldErrors.newPassword}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
          )}
        </Field>
        <Field id="pw-repeat" label={t('auth.repeatPassword')} error={fieldErrors.repeat}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </Field>
        <div className="utrecht-button-group">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {t('auth.savePassword')}
          </button>
          {busy && (
            <span role="status" className="muted">
              {t('auth.saving')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
