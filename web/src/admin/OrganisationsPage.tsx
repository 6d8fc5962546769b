import { useTranslation } from 'react-i18next';
import type { Organisation, Region } from '../api/contract.ts';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useOrganisations, useRegions } from './queries.ts';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const regions = useRegions();

  return (
    <section className="page">
      <PageHeading title={t('admin.organisationsTitle')}>{t('admin.organisationsTitle')}</PageHeading>

      {regions.data && regions.data.length > 0 && <RegionList regions={regions.data} />}

      {!orgs.data ? (
        <LoadState
          loading={orgs.isFetching}
          error={orgs.error ?? undefined}
          onRetry={() => void orgs.refetch()}
        />
      ) : orgs.data.length === 0 ? (
        <EmptyState title={t('admin.organisationsEmpty')} />
      ) : (
        <ul className="plain-list org-list">
          {[...orgs.data]
            .sort(
              (a, b) =>
                (a.regionName ?? '').localeCompare(b.regionName ?? '') || a.name.localeCompare(b.name),
            )
            .map((o) => (
              <OrganisationCard key={o.id} org={o} />
            ))}
        </ul>
      )}
    </section>
  );
}

function RegionList({ regions }: { regions: Region[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="regions-title" className="panel panel--flat">
      <h2 id="regions-title">{t('admin.regions')}</h2>
      <table className="utrecht-table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('admin.region')}</th>
            <th scope="col">{t('admin.acuteEnabled')}</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td>{r.acuteUnsafetyEnabled ? t('admin.yes') : t('admin.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OrganisationCard({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const headingId = `org-${org.id}`;
  return (
    <li className="panel org">
      <div className="org__head">
        <h2 id={headingId} className="org__name">
          {org.name}
        </h2>
        <span className="utrecht-status-badge">{t(`orgTypes.${org.type}`, { defaultValue: org.type })}</span>
        {org.regionName && <span className="muted">{org.regionName}</span>}
      </div>
      {org.contacts.length === 0 ? (
        <p className="muted">{t('admin.noContacts')}</p>
      ) : (
        <table className="utrecht-table table--compact table--fixed">
          <caption className="visually-hidden">
            {t('admin.contacts')} — {org.name}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.contactRole')}</th>
              <th scope="col">{t('admin.phone')}</th>
              <th scope="col">{t('admin.email')}</th>
            </tr>
          </thead>
          <tbody>
            {org.contacts.map((c) => (
              // Contacts have no id in the API.
              <tr key={`${c.name}|${c.role}|${c.email ?? ''}|${c.phone ?? ''}`}>
                <th scope="row">{c.name}</th>
                <td>{c.role}</td>
                <td>{c.phone ? <a href={`tel:${c.phone.replace(/\s+/g, '')}`}>{c.phone}</a> : ''}</td>
                <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
