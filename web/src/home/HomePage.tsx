import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlarmConsole } from '../alarms/AlarmConsole.tsx';
import type { Role } from '../api/contract.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { distinctRoles } from '../auth/roles.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { AdminHome } from './AdminHome.tsx';
import { CaseworkerHome } from './CaseworkerHome.tsx';
import { CommitteeHome } from './CommitteeHome.tsx';
import { CoordinatorHome } from './CoordinatorHome.tsx';
import { FunderHome } from './FunderHome.tsx';
import { PoliceHome } from './PoliceHome.tsx';
import { ProcessDirectorHome } from './ProcessDirectorHome.tsx';
import { VtHome } from './VtHome.tsx';

const STORAGE_KEY = 'aware.homeRole';

function storedRole(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Role-aware home page. A person with several roles can switch between their home pages. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useMe();
  const roles = distinctRoles(user);
  const [picked, setPicked] = useState<string | null>(storedRole);
  const active: Role | undefined = roles.find((r) => r === picked) ?? roles[0];

  function pick(role: Role) {
    setPicked(role);
    try {
      window.localStorage.setItem(STORAGE_KEY, role);
    } catch {
      // ignore
    }
  }

  if (!active) {
    return (
      <section className="page">
        <PageHeading title={t('nav.home')}>{t('nav.home')}</PageHeading>
        <p>{t('home.noRoles')}</p>
      </section>
    );
  }

  const title = t(`home.title.${active}`);
  return (
    <section className="page" data-home-role={active}>
      <div className="page__head">
        <PageHeading title={title}>{title}</PageHeading>
        {roles.length > 1 && (
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('home.viewAs')}</legend>
            {roles.map((r) => (
              <button key={r} type="button" aria-pressed={r === active} onClick={() => pick(r)}>
                {t(`roles.${r}`)}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      <RoleHome key={active} role={active} />
    </section>
  );
}

function RoleHome({ role }: { role: Role }) {
  switch (role) {
    case 'operator':
      return <AlarmConsole mode="operator" />;
    case 'police':
      return <PoliceHome />;
    case 'police_control':
      return <AlarmConsole mode="police" />;
    case 'coordinator':
      return <CoordinatorHome />;
    case 'caseworker':
      return <CaseworkerHome />;
    case 'vt':
      return <VtHome />;
    case 'process_director':
      return <ProcessDirectorHome />;
    case 'committee':
      return <CommitteeHome />;
    case 'funder':
      return <FunderHome />;
    case 'admin':
      return <AdminHome />;
  }
}
