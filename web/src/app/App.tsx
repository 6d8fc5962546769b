import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, useNavigate } from 'react-router';
import type { Me } from '../api/contract.ts';
import { AuthProvider, useAuth } from '../auth/AuthContext.tsx';
import { FirstSignIn } from '../auth/FirstSignIn.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { applyTheme, themeFor } from '../theme/themes.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { Header } from './Header.tsx';
import { useMeta } from './meta.ts';
import { queryClient } from './query-client.ts';
import { Routes } from './Routes.tsx';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AuthProvider>
          <Root />
        </AuthProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

function Root() {
  const navigate = useNavigate();
  const { state, signOut, reload } = useAuth();

  const onSignOut = () => {
    void signOut().then(() => navigate('/', { replace: true }));
  };

  switch (state.status) {
    case 'loading':
      return (
        <Shell user={null} showNav={false} onSignOut={onSignOut}>
          <LoadState loading error={undefined} onRetry={reload} />
        </Shell>
      );
    case 'error':
      return (
        <Shell user={null} showNav={false} onSignOut={onSignOut}>
          <LoadState loading={false} error={state.error} onRetry={reload} />
        </Shell>
      );
    case 'signedOut':
      return (
        <Shell user={null} showNav={false} onSignOut={onSignOut} narrow>
          <SignInPage expired={state.expired} />
        </Shell>
      );
    case 'signedIn': {
      const pending = mustFinishFirstSignIn(state.user);
      return (
        <Shell user={state.user} showNav={!pending} onSignOut={onSignOut} narrow={pending}>
          {pending ? <FirstSignIn /> : <Routes />}
        </Shell>
      );
    }
  }
}

export function mustFinishFirstSignIn(user: Me): boolean {
  return user.mustChangePassword || user.mustEnrolTotp;
}

function Shell({
  user,
  showNav,
  onSignOut,
  narrow,
  children,
}: {
  user: Me | null;
  showNav: boolean;
  onSignOut: () => void;
  narrow?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  useEffect(() => applyTheme(themeFor(meta?.theme)), [meta?.theme]);
  return (
    <>
      <a href="#main" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
        {t('app.skipToContent')}
      </a>
      <Header meta={meta} user={user} showNav={showNav} onSignOut={onSignOut} />
      <main id="main" tabIndex={-1} className={narrow ? 'aware-main aware-main--narrow' : 'aware-main'}>
        {children}
      </main>
      {meta?.version && (
        <footer className="utrecht-page-footer aware-footer">
          <div className="utrecht-page-footer__content">{t('app.version', { version: meta.version })}</div>
        </footer>
      )}
    </>
  );
}
