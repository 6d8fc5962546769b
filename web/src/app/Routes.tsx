import { type ReactNode, useEffect, useRef } from 'react';
import { Route, Routes as RouterRoutes, useLocation, useParams } from 'react-router';
import { MailPage } from '../admin/MailPage.tsx';
import { OrganisationsPage } from '../admin/OrganisationsPage.tsx';
import { UsersPage } from '../admin/UsersPage.tsx';
import { AlarmHistoryPage } from '../alarms/AlarmHistoryPage.tsx';
import { useMe } from '../auth/AuthContext.tsx';
import { mayUse, type SectionKey } from '../auth/roles.ts';
import { CasePage } from '../cases/CasePage.tsx';
import { NewReferralPage } from '../cases/NewReferralPage.tsx';
import { DeviceDetailPage } from '../devices/DeviceDetailPage.tsx';
import { DeviceNewPage } from '../devices/DeviceNewPage.tsx';
import { DevicesPage } from '../devices/DevicesPage.tsx';
import { DrillDownPage } from '../figures/DrillDownPage.tsx';
import { FiguresPage } from '../figures/FiguresPage.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { Forbidden, NotFound } from './NotFound.tsx';

export function Routes() {
  const { pathname } = useLocation();
  const user = useMe();
  useFocusOnNavigate(pathname);

  const guard = (key: SectionKey, el: ReactNode) => (mayUse(user, key) ? el : <Forbidden />);

  return (
    <RouterRoutes>
      <Route path="/" element={<HomePage />} />
      <Route path="/admin/organisations" element={guard('organisations', <OrganisationsPage />)} />
      <Route path="/admin/users" element={guard('users', <UsersPage />)} />
      <Route path="/admin/mail" element={guard('mail', <MailPage />)} />
      <Route path="/devices" element={guard('devices', <DevicesPage />)} />
      <Route path="/devices/new" element={guard('devices', <DeviceNewPage />)} />
      <Route path="/devices/:id" element={guard('devices', <DevicePage />)} />
      <Route path="/figures" element={guard('figures', <FiguresPage />)} />
      <Route path="/figures/cases" element={guard('figures', <DrillDownPage />)} />
      {/* the server answers only for alarm handlers, and only with their regions' alarms */}
      <Route path="/alarms/history" element={<AlarmHistoryPage />} />
      {/* the server decides who sees which case (404 otherwise); the pages show its answer */}
      <Route path="/cases/new" element={<NewReferralPage />} />
      <Route path="/cases/:id" element={<CaseRoute />} />
      <Route path="*" element={<NotFound />} />
    </RouterRoutes>
  );
}

function CaseRoute() {
  const { id = '' } = useParams();
  return <CasePage key={id} id={id} />;
}

function DevicePage() {
  const { id = '' } = useParams();
  return <DeviceDetailPage key={id} id={id} />;
}

/** After client-side navigation, move focus to the new page's <h1> (not on first load). */
function useFocusOnNavigate(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void path;
    const h1 = document.querySelector<HTMLElement>('main h1');
    h1?.focus();
    window.scrollTo(0, 0);
  }, [path]);
}
