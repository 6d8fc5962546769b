import { useTranslation } from 'react-i18next';
import { Link } from '../app/router.tsx';
import { CaseList } from '../cases/CaseList.tsx';

export function CoordinatorHome() {
  const { t } = useTranslation();
  return (
    <>
      <CaseList sortByDeadline />
      <p className="page__aside">
        <Link to="/devices">{t('home.coordinatorDevices')}</Link>
      </p>
    </>
  );
}
