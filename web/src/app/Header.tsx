import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ReplicationBanner } from '../admin/ReplicationBanner.tsx';
import type { Me, Meta } from '../api/contract.ts';
import { hasAnyRole, sectionsFor } from '../auth/roles.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { NotificationBadge } from '../notifications/NotificationBadge.tsx';

interface HeaderProps {
  meta: Meta | null;
  user: Me | null;
  /** Show navigation (only once the first sign-in flow is complete). */
  showNav: boolean;
  onSignOut: () => void;
}

export function Header({ meta, user, showNav, onSignOut }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <div className="topbar__inner">
        <div className="topbar__brand">
          <Link to="/" className="wordmark">
            {t('app.name')}
          </Link>
          {meta?.demo && (
            <span className="demo-badge" data-testid="demo-marker">
              {t('app.demo')}
            </span>
          )}
        </div>
        {user && showNav && <MainNav user={user} />}
        <div className="topbar__tools">
          {user && showNav && hasAnyRole(user, ['caseworker']) && <NotificationBadge />}
          {user && <UserBadge user={user} />}
          <LanguageSwitch />
          {user && (
            <button type="button" className="button button--quiet" onClick={onSignOut}>
              {t('app.signOut')}
            </button>
          )}
        </div>
      </div>
      {meta?.demo && (
        <p className="demo-banner" role="note">
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
    <nav aria-label={t('app.mainNav')} className="mainnav">
      <ul>
        {sections.map((s) => {
          const current = s.path === '/' ? path === '/' : path === s.path || path.startsWith(`${s.path}/`);
          return (
            <li key={s.key}>
              <Link to={s.path} aria-current={current ? 'page' : undefined}>
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
    <div className="userbadge">
      <span className="visually-hidden">{t('app.signedInAs')} </span>
      <span className="userbadge__name" data-testid="user-name">
        {user.displayName}
      </span>
      {lines.length > 0 && (
        <span className="userbadge__roles" data-testid="user-roles">
          {lines.map((l) => (
            <span key={l} className="userbadge__line">
              {l}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}
