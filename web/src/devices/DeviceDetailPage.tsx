import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Device, DevicePatch } from '../api/contract.ts';
import { StatusRegion } from '../ui/Alert.tsx';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { formatDateTime, formatEuros, useNow } from '../ui/time.ts';
import { AssignmentHistory } from './AssignmentHistory.tsx';
import { AssignPanel } from './AssignPanel.tsx';
import { DeviceForm } from './DeviceForm.tsx';
import { Battery, HeartbeatAge, KeyStatus, StateTag } from './DeviceStatus.tsx';
import { useUpdateDevice } from './mutations.ts';
import { useDevice } from './queries.ts';
import './devices.css';

export function DeviceDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: device, error, isFetching, refetch } = useDevice(id);

  // an id that names no device the caller may manage (or no id at all) is not found
  if (error?.status === 404 || error?.status === 400) {
    return (
      <section className="page">
        <Back />
        <PageHeading title={t('devices.title')}>{t('devices.title')}</PageHeading>
        <EmptyState title={t('devices.notFound')} />
      </section>
    );
  }
  if (!device) {
    return (
      <section className="page">
        <Back />
        <LoadState loading={isFetching} error={error ?? undefined} onRetry={() => void refetch()} />
      </section>
    );
  }
  return <DeviceDetail device={device} />;
}

function Back() {
  const { t } = useTranslation();
  return (
    <p className="breadcrumb">
      <Link to="/devices">{t('devices.backToList')}</Link>
    </p>
  );
}

function DeviceDetail({ device }: { device: Device }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const [search] = useSearchParams();
  const now = useNow(15_000);
  const [status, setStatus] = useState<string | null>(search.get('created') ? t('devices.created') : null);
  const update = useUpdateDevice(device.id);
  const title = t('devices.detailTitle', { serial: device.serial });

  async function save(patch: DevicePatch) {
    setStatus(null);
    if (Object.keys(patch).length > 0) await update.mutateAsync(patch);
    setStatus(t('devices.saved'));
  }

  return (
    <section className="page">
      <Back />
      <div className="page__head">
        <PageHeading title={title}>{title}</PageHeading>
        <StateTag state={device.state} />
      </div>
      <StatusRegion message={status} />

      <div className="device-layout">
        <section aria-labelledby="device-facts" className="panel">
          <h2 id="device-facts">{t('devices.details')}</h2>
          <dl className="facts">
            <Fact label={`${t('devices.vendor')} / ${t('devices.model')}`}>
              {device.vendor} {device.model}
            </Fact>
            <Fact label={t('devices.protocol')}>{t(`devices.protocols.${device.protocol}`)}</Fact>
            <Fact label={t('devices.account')} mono>
              {device.account}
            </Fact>
            <Fact label={t('devices.key')}>
              <KeyStatus hasKey={device.hasKey} />
            </Fact>
            <Fact label={t('devices.case')} mono>
              {device.caseReference ?? '—'}
            </Fact>
            <Fact label={t('devices.lastHeartbeat')}>
              <HeartbeatAge device={device} now={now} />
            </Fact>
            <Fact label={t('devices.battery')}>
              <Battery device={device} />
            </Fact>
            <Fact label={t('devices.lastPosition')}>
              {device.lastPosition ? (
                <>
                  <span className="mono">
                    {device.lastPosition.lat.toFixed(5)}, {device.lastPosition.lon.toFixed(5)}
                  </span>{' '}
                  <span className="muted">{formatDateTime(device.lastPosition.at, lang)}</span>
                </>
              ) : (
                '—'
              )}
            </Fact>
            <Fact label={t('devices.rentShort')}>{formatEuros(device.rentPerQuarterCents, lang)}</Fact>
          </dl>
        </section>

        <AssignPanel device={device} onAssigned={setStatus} />
      </div>

      <section aria-labelledby="device-edit" className="panel">
        <h2 id="device-edit">{t('devices.edit')}</h2>
        <DeviceForm
          key={`${device.id}:${device.state}:${device.caseId ?? ''}`}
          mode="edit"
          device={device}
          onSubmit={save}
        />
      </section>

      <AssignmentHistory deviceId={device.id} />
    </section>
  );
}

function Fact({ label, mono, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{children}</dd>
    </div>
  );
}
