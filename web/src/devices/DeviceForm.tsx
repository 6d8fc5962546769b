import { useState } from 'react';
import { type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import {
  DEVICE_PROTOCOLS,
  DEVICE_STATES,
  type Device,
  type DeviceInput,
  type DevicePatch,
} from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { problemMessage } from '../ui/problem.ts';
import {
  DEVICE_FIELD_OF,
  type DeviceValues,
  deviceBody,
  devicePatch,
  deviceValues,
  EMPTY_DEVICE,
  unreadableNumbers,
} from './device-values.ts';

type Props =
  | { mode: 'create'; onSubmit: (input: DeviceInput) => Promise<unknown>; onCancel: () => void }
  | {
      mode: 'edit';
      device: Device;
      onSubmit: (patch: DevicePatch) => Promise<unknown>;
      onCancel?: () => void;
    };

/** The server's schema for the route the form sends to, plus what it cannot say: a number that is no number. */
function useDeviceResolver(mode: Props['mode']): Resolver<DeviceValues> {
  const { t } = useTranslation();
  const [schemaCheck] = useState(() =>
    mode === 'create'
      ? bodyResolver<DeviceValues>('POST /api/v1/devices', { toBody: deviceBody, fieldOf: DEVICE_FIELD_OF })
      : bodyResolver<DeviceValues>('PATCH /api/v1/devices/{id}', {
          toBody: (v) => ({ ...deviceBody(v), state: v.state }),
          fieldOf: DEVICE_FIELD_OF,
        }),
  );
  return async (values, context, options) => {
    const checked = await schemaCheck(values, context, options);
    const errors: FieldErrors<DeviceValues> = { ...checked.errors };
    if (!values.account.trim()) errors.account = { type: 'required', message: t('form.required') };
    for (const field of unreadableNumbers(values))
      errors[field] = { type: 'number', message: t('devices.invalidNumber') };
    return Object.keys(errors).length > 0 ? { values: {}, errors } : checked;
  };
}

export function DeviceForm(props: Props) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    setValue,
    formState: { errors, isSubmitting: busy },
  } = useForm<DeviceValues>({
    defaultValues: props.mode === 'edit' ? deviceValues(props.device) : EMPTY_DEVICE,
    resolver: useDeviceResolver(props.mode),
  });
  const [error, setError] = useState<string | null>(null);
  const idp = props.mode === 'edit' ? `dev-${props.device.id}` : 'dev-new';

  const submit = handleSubmit(
    async (values) => {
      setError(null);
      try {
        if (props.mode === 'create') await props.onSubmit(deviceBody(values) as DeviceInput);
        else {
          await props.onSubmit(devicePatch(props.device, values));
          setValue('key', '');
        }
      } catch (err) {
        if (err instanceof ApiError)
          for (const [field, message] of Object.entries(err.fieldErrors()))
            setFieldError((DEVICE_FIELD_OF[field] ?? field) as keyof DeviceValues, { message });
        setError(problemMessage(err, t));
      }
    },
    () => setError(t('errors.fieldsIntro')),
  );

  const text = (
    k: 'vendor' | 'model' | 'serial' | 'imei' | 'simNumber' | 'account',
    extra?: { hint?: string; mono?: boolean },
  ) => (
    <Field id={`${idp}-${k}`} label={t(`devices.${k}`)} hint={extra?.hint} error={errors[k]?.message}>
      {(p) => (
        <input
          {...p}
          {...register(k)}
          type="text"
          className={extra?.mono ? 'mono' : undefined}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="form form--grid">
      <ErrorRegion message={error} />
      {props.mode === 'edit' && (
        <Field id={`${idp}-state`} label={t('devices.state')} error={errors.state?.message}>
          {(p) => (
            <select {...p} {...register('state')}>
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
      <Field id={`${idp}-protocol`} label={t('devices.protocol')} error={errors.protocol?.message}>
        {(p) => (
          <select {...p} {...register('protocol')}>
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
        error={errors.key?.message}
      >
        {(p) => (
          <input
            {...p}
            {...register('key')}
            type="password"
            className="mono"
            autoComplete="new-password"
            spellCheck={false}
          />
        )}
      </Field>
      <Field id={`${idp}-rent`} label={t('devices.rent')} error={errors.rent?.message}>
        {(p) => (
          <input {...p} {...register('rent')} type="text" inputMode="decimal" className="input--short" />
        )}
      </Field>
      <Field
        id={`${idp}-hb`}
        label={t('devices.heartbeatInterval')}
        error={errors.heartbeatInterval?.message}
      >
        {(p) => (
          <input
            {...p}
            {...register('heartbeatInterval')}
            type="text"
            inputMode="numeric"
            className="input--short"
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
