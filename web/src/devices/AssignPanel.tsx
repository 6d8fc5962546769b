import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Body, Device } from '../api/contract.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { hasAnyRole } from '../auth/roles.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { problemMessage } from '../ui/problem.ts';
import { assignBody } from './device-values.ts';
import { useAssignDevice } from './mutations.ts';
import { useAssignableCases } from './queries.ts';

type AssignBody = Body<'/api/v1/devices/{id}/assign', 'post'>;

export function AssignPanel({
  device,
  onAssigned,
}: {
  device: Device;
  onAssigned: (message: string) => void;
}) {
  const { t } = useTranslation();
  // only the team leader of the executing organisation sees the cases a button can go to; the
  // administrator runs the stock and may take a button back, but never lists cases
  const mayChooseCase = hasAnyRole(useMe(), ['coordinator']);
  const assign = useAssignDevice(device.id);
  const [error, setError] = useState<string | null>(null);

  async function send(to: AssignBody | null) {
    setError(null);
    try {
      const d = await assign.mutateAsync(to);
      onAssigned(to ? t('devices.assigned', { reference: d.caseReference ?? '' }) : t('devices.unassigned'));
      return true;
    } catch (err) {
      setError(problemMessage(err, t));
      return false;
    }
  }

  return (
    <section aria-labelledby="device-assign" className="panel">
      <h2 id="device-assign">{t('devices.assignTitle')}</h2>
      <ErrorRegion message={error} />
      {device.caseId ? (
        <div className="assign-current">
          <p>
            {t('devices.currentCase')}:{' '}
            <strong className="mono">{device.caseReference ?? device.caseId}</strong>
          </p>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => void send(null)}
            disabled={assign.isPending}
          >
            {t('devices.unassign')}
          </button>
        </div>
      ) : !mayChooseCase ? (
        <p className="muted">{t('devices.assignByCoordinator')}</p>
      ) : (
        <AssignForm busy={assign.isPending} onAssign={send} />
      )}
    </section>
  );
}

const assignResolver = bodyResolver<{ caseId: string }>('POST /api/v1/devices/{id}/assign', {
  toBody: assignBody,
});

function AssignForm({ busy, onAssign }: { busy: boolean; onAssign: (to: AssignBody) => Promise<boolean> }) {
  const { t } = useTranslation();
  const cases = useAssignableCases();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<{ caseId: string }>({ defaultValues: { caseId: '' }, resolver: assignResolver });

  const submit = handleSubmit(async ({ caseId }) => {
    if (await onAssign({ caseId })) reset();
  });

  if (!cases.data) return <LoadState loading={cases.loading} error={cases.error} onRetry={cases.reload} />;
  if (cases.data.length === 0) return <p className="muted">{t('devices.noCases')}</p>;

  return (
    <form onSubmit={submit} noValidate className="form aware-row">
      <Field id="assign-case" label={t('devices.assignCase')} error={errors.caseId?.message}>
        {(p) => (
          <select {...p} {...register('caseId')}>
            <option value="">{t('devices.assignChoose')}</option>
            {cases.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.reference}
                {c.caseworkerName ? ` — ${c.caseworkerName}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
        {t('devices.assign')}
      </button>
    </form>
  );
}
