import { type ReactNode, useEffect, useRef } from 'react';
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
import { matchPath, useLocation } from './router.tsx';

export function Routes() {
  const { path } = useLocation();
  const user = useMe();
  useFocusOnNavigate(path);

  const guard = (key: SectionKey, el: ReactNode) => (mayUse(user, key) ? el : <Forbidden />);

  if (path === '/' || path === '') return <HomePage />;
  if (path === '/admin/organisations') return guard('organisations', <OrganisationsPage />);
  if (path === '/admin/users') return guard('users', <UsersPage />);
  if (path === '/admin/mail') return guard('mail', <MailPage />);
  if (path === '/devices') return guard('devices', <DevicesPage />);
  if (path === '/figures') return guard('figures', <FiguresPage />);
  // the server answers only for alarm handlers, and only with their regions' alarms
  if (path === '/alarms/history') return <AlarmHistoryPage />;
  if (path === '/figures/cases') return guard('figures', <DrillDownPage />);
  if (path === '/devices/new') return guard('devices', <DeviceNewPage />);
  // the server decides who sees which case (404 otherwise); the pages show its answer
  if (path === '/cases/new') return <NewReferralPage />;
  const caseMatch = matchPath('/cases/:id', path);
  if (caseMatch?.id) return <CasePage key={caseMatch.id} id={caseMatch.id} />;
  const device = matchPath('/devices/:id', path);
  if (device?.id) return guard('devices', <DeviceDetailPage key={device.id} id={device.id} />);
  return <NotFound />;
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
