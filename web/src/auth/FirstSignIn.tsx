import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useAuth, useMe } from './AuthContext.tsx';
import { ChangePasswordStep } from './ChangePasswordStep.tsx';
import { EnrolTotpStep } from './EnrolTotpStep.tsx';

/** Shown while the account still must change its one-time password and/or enrol TOTP. */
export function FirstSignIn() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const user = useMe();
  // The number of steps is fixed when the flow starts so "Stap 2 van 2" stays correct.
  const [total] = useState(() => (user.mustChangePassword ? 1 : 0) + (user.mustEnrolTotp ? 1 : 0));
  const step = user.mustChangePassword ? 1 : total;

  return (
    <div className="panel auth-card auth-card--wide">
      <PageHeading title={t('auth.firstTitle')}>{t('auth.firstTitle')}</PageHeading>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('auth.firstIntro')}</p>
      <p className="step-indicator">{t('auth.stepOf', { step, total })}</p>
      {user.mustChangePassword ? <ChangePasswordStep /> : <EnrolTotpStep />}
      <p className="auth-card__footer">
        <button
          type="button"
          className="utrecht-link-button utrecht-link-button--html-button"
          onClick={() => void signOut()}
        >
          {t('auth.cancelFirst')}
        </button>
      </p>
    </div>
  );
}
