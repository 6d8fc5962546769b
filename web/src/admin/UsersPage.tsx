import { useTranslation } from 'react-i18next';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useUsers } from './queries.ts';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const { data, error, isFetching, refetch } = useUsers();

  return (
    <section className="page">
      <PageHeading title={t('admin.usersTitle')}>{t('admin.usersTitle')}</PageHeading>
      {!data ? (
        <LoadState loading={isFetching} error={error ?? undefined} onRetry={() => void refetch()} />
      ) : data.length === 0 ? (
        <EmptyState title={t('admin.usersEmpty')} />
      ) : (
        <div className="panel table-wrap">
          <table className="utrecht-table">
            <caption className="visually-hidden">{t('admin.usersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.displayName')}</th>
                <th scope="col">{t('admin.email')}</th>
                <th scope="col">{t('admin.roles')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {[...data]
                .sort((a, b) => a.displayName.localeCompare(b.displayName))
                .map((u) => (
                  <tr key={u.id} className={u.disabled ? 'row--muted' : undefined}>
                    <th scope="row">{u.displayName}</th>
                    <td className="break" data-email>
                      {u.email}
                    </td>
                    <td>
                      <ul className="plain-list">
                        {u.roles.map((r, i) => (
                          <li key={`${r.role}-${r.organisationId ?? i}`}>
                            {t(`roles.${r.role}`)}
                            {r.organisationName && <span className="muted"> · {r.organisationName}</span>}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {u.disabled ? (
                        <span className="utrecht-status-badge utrecht-status-badge--warning">
                          {t('admin.disabled')}
                        </span>
                      ) : (
                        <span className="utrecht-status-badge utrecht-status-badge--success">
                          {t('admin.active')}
                        </span>
                      )}
                    </td>
                    <td className="tabular">
                      {u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t('admin.never')}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
