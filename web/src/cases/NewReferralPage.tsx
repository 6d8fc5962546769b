import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { type ApiError, call, typed } from '../api/client.ts';
import type { Reply } from '../api/contract.ts';
import { REFERRAL_CHANNELS, REFERRER_KINDS, TARGET_GROUPS } from '../api/values.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import { caseKeys, useOrganisations } from './queries.ts';
import {
  EMPTY_REFERRAL,
  type ReferralBody,
  type ReferralForm,
  referralBody,
  referralResolver,
} from './referral.ts';
import './cases.css';

/** A new referral: who referred and how, the client (with children), the perpetrator and bans. */
export function NewReferralPage() {
  const navigate = useNavigate();
  const { t } = useCaseT();
  const client = useQueryClient();
  const { register, handleSubmit, formState, setError, getValues, setValue } = useForm<ReferralForm>({
    defaultValues: EMPTY_REFERRAL,
    resolver: referralResolver(t),
  });
  const errors = formState.errors;
  const create = useMutation<Reply<'/api/v1/cases', 'post'>, ApiError, ReferralBody>({
    mutationFn: (body) => call(typed.POST('/api/v1/cases', { body })),
    onSuccess: async (created) => {
      await Promise.all(
        [caseKeys.lists, caseKeys.overview].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
      navigate(`/cases/${created.id}`);
    },
    onError: (err) => {
      const fields = err.fieldErrors();
      if (fields.targetGroup) setError('targetGroup', { message: t('case.referral.errors.acute') });
      if (fields.executingOrganisationId)
        setError('executingOrganisationId', { message: t('work.executingRequired') });
    },
  });
  const shelters = useExecutingOrganisations();
  // the caller's own shelter, or the region's only one, is the likely choice
  // (once: a choice the user empties again stays empty)
  const likely =
    shelters && (shelters.find((o) => o.own) ?? (shelters.length === 1 ? shelters[0] : undefined));
  const [picked, setPicked] = useState(false);
  useEffect(() => {
    if (picked || !likely) return;
    setPicked(true);
    if (!getValues('executingOrganisationId')) setValue('executingOrganisationId', likely.id);
  }, [picked, likely, getValues, setValue]);

  const submit = handleSubmit((f) => create.mutate(referralBody(f)));

  const text = (k: keyof ReferralForm, rows?: number) => (p: object) =>
    rows ? <textarea {...p} rows={rows} {...register(k)} /> : <input {...p} {...register(k)} />;
  return (
    <section className="page">
      <PageHeading title={t('case.referral.title')}>{t('case.referral.title')}</PageHeading>
      <form onSubmit={submit} noValidate className="referral-form">
        <fieldset>
          <legend>{t('case.referral.referral')}</legend>
          <Field
            id="executingOrganisationId"
            label={t('work.executing')}
            hint={t('work.executingHint')}
            error={errors.executingOrganisationId?.message}
          >
            {(p) => (
              <select {...p} {...register('executingOrganisationId')}>
                <option value="">{t('work.executingChoose')}</option>
                {(shelters ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="targetGroup" label={t('case.referral.targetGroup')} error={errors.targetGroup?.message}>
            {(p) => (
              <select {...p} {...register('targetGroup')}>
                {TARGET_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {t(`case.targetGroups.${g}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="referrerKind" label={t('case.referral.referrer')}>
            {(p) => (
              <select {...p} {...register('referrerKind')}>
                {REFERRER_KINDS.map((r) => (
                  <option key={r} value={r}>
                    {t(`case.referrers.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="channel" label={t('case.referral.channel')}>
            {(p) => (
              <select {...p} {...register('channel')}>
                {REFERRAL_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`case.channels.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="summary" label={t('case.referral.summary')}>
            {text('summary', 3)}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('case.overview.client')}</legend>
          <Field id="clientName" label={t('case.referral.clientName')} error={errors.clientName?.message}>
            {text('clientName')}
          </Field>
          <Field
            id="clientPhone"
            label={t('case.overview.phone')}
            hint={t('case.referral.sealedHint')}
            error={errors.clientPhone?.message}
          >
            {text('clientPhone')}
          </Field>
          <Field id="clientAddress" label={t('case.overview.address')} hint={t('case.referral.sealedHint')}>
            {text('clientAddress')}
          </Field>
          <Field
            id="clientLanguage"
            label={t('case.referral.language')}
            error={errors.clientLanguage?.message}
          >
            {text('clientLanguage')}
          </Field>
          <Field
            id="children"
            label={t('case.overview.children')}
            hint={t('case.referral.childrenHint')}
            error={errors.children?.message}
          >
            {text('children', 2)}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('case.overview.perpetrator')}</legend>
          <Field
            id="perpetratorName"
            label={t('case.referral.perpetratorName')}
            error={errors.perpetratorName?.message}
          >
            {text('perpetratorName')}
          </Field>
          <Field id="description" label={t('case.overview.description')}>
            {text('description', 2)}
          </Field>
          <Field id="vehicle" label={t('case.overview.vehicle')}>
            {text('vehicle')}
          </Field>
          <Field id="registration" label={t('case.referral.registration')}>
            {text('registration')}
          </Field>
          <Field id="weapons" label={t('case.overview.weapons')}>
            {text('weapons')}
          </Field>
          <Field id="contactBan" label={t('case.banKinds.contact')}>
            {text('contactBan')}
          </Field>
          <Field id="areaBan" label={t('case.banKinds.area')}>
            {text('areaBan')}
          </Field>
        </fieldset>
        <ErrorRegion message={create.error ? saveError(create.error, t) : null} />
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={create.isPending}
        >
          {t('case.referral.submit')}
        </button>
      </form>
    </section>
  );
}

/** The executing organisations (shelters) of the caller's regions, the caller's own marked. */
function useExecutingOrganisations() {
  const me = useMe();
  const orgs = useOrganisations();
  if (!orgs.data) return undefined;
  const regions = new Set(me.roles.map((r) => r.regionId));
  const mine = new Set(me.roles.map((r) => r.organisationId));
  return orgs.data
    .filter((o) => o.type === 'shelter' && regions.has(o.regionId))
    .map((o) => ({ id: o.id, name: o.name, own: mine.has(o.id) }));
}
