import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../ui/PageHeading.tsx';
import { DeviceForm } from './DeviceForm.tsx';
import { useCreateDevice } from './mutations.ts';
import './devices.css';

export function DeviceNewPage() {
  const navigate = useNavigate();
  const { t } = useTranslation();

  const create = useCreateDevice();

  return (
    <section className="page page--form">
      <p className="breadcrumb">
        <Link to="/devices">{t('devices.backToList')}</Link>
      </p>
      <PageHeading title={t('devices.addTitle')}>{t('devices.addTitle')}</PageHeading>
      <DeviceForm
        mode="create"
        onSubmit={(input) =>
          create.mutateAsync(input, {
            onSuccess: (device) => navigate(`/devices/${encodeURIComponent(device.id)}?created=1`),
          })
        }
        onCancel={() => navigate('/devices')}
      />
    </section>
  );
}
