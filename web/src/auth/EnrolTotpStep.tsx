import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { problemMessage } from '../ui/problem.ts';
import { useAuth } from './AuthContext.tsx';
import { plainCode, type TotpForm, totpBody } from './auth-bodies.ts';
import { useConfirmTotp, useTotpSetup } from './queries.ts';

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
  const setupCall = useTotpSetup();
  const confirm = useConfirmTotp();
  const setup = setupCall.data ?? null;
  const setupError = setupCall.error ? problemMessage(setupCall.error, t) : null;
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<TotpForm>({
    defaultValues: { totp: '' },
    reValidateMode: 'onSubmit',
    resolver: withRules(bodyResolver('POST /api/v1/auth/totp/confirm', { toBody: totpBody }), (v) => ({
      totp: /^\d{6}$/.test(plainCode(v.totp)) ? undefined : t('auth.codeFormat'),
    })),
  });
  const codeError = form.formState.errors.totp?.message;
  // stays on once confirmed, until the home page shows
  const busy = confirm.isPending || confirm.isSuccess;

  const { mutate: startSetup } = setupCall;
  useEffect(() => {
    headingRef.current?.focus();
    // Guard against StrictMode's double effect: every setup call creates a new secret.
    if (started.current) return;
    started.current = true;
    startSetup();
  }, [startSetup]);

  const submit = form.handleSubmit(
    async (values) => {
      setError(null);
      try {
        setUser(await confirm.mutateAsync(totpBody(values)));
      } catch (err) {
        if (err instanceof ApiError && (err.status === 400 || err.status === 401 || err.status === 422)) {
          form.setError('totp', { message: err.fieldErrors().totp ?? t('auth.invalidCode') });
          setError(err.problem?.code ? problemMessage(err, t) : t('auth.invalidCode'));
        } else setError(problemMessage(err, t));
      }
    },
    () => setError(t('errors.fieldsIntro')),
  );

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
            onClick={() => startSetup()}
          >
            {t('app.retry')}
          </button>
        </div>
      ) : !setup ? (
        <p role="status" className="utrecht-paragraph muted loading">
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
              {...form.register('totp')}
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
