import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { navigate } from '../app/router.tsx';
import { useMe } from '../auth/AuthContext.tsx';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useApi } from '../ui/useApi.ts';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import './cases.css';

const REFERRERS = ['police', 'veilig_thuis', 'executing_organisation', 'zvhh'];
const CHANNELS = ['phone', 'email', 'in_person', 'network_meeting', 'letter', 'other'];

const EMPTY = {
  executingOrganisationId: '',
  targetGroup: 'stalking',
  referrerKind: 'veilig_thuis',
  channel: 'phone',
  summary: '',
  clientName: '',
  clientPhone: '',
  clientAddress: '',
  clientLanguage: 'nl',
  children: '',
  perpetratorName: '',
  description: '',
  vehicle: '',
  registration: '',
  weapons: '',
  contactBan: '',
  areaBan: '',
};
type Form = typeof EMPTY;

/** "Lotte 2016" per line → children. */
function parseChildren(text: string): { firstName: string; birthYear?: number }[] | null {
  const out: { firstName: string; birthYear?: number }[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(.+?)(?:[ ,]+(\d{4}))?$/.exec(line);
    if (!m) return null;
    out.push({ firstName: m[1]!.trim(), ...(m[2] ? { birthYear: Number(m[2]) } : {}) });
  }
  return out;
}

export function validateReferral(f: Form, t: (k: string) => string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.executingOrganisationId) e.executingOrganisationId = t('work.executingRequired');
  if (!f.clientName.trim()) e.clientName = t('case.errors.required');
  if (!f.perpetratorName.trim()) e.perpetratorName = t('case.errors.required');
  if (f.clientPhone && !/^[+0-9 ()-]{6,40}$/.test(f.clientPhone.trim()))
    e.clientPhone = t('case.referral.errors.phone');
  if (!/^[a-z]{2}$/.test(f.clientLanguage)) e.clientLanguage = t('case.referral.errors.language');
  const kids = parseChildren(f.children);
  if (
    !kids ||
    kids.some(
      (k) => k.birthYear !== undefined && (k.birthYear < 1990 || k.birthYear > new Date().getFullYear()),
    )
  )
    e.children = t('case.referral.errors.children');
  return e;
}

/** A new referral: who referred and how, the client (with children), the perpetrator and bans. */
export function NewReferralPage() {
  const { t } = useCaseT();
  const [f, setF] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const opt = (v: string) => v.trim() || undefined;
  const shelters = useExecutingOrganisations();
  // the caller's own shelter, or the region's only one, is the likely choice
  // (once: a choice the user empties again stays empty)
  const likely =
    shelters && (shelters.find((o) => o.own) ?? (shelters.length === 1 ? shelters[0] : undefined));
  const [picked, setPicked] = useState(false);
  useEffect(() => {
    if (picked || !likely) return;
    setPicked(true);
    setF((x) => (x.executingOrganisationId ? x : { ...x, executingOrganisationId: likely.id }));
  }, [picked, likely]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = validateReferral(f, t);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      document.getElementById(Object.keys(problems)[0]!)?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api.post<{ id: string }>('/cases', {
        executingOrganisationId: f.executingOrganisationId,
        targetGroup: f.targetGroup,
        referrerKind: f.referrerKind,
        channel: f.channel,
        summary: opt(f.summary),
        client: {
          name: f.clientName.trim(),
          language: f.clientLanguage,
          phone: opt(f.clientPhone),
          address: opt(f.clientAddress),
        },
        children: parseChildren(f.children) ?? [],
        perpetrator: {
          name: f.perpetratorName.trim(),
          description: opt(f.description),
          vehicle: opt(f.vehicle),
          registration: opt(f.registration),
          weapons: opt(f.weapons),
        },
        bans: [
          ...(f.contactBan.trim() ? [{ kind: 'contact', description: f.contactBan.trim() }] : []),
          ...(f.areaBan.trim() ? [{ kind: 'area', description: f.areaBan.trim() }] : []),
        ],
      });
      navigate(`/cases/${created.id}`);
    } catch (err) {
      const fields = (err as { fieldErrors?: () => Record<string, string> }).fieldErrors?.() ?? {};
      if (fields.targetGroup) setErrors({ targetGroup: t('case.referral.errors.acute') });
      if (fields.executingOrganisationId) setErrors({ executingOrganisationId: t('work.executingRequired') });
      setError(saveError(err, t));
    } finally {
      setBusy(false);
    }
  }

  const text = (k: keyof Form, rows?: number) => (p: object) =>
    rows ? (
      <textarea {...p} rows={rows} value={f[k]} onChange={set(k)} />
    ) : (
      <input {...p} value={f[k]} onChange={set(k)} />
    );
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
            error={errors.executingOrganisationId}
          >
            {(p) => (
              <select {...p} value={f.executingOrganisationId} onChange={set('executingOrganisationId')}>
                <option value="">{t('work.executingChoose')}</option>
                {(shelters ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="targetGroup" label={t('case.referral.targetGroup')} error={errors.targetGroup}>
            {(p) => (
              <select {...p} value={f.targetGroup} onChange={set('targetGroup')}>
                {['stalking', 'acute_unsafety'].map((g) => (
                  <option key={g} value={g}>
                    {t(`case.targetGroups.${g}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="referrerKind" label={t('case.referral.referrer')}>
            {(p) => (
              <select {...p} value={f.referrerKind} onChange={set('referrerKind')}>
                {REFERRERS.map((r) => (
                  <option key={r} value={r}>
                    {t(`case.referrers.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="channel" label={t('case.referral.channel')}>
            {(p) => (
              <select {...p} value={f.channel} onChange={set('channel')}>
                {CHANNELS.map((c) => (
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
          <Field id="clientName" label={t('case.referral.clientName')} error={errors.clientName}>
            {text('clientName')}
          </Field>
          <Field
            id="clientPhone"
            label={t('case.overview.phone')}
            hint={t('case.referral.sealedHint')}
            error={errors.clientPhone}
          >
            {text('clientPhone')}
          </Field>
          <Field id="clientAddress" label={t('case.overview.address')} hint={t('case.referral.sealedHint')}>
            {text('clientAddress')}
          </Field>
          <Field id="clientLanguage" label={t('case.referral.language')} error={errors.clientLanguage}>
            {text('clientLanguage')}
          </Field>
          <Field
            id="children"
            label={t('case.overview.children')}
            hint={t('case.referral.childrenHint')}
            error={errors.children}
          >
            {text('children', 2)}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('case.overview.perpetrator')}</legend>
          <Field
            id="perpetratorName"
            label={t('case.referral.perpetratorName')}
            error={errors.perpetratorName}
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
        <ErrorRegion message={error} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('case.referral.submit')}
        </button>
      </form>
    </section>
  );
}

/** The executing organisations (shelters) of the caller's regions, the caller's own marked. */
function useExecutingOrganisations() {
  const me = useMe();
  const orgs = useApi<{ id: string; name: string; type: string; regionId: string }[]>('/organisations');
  if (!orgs.data) return undefined;
  const regions = new Set(me.roles.map((r) => r.regionId));
  const mine = new Set(me.roles.map((r) => r.organisationId));
  return orgs.data
    .filter((o) => o.type === 'shelter' && regions.has(o.regionId))
    .map((o) => ({ id: o.id, name: o.name, own: mine.has(o.id) }));
}
