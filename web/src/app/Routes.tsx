import { type ReactNode, useEffect, useRef } from 'react';
import { OrganisationsPage } from '../admin/OrganisationsPage.tsx';
import { UsersPage } from '../admin/UsersPage.tsx';
import { useMe } from '../auth/AuthContext.tsx';
import { mayUse, type SectionKey } from '../auth/roles.ts';
import { DeviceDetailPage } from '../devices/DeviceDetailPage.tsx';
import { DeviceNewPage } from '../devices/DeviceNewPage.tsx';
import { DevicesPage } from '../devices/DevicesPage.tsx';
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
  if (path === '/devices') return guard('devices', <DevicesPage />);
  if (path === '/devices/new') return guard('devices', <DeviceNewPage />);
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
