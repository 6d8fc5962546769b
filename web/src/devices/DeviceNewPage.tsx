import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call, typed } from '../api/client.ts';
import type { DeviceInput } from '../api/contract.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { DeviceForm } from './DeviceForm.tsx';
import './devices.css';

export function DeviceNewPage() {
  const navigate = useNavigate();
  const { t } = useTranslation();

  async function create(input: DeviceInput) {
    const device = await call(typed.POST('/api/v1/devices', { body: input }));
    navigate(`/devices/${encodeURIComponent(device.id)}?created=1`);
  }

  return (
    <section className="page page--form">
      <p className="breadcrumb">
        <Link to="/devices">{t('devices.backToList')}</Link>
      </p>
      <PageHeading title={t('devices.addTitle')}>{t('devices.addTitle')}</PageHeading>
      <DeviceForm mode="create" onSubmit={create} onCancel={() => navigate('/devices')} />
    </section>
  );
}
