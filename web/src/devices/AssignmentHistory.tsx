import { useTranslation } from 'react-i18next';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useAssignments } from './queries.ts';

export function AssignmentHistory({ deviceId }: { deviceId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const { data, error, isFetching, refetch } = useAssignments(deviceId);

  return (
    <section aria-labelledby="device-history" className="panel">
      <h2 id="device-history">{t('devices.historyTitle')}</h2>
      {!data ? (
        <LoadState loading={isFetching} error={error ?? undefined} onRetry={() => void refetch()} />
      ) : data.length === 0 ? (
        <EmptyState title={t('devices.historyEmpty')} />
      ) : (
        <table className="utrecht-table table--compact">
          <caption className="visually-hidden">{t('devices.historyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('devices.case')}</th>
              <th scope="col">{t('devices.assignedAt')}</th>
              <th scope="col">{t('devices.unassignedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {[...data]
              .sort((a, b) => Date.parse(b.assignedAt) - Date.parse(a.assignedAt))
              .map((a) => (
                <tr key={`${a.caseId}-${a.assignedAt}`}>
                  <th scope="row" className="mono">
                    {a.caseReference}
                  </th>
                  <td className="tabular">{formatDateTime(a.assignedAt, lang)}</td>
                  <td className="tabular">
                    {a.unassignedAt ? (
                      formatDateTime(a.unassignedAt, lang)
                    ) : (
                      <span className="utrecht-status-badge utrecht-status-badge--success">
                        {t('devices.stillAssigned')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
