import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import {
  DEVICE_PROTOCOLS,
  DEVICE_STATES,
  type Device,
  type DeviceInput,
  type DevicePatch,
  type DeviceProtocol,
  type DeviceState,
} from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { problemMessage } from '../ui/problem.ts';
import { centsToEuroInput, parseEurosToCents, parsePositiveInt } from './labels.ts';

interface Values {
  vendor: string;
  model: string;
  serial: string;
  imei: string;
  simNumber: string;
  protocol: DeviceProtocol;
  account: string;
  key: string;
  rent: string;
  heartbeatInterval: string;
  state: DeviceState;
}

/** Form field name → API field name (for mapping server field errors). */
const API_FIELD: Record<keyof Values, string> = {
  vendor: 'vendor',
  model: 'model',
  serial: 'serial',
  imei: 'imei',
  simNumber: 'simNumber',
  protocol: 'protocol',
  account: 'account',
  key: 'key',
  rent: 'rentPerQuarterCents',
  heartbeatInterval: 'heartbeatIntervalSeconds',
  state: 'state',
};

const EMPTY: Values = {
  vendor: '',
  model: '',
  serial: '',
  imei: '',
  simNumber: '',
  protocol: 'dc09',
  account: '',
  key: '',
  rent: '',
  heartbeatInterval: '3600',
  state: 'in_stock',
};

function fromDevice(d: Device): Values {
  return {
    vendor: d.vendor,
    model: d.model,
    serial: d.serial,
    imei: d.imei ?? '',
    simNumber: d.simNumber ?? '',
    protocol: d.protocol,
    account: d.account,
    key: '',
    rent: centsToEuroInput(d.rentPerQuarterCents),
    heartbeatInterval: String(d.heartbeatIntervalSeconds),
    state: d.state,
  };
}

type Errors = Partial<Record<keyof Values, string>>;

type Props =
  | { mode: 'create'; onSubmit: (input: DeviceInput) => Promise<void>; onCancel: () => void }
  | { mode: 'edit'; device: Device; onSubmit: (patch: DevicePatch) => Promise<void>; onCancel?: () => void };

export function DeviceForm(props: Props) {
  const { t } = useTranslation();
  const initial = props.mode === 'edit' ? fromDevice(props.device) : EMPTY;
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idp = props.mode === 'edit' ? `dev-${props.device.id}` : 'dev-new';

  const set = <K extends keyof Values>(k: K, v: Values[K]) => setValues((s) => ({ ...s, [k]: v }));

  function validate(): { input: DeviceInput; errors: Errors } {
    const e: Errors = {};
    const req = (k: 'vendor' | 'model' | 'serial' | 'account') => {
      if (!values[k].trim()) e[k] = t('devices.required');
    };
    req('vendor');
    req('model');
    req('serial');
    req('account');
    const cents = parseEurosToCents(values.rent);
    if (cents === null) e.rent = t('devices.invalidNumber');
    const interval = parsePositiveInt(values.heartbeatInterval);
    if (interval === null) e.heartbeatInterval = t('devices.invalidNumber');
    const input: DeviceInput = {
      vendor: values.vendor.trim(),
      model: values.model.trim(),
      serial: values.serial.trim(),
      protocol: values.protocol,
      account: values.account.trim(),
      rentPerQuarterCents: cents ?? 0,
      heartbeatIntervalSeconds: interval ?? 0,
    };
    if (values.imei.trim()) input.imei = values.imei.trim();
    if (values.simNumber.trim()) input.simNumber = values.simNumber.trim();
    if (values.key) input.key = values.key;
    return { input, errors: e };
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const { input, errors: e } = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) {
      setError(t('errors.fieldsIntro'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (props.mode === 'create') await props.onSubmit(input);
      else await props.onSubmit(diff(props.device, input, values.state));
      if (props.mode === 'edit') set('key', '');
    } catch (err) {
      if (err instanceof ApiError) {
        const byApi = err.fieldErrors();
        const mapped: Errors = {};
        for (const [k, apiName] of Object.entries(API_FIELD) as [keyof Values, string][]) {
          if (byApi[apiName]) mapped[k] = byApi[apiName];
        }
        setErrors(mapped);
      }
      setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  const text = (
    k: 'vendor' | 'model' | 'serial' | 'imei' | 'simNumber' | 'account',
    extra?: { hint?: string; mono?: boolean },
  ) => (
    <Field id={`${idp}-${k}`} label={t(`devices.${k}`)} hint={extra?.hint} error={errors[k]}>
      {(p) => (
        <input
          {...p}
          type="text"
          className={extra?.mono ? 'mono' : undefined}
          autoComplete="off"
          spellCheck={false}
          value={values[k]}
          onChange={(e) => set(k, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="form form--grid">
      <ErrorRegion message={error} />
      {props.mode === 'edit' && (
        <Field id={`${idp}-state`} label={t('devices.state')} error={errors.state}>
          {(p) => (
            <select {...p} value={values.state} onChange={(e) => set('state', e.target.value as DeviceState)}>
              {DEVICE_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`devices.states.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {text('vendor')}
      {text('model')}
      {text('serial', { mono: true })}
      {text('imei', { mono: true })}
      {text('simNumber', { mono: true })}
      <Field id={`${idp}-protocol`} label={t('devices.protocol')} error={errors.protocol}>
        {(p) => (
          <select
            {...p}
            value={values.protocol}
            onChange={(e) => set('protocol', e.target.value as DeviceProtocol)}
          >
            {DEVICE_PROTOCOLS.map((s) => (
              <option key={s} value={s}>
                {t(`devices.protocols.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('account', { hint: t('devices.accountHint'), mono: true })}
      <Field
        id={`${idp}-key`}
        label={t('devices.key')}
        hint={
          props.mode === 'edit' && props.device.hasKey
            ? `${t('devices.keySet')}. ${t('devices.keyReplaceHint')}`
            : t('devices.keyHint')
        }
        error={errors.key}
      >
        {(p) => (
          <input
            {...p}
            type="password"
            className="mono"
            autoComplete="new-password"
            spellCheck={false}
            value={values.key}
            onChange={(e) => set('key', e.target.value)}
          />
        )}
      </Field>
      <Field id={`${idp}-rent`} label={t('devices.rent')} error={errors.rent}>
        {(p) => (
          <input
            {...p}
            type="text"
            inputMode="decimal"
            className="input--short"
            value={values.rent}
            onChange={(e) => set('rent', e.target.value)}
          />
        )}
      </Field>
      <Field id={`${idp}-hb`} label={t('devices.heartbeatInterval')} error={errors.heartbeatInterval}>
        {(p) => (
          <input
            {...p}
            type="text"
            inputMode="numeric"
            className="input--short"
            value={values.heartbeatInterval}
            onChange={(e) => set('heartbeatInterval', e.target.value)}
          />
        )}
      </Field>
      <div className="utrecht-button-group">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('devices.save')}
        </button>
        {props.onCancel && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={props.onCancel}
          >
            {t('devices.cancel')}
          </button>
        )}
        {busy && (
          <span role="status" className="muted">
            {t('devices.saving')}
          </span>
        )}
      </div>
    </form>
  );
}

/** Only the fields that changed (the key only when a new one was typed). */
function diff(device: Device, input: DeviceInput, state: DeviceState): DevicePatch {
  const patch: DevicePatch = {};
  if (input.vendor !== device.vendor) patch.vendor = input.vendor;
  if (input.model !== device.model) patch.model = input.model;
  if (input.serial !== device.serial) patch.serial = input.serial;
  if ((input.imei ?? '') !== (device.imei ?? '')) patch.imei = input.imei ?? '';
  if ((input.simNumber ?? '') !== (device.simNumber ?? '')) patch.simNumber = input.simNumber ?? '';
  if (input.protocol !== device.protocol) patch.protocol = input.protocol;
  if (input.account !== device.account) patch.account = input.account;
  if (input.key) patch.key = input.key;
  if (input.rentPerQuarterCents !== device.rentPerQuarterCents)
    patch.rentPerQuarterCents = input.rentPerQuarterCents;
  if (input.heartbeatIntervalSeconds !== device.heartbeatIntervalSeconds)
    patch.heartbeatIntervalSeconds = input.heartbeatIntervalSeconds;
  if (state !== device.state) patch.state = state;
  return patch;
}
