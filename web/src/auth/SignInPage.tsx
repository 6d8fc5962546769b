import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { problemMessage } from '../ui/problem.ts';
import { useAuth } from './AuthContext.tsx';
import { loginBody, plainCode, type SignInForm } from './auth-bodies.ts';
import { useSignIn } from './queries.ts';

export function SignInPage({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const { setUser } = useAuth();
  const signIn = useSignIn();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInForm>({
    defaultValues: { email: '', password: '', totp: '' },
    reValidateMode: 'onSubmit',
    resolver: withRules(bodyResolver('POST /api/v1/auth/login', { toBody: loginBody }), (v) => {
      const code = plainCode(v.totp);
      return {
        email: v.email.trim() ? undefined : t('devices.required'),
        password: v.password ? undefined : t('devices.required'),
        totp: code && !/^\d{6}$/.test(code) ? t('auth.codeFormat') : undefined,
      };
    }),
  });
  const fieldErrors = form.formState.errors;
  const busy = signIn.isPending;

  const submit = form.handleSubmit(
    async (values) => {
      setError(null);
      try {
        setUser(await signIn.mutateAsync(loginBody(values)));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) setError(t('auth.invalidCredentials'));
        else if (err instanceof ApiError && err.status === 429) setError(t('auth.rateLimited'));
        else {
          if (err instanceof ApiError)
            for (const [field, message] of Object.entries(err.fieldErrors()))
              form.setError(field as keyof SignInForm, { message });
          setError(problemMessage(err, t));
        }
      }
    },
    () => setError(t('errors.fieldsIntro')),
  );

  return (
    <div className="panel auth-card">
      <PageHeading title={t('auth.signInTitle')}>{t('auth.signInTitle')}</PageHeading>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('auth.signInIntro')}</p>
      {expired && !error && <p className="utrecht-alert utrecht-alert--info">{t('errors.sessionExpired')}</p>}
      <ErrorRegion message={error} />
      <form onSubmit={submit} noValidate className="form">
        <Field id="login-email" label={t('auth.email')} error={fieldErrors.email?.message}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              spellCheck={false}
              autoCapitalize="none"
              required
              {...form.register('email')}
            />
          )}
        </Field>
        <Field id="login-password" label={t('auth.password')} error={fieldErrors.password?.message}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              required
              {...form.register('password')}
            />
          )}
        </Field>
        <Field
          id="login-totp"
          label={t('auth.totp')}
          hint={t('auth.totpHint')}
          error={fieldErrors.totp?.message}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              className="input--code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              {...form.register('totp')}
            />
          )}
        </Field>
        <div className="utrecht-button-group">
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={busy}
            aria-describedby={busy ? 'login-busy' : undefined}
          >
            {t('auth.signIn')}
          </button>
          {busy && (
            <span id="login-busy" role="status" className="muted">
              {t('auth.signingIn')}
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
