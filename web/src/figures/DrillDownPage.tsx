import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { query } from '../api/client.ts';
import { DRILL_FIGURES, type DrillFigure } from '../api/contract.ts';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { formatLongDate } from '../ui/time.ts';
import { useDrillDown } from './queries.ts';

/** /figures/cases: the cases behind one figure that the team lead may open. */
export function DrillDownPage() {
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const params = Object.fromEntries(
    ['figure', 'from', 'to', 'targetGroup', 'organisationId'].map((k) => [k, search.get(k) ?? undefined]),
  );
  const { data, error, isFetching, refetch } = useDrillDown(params);
  const figure: DrillFigure = DRILL_FIGURES.find((f) => f === params.figure) ?? 'running';
  const title = t('figures.drill.title', { figure: t(`figures.drill.figures.${figure}`) });
  return (
    <section className="page">
      <p className="breadcrumb">
        <Link
          to={`/figures${query({ from: params.from, to: params.to, targetGroup: params.targetGroup, organisationId: params.organisationId })}`}
        >
          {t('figures.title')}
        </Link>
      </p>
      <div className="page__head">
        <PageHeading title={title}>{title}</PageHeading>
      </div>
      <LoadState loading={isFetching} error={error ?? undefined} onRetry={() => void refetch()} />
      {data && (
        <>
          <p className="utrecht-paragraph utrecht-paragraph--lead">
            {t('figures.drill.period', {
              from: formatLongDate(data.from, i18n.resolvedLanguage ?? 'nl'),
              to: formatLongDate(data.to, i18n.resolvedLanguage ?? 'nl'),
              total: data.total,
            })}
          </p>
          {data.notVisible > 0 && (
            <p className="muted">{t('figures.drill.notVisible', { count: data.notVisible })}</p>
          )}
          {data.cases.length === 0 ? (
            <EmptyState title={t('figures.drill.none')} />
          ) : (
            <div className="panel table-wrap">
              <table className="utrecht-table">
                <thead>
                  <tr>
                    <th scope="col">{t('figures.drill.reference')}</th>
                    <th scope="col">{t('figures.drill.status')}</th>
                    <th scope="col">{t('figures.filters.targetGroup')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.cases.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/cases/${c.id}`}>{c.reference}</Link>
                      </td>
                      <td>
                        {t(`figures.statuses.${c.status}` as 'figures.statuses.active', {
                          defaultValue: c.status,
                        })}
                      </td>
                      <td>
                        {t(`figures.targetGroups.${c.targetGroup}` as 'figures.targetGroups.stalking', {
                          defaultValue: c.targetGroup,
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
