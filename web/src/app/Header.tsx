import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ReplicationBanner } from '../admin/ReplicationBanner.tsx';
import type { Me, Meta } from '../api/contract.ts';
import { hasAnyRole, sectionsFor } from '../auth/roles.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { NotificationBadge } from '../notifications/NotificationBadge.tsx';
import { themeFor } from '../theme/themes.ts';
import { Button } from '../ui/Button.tsx';

interface HeaderProps {
  meta: Meta | null;
  user: Me | null;
  /** Show navigation (only once the first sign-in flow is complete). */
  showNav: boolean;
  onSignOut: () => void;
}

export function Header({ meta, user, showNav, onSignOut }: HeaderProps) {
  const { t } = useTranslation();
  const regionName = themeFor(meta?.theme).regionName;
  return (
    <header className="utrecht-page-header aware-header">
      <div className="utrecht-page-header__content aware-header__bar">
        <div className="aware-header__brand">
          <Link to="/" className="aware-wordmark">
            {t('app.name')}
          </Link>
          {regionName && (
            <span className="aware-header__region" data-testid="region-name">
              {regionName}
            </span>
          )}
          {meta?.demo && (
            <span className="utrecht-status-badge aware-demo-badge" data-testid="demo-marker">
              {t('app.demo')}
            </span>
          )}
        </div>
        <div className="aware-header__tools">
          {user && showNav && hasAnyRole(user, ['caseworker']) && <NotificationBadge />}
          {user && <UserBadge user={user} />}
          <LanguageSwitch />
          {user && (
            <Button appearance="subtle" onClick={onSignOut}>
              {t('app.signOut')}
            </Button>
          )}
        </div>
      </div>
      {user && showNav && <MainNav user={user} />}
      {meta?.demo && (
        <p className="aware-demo-banner" role="note">
          {t('app.demoBanner')}
        </p>
      )}
      {user && hasAnyRole(user, ['admin']) && <ReplicationBanner />}
    </header>
  );
}

function MainNav({ user }: { user: Me }) {
  const { t } = useTranslation();
  const { pathname: path } = useLocation();
  const sections = sectionsFor(user);
  if (sections.length < 2) return null;
  return (
    <nav aria-label={t('app.mainNav')} className="utrecht-nav-bar aware-nav">
      <ul className="utrecht-nav-bar__content utrecht-nav-list plain-list">
        {sections.map((s) => {
          const current = s.path === '/' ? path === '/' : path === s.path || path.startsWith(`${s.path}/`);
          return (
            <li key={s.key} className="utrecht-nav-list__item">
              <Link
                to={s.path}
                className="utrecht-nav-list__link"
                aria-current={current ? 'page' : undefined}
              >
                {t(`nav.${s.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function UserBadge({ user }: { user: Me }) {
  const { t } = useTranslation();
  // "Teamleider/Coördinator, Beheerder · Vrouwenopvang X" — roles grouped per organisation.
  const byOrg = new Map<string, string[]>();
  for (const r of user.roles) {
    const org = r.organisationName ?? '';
    const list = byOrg.get(org) ?? [];
    const label = t(`roles.${r.role}`);
    if (!list.includes(label)) list.push(label);
    byOrg.set(org, list);
  }
  const lines = [...byOrg].map(([org, roles]) => (org ? `${roles.join(', ')} · ${org}` : roles.join(', ')));
  return (
    <div className="aware-user">
      <span className="visually-hidden">{t('app.signedInAs')} </span>
      <span className="aware-user__name" data-testid="user-name">
        {user.displayName}
      </span>
      {lines.length > 0 && (
        <span className="aware-user__roles" data-testid="user-roles">
          {lines.map((l) => (
            <span key={l} className="block">
              {l}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}
