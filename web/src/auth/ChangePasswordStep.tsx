import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { problemMessage } from '../ui/problem.ts';
import { useAuth, useMe } from './AuthContext.tsx';
import { type PasswordForm, passwordBody } from './auth-bodies.ts';
import { useChangePassword } from './queries.ts';

export const MIN_PASSWORD_LENGTH = 12;

export function ChangePasswordStep() {
  const { t } = useTranslation();
  const { setUser } = useAuth();
  const user = useMe();
  const change = useChangePassword();
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<PasswordForm>({
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
    reValidateMode: 'onSubmit',
    resolver: withRules(bodyResolver('POST /api/v1/auth/password', { toBody: passwordBody }), (v) => {
      const newPassword =
        v.newPassword.length < MIN_PASSWORD_LENGTH
          ? t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH })
          : v.newPassword === v.currentPassword
            ? t('auth.passwordSameAsCurrent')
            : undefined;
      return {
        currentPassword: v.currentPassword ? undefined : t('devices.required'),
        newPassword,
        repeat: !newPassword && v.repeat !== v.newPassword ? t('auth.passwordMismatch') : undefined,
      };
    }),
  });
  const fieldErrors = form.formState.errors;
  // stays on once the password is changed, until the next step shows
  const busy = change.isPending || change.isSuccess;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const submit = form.handleSubmit(
    async (values) => {
      setError(null);
      try {
        // the server's state when it answers; else what we know
        const updated = await change.mutateAsync(passwordBody(values));
        setUser(updated ?? { ...user, mustChangePassword: false });
      } catch (err) {
        if (err instanceof ApiError)
          for (const [field, message] of Object.entries(err.fieldErrors()))
            form.setError(field as keyof PasswordForm, { message });
        setError(problemMessage(err, t));
      }
    },
    () => setError(t('errors.fieldsIntro')),
  );

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
          error={fieldErrors.currentPassword?.message}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              {...form.register('currentPassword')}
            />
          )}
        </Field>
        <Field
          id="pw-new"
          label={t('auth.newPassword')}
          hint={t('auth.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          error={fieldErrors.newPassword?.message}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              {...form.register('newPassword')}
            />
          )}
        </Field>
        <Field id="pw-repeat" label={t('auth.repeatPassword')} error={fieldErrors.repeat?.message}>
          {(p) => <input {...p} type="password" autoComplete="new-password" {...form.register('repeat')} />}
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
