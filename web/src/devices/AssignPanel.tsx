import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, typed } from '../api/client.ts';
import type { CaseSummary, Device } from '../api/contract.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { hasAnyRole } from '../auth/roles.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { problemMessage } from '../ui/problem.ts';
import { useApi } from '../ui/useApi.ts';

export function AssignPanel({
  device,
  onAssigned,
}: {
  device: Device;
  onAssigned: (d: Device, message: string) => void;
}) {
  const { t } = useTranslation();
  // only the team leader of the executing organisation sees the cases a button can go to; the
  // administrator runs the stock and may take a button back, but never lists cases
  const mayChooseCase = hasAnyRole(useMe(), ['coordinator']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function unassign() {
    setBusy(true);
    setError(null);
    try {
      const d = await call(
        typed.POST('/api/v1/devices/{id}/unassign', { params: { path: { id: device.id } } }),
      );
      onAssigned(d, t('devices.unassigned'));
    } catch (err) {
      setError(problemMessage(err, t));
    } finally {
      setBusy(false);
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
            onClick={() => void unassign()}
            disabled={busy}
          >
            {t('devices.unassign')}
          </button>
        </div>
      ) : !mayChooseCase ? (
        <p className="muted">{t('devices.assignByCoordinator')}</p>
      ) : (
        <AssignForm
          deviceId={device.id}
          busy={busy}
          setBusy={setBusy}
          onError={setError}
          onAssigned={(d) => onAssigned(d, t('devices.assigned', { reference: d.caseReference ?? '' }))}
        />
      )}
    </section>
  );
}

function AssignForm({
  deviceId,
  busy,
  setBusy,
  onError,
  onAssigned,
}: {
  deviceId: string;
  busy: boolean;
  setBusy: (b: boolean) => void;
  onError: (m: string | null) => void;
  onAssigned: (d: Device) => void;
}) {
  const { t } = useTranslation();
  // a button goes to a case being connected, or replaces one on a running case (the list is paged: ask for those)
  const connecting = useApi<CaseSummary[]>('/cases?status=connecting&limit=200');
  const active = useApi<CaseSummary[]>('/cases?status=active&limit=200');
  const evaluation = useApi<CaseSummary[]>('/cases?status=evaluation&limit=200');
  const lists = [connecting, active, evaluation];
  const cases = {
    data: lists.every((l) => l.data) ? lists.flatMap((l) => l.data ?? []) : undefined,
    loading: lists.some((l) => l.loading),
    error: lists.find((l) => l.error)?.error,
    reload: () => {
      for (const l of lists) l.reload();
    },
  };
  const [caseId, setCaseId] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!caseId) {
      setFieldError(t('devices.required'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    onError(null);
    try {
      const d = await call(
        typed.POST('/api/v1/devices/{id}/assign', { params: { path: { id: deviceId } }, body: { caseId } }),
      );
      setCaseId('');
      onAssigned(d);
    } catch (err) {
      onError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  if (!cases.data) return <LoadState loading={cases.loading} error={cases.error} onRetry={cases.reload} />;
  if (cases.data.length === 0) return <p className="muted">{t('devices.noCases')}</p>;

  return (
    <form onSubmit={submit} noValidate className="form aware-row">
      <div className={`utrecht-form-field${fieldError ? ' utrecht-form-field--invalid' : ''}`}>
        <label htmlFor="assign-case" className="utrecht-form-label">
          {t('devices.assignCase')}
        </label>
        {fieldError && (
          <p id="assign-case-error" className="utrecht-form-field-error-message">
            {fieldError}
          </p>
        )}
        <select
          id="assign-case"
          value={caseId}
          onChange={(e) => setCaseId(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'assign-case-error' : undefined}
        >
          <option value="">{t('devices.assignChoose')}</option>
          {cases.data.map((c) => (
            <option key={c.id} value={c.id}>
              {c.reference}
              {c.caseworkerName ? ` — ${c.caseworkerName}` : ''}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
        {t('devices.assign')}
      </button>
    </form>
  );
}
