import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function AdminHome() {
  const { t } = useTranslation();
  const items = [
    { to: '/admin/organisations', title: t('nav.organisations'), body: t('home.adminOrganisations') },
    { to: '/admin/users', title: t('nav.users'), body: t('home.adminUsers') },
    { to: '/devices', title: t('nav.devices'), body: t('home.adminDevices') },
    { to: '/admin/mail', title: t('nav.mail'), body: t('mail.homeBody') },
  ];
  return (
    <>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('home.adminIntro')}</p>
      <ul className="plain-list tiles">
        {items.map((i) => (
          <li key={i.to} className="panel tile">
            <Link to={i.to} className="tile__link">
              {i.title}
            </Link>
            <p className="tile__body">{i.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
