import { useTranslation } from 'react-i18next';
import { AftercareSection } from '../aftercare/AftercareSection.tsx';
import { CaseList } from '../cases/CaseList.tsx';

/** Caseworker: after-care following alarms first, then the own cases. */
export function CaseworkerHome() {
  const { t } = useTranslation();
  return (
    <>
      <AftercareSection />
      <section aria-labelledby="my-cases-title" className="home-cases">
        <h2 id="my-cases-title">{t('aftercare.casesTitle')}</h2>
        <CaseList />
      </section>
    </>
  );
}
