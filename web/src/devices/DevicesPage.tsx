import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { query } from '../api/client.ts';
import { DEVICE_STATES, type Device } from '../api/contract.ts';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { formatEuros, useNow } from '../ui/time.ts';
import { Battery, HeartbeatAge, KeyStatus, StateTag } from './DeviceStatus.tsx';
import { useDevices } from './queries.ts';
import { SilentDevicesWarning } from './SilentDevices.tsx';
import './devices.css';

const SEARCH_DELAY_MS = 300;
/** Buttons no longer in anyone's hands or stock: listed after the ones the team works with. */
const OUT_OF_USE = new Set<Device['state']>(['lost', 'stolen', 'retired']);
const outOfUse = (d: Device) => (OUT_OF_USE.has(d.state) ? 1 : 0);

export function DevicesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const state = DEVICE_STATES.find((s) => s === search.get('state')) ?? '';
  const q = search.get('q') ?? '';
  const [text, setText] = useState(q);
  const now = useNow(15_000);

  // Keep the filter in the URL (back button, shareable), debouncing free text.
  useEffect(() => {
    if (text === q) return;
    const id = window.setTimeout(() => {
      navigate(`/devices${query({ state, q: text.trim() })}`, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(id);
  }, [text, q, state, navigate]);

  const {
    data,
    error,
    isFetching: loading,
    refetch,
  } = useDevices({ state: state || undefined, q: q || undefined });
  const reload = () => void refetch();

  return (
    <section className="page">
      <div className="page__head">
        <PageHeading title={t('devices.title')}>{t('devices.title')}</PageHeading>
        <Link
          to="/devices/new"
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
        >
          {t('devices.add')}
        </Link>
      </div>

      <search className="panel filters">
        <form
          className="aware-row filters__form"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/devices${query({ state, q: text.trim() })}`, { replace: true });
          }}
        >
          <div className="utrecht-form-field">
            <label htmlFor="filter-state" className="utrecht-form-label">
              {t('devices.filterState')}
            </label>
            <select
              id="filter-state"
              value={state}
              onChange={(e) =>
                navigate(`/devices${query({ state: e.target.value, q: text.trim() })}`, { replace: true })
              }
            >
              <option value="">{t('devices.filterAll')}</option>
              {DEVICE_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`devices.states.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="utrecht-form-field field--grow">
            <label htmlFor="filter-q" className="utrecht-form-label">
              {t('devices.filterQuery')}
            </label>
            <input
              id="filter-q"
              type="search"
              value={text}
              placeholder={t('devices.filterQueryHint')}
              aria-describedby="filter-q-hint"
              onChange={(e) => setText(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
            <span id="filter-q-hint" className="visually-hidden">
              {t('devices.filterQueryHint')}
            </span>
          </div>
        </form>
      </search>

      {!data ? (
        <LoadState loading={loading} error={error ?? undefined} onRetry={reload} />
      ) : data.length === 0 ? (
        <EmptyState title={t('devices.empty')} />
      ) : (
        <>
          <SilentDevicesWarning devices={data} now={now} />
          <p className="muted" role="status">
            {t('devices.count', { count: data.length })}
          </p>
          <div className="panel table-wrap">
            <table className="utrecht-table">
              <caption className="visually-hidden">{t('devices.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('devices.serial')}</th>
                  <th scope="col">
                    {t('devices.vendor')} / {t('devices.model')}
                  </th>
                  <th scope="col">{t('devices.account')}</th>
                  <th scope="col">{t('devices.state')}</th>
                  <th scope="col">{t('devices.case')}</th>
                  <th scope="col">{t('devices.lastHeartbeat')}</th>
                  <th scope="col">{t('devices.battery')}</th>
                  <th scope="col">{t('devices.key')}</th>
                  <th scope="col" className="num">
                    {t('devices.rentShort')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...data]
                  .sort((a, b) => outOfUse(a) - outOfUse(b))
                  .map((d) => (
                    <tr key={d.id}>
                      <th scope="row" className="mono">
                        <Link to={`/devices/${encodeURIComponent(d.id)}`}>{d.serial}</Link>
                      </th>
                      <td>
                        {d.vendor} {d.model}
                        <span className="muted small block">{t(`devices.protocols.${d.protocol}`)}</span>
                      </td>
                      <td className="mono">{d.account}</td>
                      <td>
                        <StateTag state={d.state} />
                      </td>
                      <td className="mono">{d.caseReference ?? ''}</td>
                      <td>
                        <HeartbeatAge device={d} now={now} />
                      </td>
                      <td>
                        <Battery device={d} />
                      </td>
                      <td>
                        <KeyStatus hasKey={d.hasKey} />
                      </td>
                      <td className="num tabular">{formatEuros(d.rentPerQuarterCents, lang)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
