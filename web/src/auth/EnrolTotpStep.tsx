import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, typed } from '../api/client.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';
import { Field } from '../ui/Field.tsx';
import { problemMessage } from '../ui/problem.ts';
import { useAuth } from './AuthContext.tsx';

interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP" */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

export function EnrolTotpStep() {
  const { t } = useTranslation();
  const { setUser } = useAuth();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [setupError, setSetupError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | undefined>(undefined);
  const started = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function startSetup() {
    setSetupError(null);
    call(typed.POST('/api/v1/auth/totp/setup'))
      .then(setSetup)
      .catch((err: unknown) => {
        started.current = false;
        setSetupError(problemMessage(err, t));
      });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: run once on mount
  useEffect(() => {
    headingRef.current?.focus();
    // Guard against StrictMode's double effect: every setup call creates a new secret.
    if (started.current) return;
    started.current = true;
    startSetup();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const totp = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(totp)) {
      setCodeError(t('auth.codeFormat'));
      setError(t('errors.fieldsIntro'));
      return;
    }
    setCodeError(undefined);
    setBusy(true);
    setError(null);
    try {
      const { user } = await call(typed.POST('/api/v1/auth/totp/confirm', { body: { totp } }), {
        skipUnauthorized: true,
      });
      setUser(user);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && (err.status === 400 || err.status === 401 || err.status === 422)) {
        setCodeError(err.fieldErrors().totp ?? t('auth.invalidCode'));
        setError(err.problem?.code ? problemMessage(err, t) : t('auth.invalidCode'));
      } else setError(problemMessage(err, t));
    }
  }

  return (
    <section aria-labelledby="step-totp-title">
      <h2 id="step-totp-title" ref={headingRef} tabIndex={-1}>
        {t('auth.stepTotp')}
      </h2>
      <p>{t('auth.totpIntro')}</p>
      {setupError ? (
        <div role="alert" className="utrecht-alert utrecht-alert--error">
          {setupError}{' '}
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              started.current = true;
              startSetup();
            }}
          >
            {t('app.retry')}
          </button>
        </div>
      ) : !setup ? (
        <p role="status" className="loading">
          {t('auth.totpPreparing')}
        </p>
      ) : (
        <dl className="secret">
          <div className="secret__row">
            <dt>{t('auth.totpSecret')}</dt>
            <dd>
              <code className="secret__value" data-testid="totp-secret">
                {groupSecret(setup.secret)}
              </code>
              <CopyButton text={setup.secret} />
            </dd>
          </div>
          <div className="secret__row">
            <dt>{t('auth.totpUrl')}</dt>
            <dd>
              <code className="secret__url" data-testid="totp-url">
                {setup.otpauthUrl}
              </code>
              <CopyButton text={setup.otpauthUrl} />
            </dd>
          </div>
        </dl>
      )}
      <ErrorRegion message={error} />
      <form onSubmit={submit} noValidate className="form">
        <Field id="totp-confirm" label={t('auth.totp')} error={codeError}>
          {(p) => (
            <input
              {...p}
              type="text"
              className="input--code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <div className="utrecht-button-group">
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={busy || !setup}
          >
            {t('auth.confirm')}
          </button>
          {busy && (
            <span role="status" className="muted">
              {t('auth.confirming')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
