import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, typed } from '../api/client.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { problemMessage } from '../ui/problem.ts';
import { useAuth } from './AuthContext.tsx';

type Fields = 'email' | 'password' | 'totp';

export function SignInPage({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const { setUser } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Fields, string>>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const code = totp.replace(/\s+/g, '');
    const fe: Partial<Record<Fields, string>> = {};
    if (!email.trim()) fe.email = t('devices.required');
    if (!password) fe.password = t('devices.required');
    if (code && !/^\d{6}$/.test(code)) fe.totp = t('auth.codeFormat');
    setFieldErrors(fe);
    if (Object.keys(fe).length > 0) {
      setError(t('errors.fieldsIntro'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { user } = await call(
        typed.POST('/api/v1/auth/login', { body: { email: email.trim(), password, totp: code } }),
        { skipUnauthorized: true },
      );
      setUser(user);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 401) setError(t('auth.invalidCredentials'));
      else if (err instanceof ApiError && err.status === 429) setError(t('auth.rateLimited'));
      else {
        if (err instanceof ApiError) setFieldErrors(err.fieldErrors() as Partial<Record<Fields, string>>);
        setError(problemMessage(err, t));
      }
    }
  }

  return (
    <div className="panel auth-card">
      <PageHeading title={t('auth.signInTitle')}>{t('auth.signInTitle')}</PageHeading>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('auth.signInIntro')}</p>
      {expired && !error && <p className="utrecht-alert utrecht-alert--info">{t('errors.sessionExpired')}</p>}
      <ErrorRegion message={error} />
      <form onSubmit={submit} noValidate className="form">
        <Field id="login-email" label={t('auth.email')} error={fieldErrors.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              name="email"
              autoComplete="username"
              spellCheck={false}
              autoCapitalize="none"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="login-password" label={t('auth.password')} error={fieldErrors.password}>
          {(p) => (
            <input
              {...p}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="login-totp" label={t('auth.totp')} hint={t('auth.totpHint')} error={fieldErrors.totp}>
          {(p) => (
            <input
              {...p}
              type="text"
              name="totp"
              className="input--code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
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
