import { type Resolver, useForm } from 'react-hook-form';
import { call, typed } from '../api/client.ts';
import type { Body, CaseDetail } from '../api/contract.ts';
import { CONTRA_INDICATIONS, SCREENING_ITEMS } from '../api/values.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { formatDateTime } from '../ui/time.ts';
import { optionalText } from './body-text.ts';
import { type LooseT, useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import { useCaseWrite } from './mutations.ts';
import type { CaseSectionProps } from './sections.ts';

/** Screening checklist (five indications, three contra-indications) and the joint decision. */
export function ScreeningSection({ caseData }: CaseSectionProps) {
  const c = caseData as CaseDetail;
  return (
    <>
      <ScreeningChecklist c={c} />
      <DecisionPanel c={c} />
    </>
  );
}

type ScreeningItem = (typeof SCREENING_ITEMS)[number];
type Answer = '' | 'yes' | 'no';
interface ScreeningValues {
  items: Record<ScreeningItem, { holds: Answer; note: string }>;
}

/** The answered items, in the checklist's order. */
const answeredItems = (f: ScreeningValues) => SCREENING_ITEMS.filter((item) => f.items[item].holds !== '');

/** The screening's request body: the answered items only, an empty note left out. */
export const screeningBody =
  (version: number) =>
  (f: ScreeningValues): Body<'/api/v1/cases/{id}/screening', 'post'> => ({
    version,
    items: answeredItems(f).map((item) => ({
      item,
      holds: f.items[item].holds === 'yes',
      ...optionalText('note', f.items[item].note),
    })),
  });

/** The schema's check of the body, its notes' errors shown at their item; at least one item answered. */
export function screeningResolver(version: number, t: LooseT): Resolver<ScreeningValues> {
  return (values, context, options) => {
    const answered = answeredItems(values);
    const fieldOf = Object.fromEntries(answered.map((item, i) => [`items.${i}.note`, `items.${item}.note`]));
    const schema = bodyResolver<ScreeningValues>('POST /api/v1/cases/{id}/screening', {
      toBody: screeningBody(version),
      fieldOf,
    });
    return withRules(schema, () => (answered.length === 0 ? { items: t('case.screening.errors.none') } : {}))(
      values,
      context,
      options,
    );
  };
}

function ScreeningChecklist({ c }: { c: CaseDetail }) {
  const { t } = useCaseT();
  const editable = c.may.write && (c.status === 'referral' || c.status === 'screening');
  const save = useCaseWrite(c.id, (body: Body<'/api/v1/cases/{id}/screening', 'post'>) =>
    call(typed.POST('/api/v1/cases/{id}/screening', { params: { path: { id: c.id } }, body })),
  );
  const { register, handleSubmit, formState } = useForm<ScreeningValues>({
    defaultValues: {
      items: Object.fromEntries(
        SCREENING_ITEMS.map((item) => {
          const found = c.screening.find((s) => s.item === item);
          return [item, { holds: found ? (found.holds ? 'yes' : 'no') : '', note: found?.note ?? '' }];
        }),
      ) as ScreeningValues['items'],
    },
    resolver: screeningResolver(c.version, t),
  });
  const errors = formState.errors.items;
  const submit = handleSubmit((f) => save.mutate(screeningBody(c.version)(f)));

  const group = (contra: boolean) =>
    SCREENING_ITEMS.filter((i) => (CONTRA_INDICATIONS as readonly string[]).includes(i) === contra);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="screening-title" className="screening">
      <h2 id="screening-title">{t('case.screening.title')}</h2>
      {[false, true].map((contra) => (
        <fieldset key={String(contra)} className="screening__group">
          <legend>{t(contra ? 'case.screening.contra' : 'case.screening.indications')}</legend>
          {group(contra).map((item) => (
            <div key={item} className="screening__item">
              <fieldset className="screening__answer" disabled={!editable}>
                <legend>{t(`case.screening.items.${item}`)}</legend>
                {(['yes', 'no'] as const).map((answer) => (
                  <label key={answer}>
                    <input type="radio" value={answer} {...register(`items.${item}.holds`)} />{' '}
                    {t(`case.screening.${answer}`)}
                  </label>
                ))}
              </fieldset>
              <Field
                id={`note-${item}`}
                label={t('case.screening.note')}
                error={errors?.[item]?.note?.message}
              >
                {(p) => <input {...p} disabled={!editable} {...register(`items.${item}.note`)} />}
              </Field>
            </div>
          ))}
        </fieldset>
      ))}
      {editable && (
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('case.screening.save')}
        </button>
      )}
      <ErrorRegion message={errors?.message ?? (save.error ? saveError(save.error, t) : null)} />
      <StatusRegion message={save.isSuccess ? t('case.saved') : null} />
    </form>
  );
}

type Outcome = Body<'/api/v1/cases/{id}/decision', 'post'>['outcome'];
interface DecisionValues {
  outcome: Outcome;
  rationale: string;
  communicatedToClient: boolean;
  communicatedToReferrer: boolean;
  rejectionAdvice: string;
  rejectionReferral: string;
  stopTalkSkippedReason: string;
}

/** The joint decision's request body: a rejection's advice and referral, or why the stop talk was skipped. */
export const decisionBody =
  (version: number) =>
  (f: DecisionValues): Body<'/api/v1/cases/{id}/decision', 'post'> => {
    return {
      outcome: f.outcome,
      rationale: f.rationale.trim(),
      version,
      communicatedToClient: f.communicatedToClient,
      communicatedToReferrer: f.communicatedToReferrer,
      ...(f.outcome === 'rejected'
        ? {
            rejectionAdvice: f.rejectionAdvice.trim(),
            ...optionalText('rejectionReferral', f.rejectionReferral),
          }
        : optionalText('stopTalkSkippedReason', f.stopTalkSkippedReason)),
    };
  };

function DecisionPanel({ c }: { c: CaseDetail }) {
  const { t, i18n } = useCaseT();
  const me = useMe();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const d = c.decision;
  const agreement = useCaseWrite(c.id, (outcome: Outcome) =>
    call(
      typed.POST('/api/v1/cases/{id}/decision/agreements', {
        params: { path: { id: c.id } },
        body: { outcome },
      }),
    ),
  );
  const decision = useCaseWrite(
    c.id,
    (body: Body<'/api/v1/cases/{id}/decision', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/decision', { params: { path: { id: c.id } }, body })),
    ['lists'],
  );
  const toBody = decisionBody(c.version);
  const { register, handleSubmit, formState, watch, setError } = useForm<DecisionValues>({
    defaultValues: {
      outcome: 'granted',
      rationale: '',
      communicatedToClient: false,
      communicatedToReferrer: false,
      rejectionAdvice: '',
      rejectionReferral: '',
      stopTalkSkippedReason: '',
    },
    resolver: withRules(bodyResolver('POST /api/v1/cases/{id}/decision', { toBody }), (f) =>
      f.outcome === 'rejected' && !f.rejectionAdvice.trim()
        ? { rejectionAdvice: t('case.decision.errors.advice') }
        : {},
    ),
  });
  const errors = formState.errors;
  const outcome = watch('outcome');
  const deciding = c.status === 'decision';
  const myOrganisations = new Set(me.roles.map((r) => r.organisationId));

  const agree = (o: Outcome) => {
    decision.reset();
    agreement.mutate(o);
  };
  const submit = handleSubmit((f) => {
    agreement.reset();
    // every required party agreed to this outcome, before the decision is registered
    const missing = d.requiredParties.filter(
      (type) => !d.agreements.some((a) => a.organisationType === type && a.outcome === f.outcome),
    );
    if (missing.length > 0) {
      setError('root', {
        message: t('case.decision.errors.missing', {
          parties: missing.map((m) => t(`case.orgTypes.${m}`)).join(', '),
        }),
      });
      return;
    }
    decision.mutate(toBody(f));
  });
  const failed = agreement.error ?? decision.error;
  const error = errors.root?.message ?? (failed ? saveError(failed, t) : null);

  if (!deciding && !d.outcome) return null;
  return (
    <section aria-labelledby="decision-title" className="decision">
      <h2 id="decision-title">{t('case.decision.title')}</h2>
      <h3>{t('case.decision.agreements')}</h3>
      <ul className="agreements">
        {d.requiredParties.map((type) => {
          const a = d.agreements.find((x) => x.organisationType === type);
          return (
            <li key={type} data-agreed={a ? a.outcome : 'none'}>
              <strong>{t(`case.orgTypes.${type}`)}</strong>:{' '}
              {a
                ? `${t(`case.decision.agreed.${a.outcome}`)} — ${a.userName ?? ''}, ${formatDateTime(a.agreedAt, lang)}`
                : t('case.decision.pending')}
            </li>
          );
        })}
      </ul>
      {deciding && c.may.decide && (
        <div className="utrecht-button-group">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => agree('granted')}
          >
            {t('case.decision.agreeGrant')}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => agree('rejected')}
          >
            {t('case.decision.agreeReject')}
          </button>
          <span className="muted">
            {t('case.decision.onBehalfOf')}{' '}
            {c.parties
              .filter((p) => myOrganisations.has(p.organisationId))
              .map((p) => p.name)
              .join(', ') || '—'}
          </span>
        </div>
      )}
      {d.outcome ? (
        <dl className="facts">
          <div>
            <dt>{t('case.decision.outcome')}</dt>
            <dd>{t(`case.decision.outcomes.${d.outcome}`)}</dd>
          </div>
          <div>
            <dt>{t('case.decision.rationale')}</dt>
            <dd>{d.rationale}</dd>
          </div>
          <div>
            <dt>{t('case.decision.decidedAt')}</dt>
            <dd>{formatDateTime(d.decidedAt, lang)}</dd>
          </div>
          <div>
            <dt>{t('case.decision.toClient')}</dt>
            <dd>
              {d.communicatedClientAt
                ? formatDateTime(d.communicatedClientAt, lang)
                : t('case.decision.notYet')}
            </dd>
          </div>
          <div>
            <dt>{t('case.decision.toReferrer')}</dt>
            <dd>
              {d.communicatedReferrerAt
                ? formatDateTime(d.communicatedReferrerAt, lang)
                : t('case.decision.notYet')}
            </dd>
          </div>
          {d.rejectionAdvice && (
            <div>
              <dt>{t('case.decision.advice')}</dt>
              <dd>{d.rejectionAdvice}</dd>
            </div>
          )}
          {d.rejectionReferral && (
            <div>
              <dt>{t('case.decision.referral')}</dt>
              <dd>{d.rejectionReferral}</dd>
            </div>
          )}
        </dl>
      ) : (
        c.may.decide && (
          <form onSubmit={submit} noValidate className="decision__form">
            <fieldset>
              <legend>{t('case.decision.outcome')}</legend>
              {(['granted', 'rejected'] as const).map((o) => (
                <label key={o}>
                  <input type="radio" value={o} {...register('outcome')} /> {t(`case.decision.outcomes.${o}`)}
                </label>
              ))}
            </fieldset>
            <Field
              id="decision-rationale"
              label={t('case.decision.rationale')}
              error={errors.rationale?.message}
            >
              {(p) => <textarea {...p} rows={3} {...register('rationale')} />}
            </Field>
            {outcome === 'rejected' ? (
              <>
                <Field
                  id="decision-advice"
                  label={t('case.decision.advice')}
                  error={errors.rejectionAdvice?.message}
                >
                  {(p) => <textarea {...p} rows={2} {...register('rejectionAdvice')} />}
                </Field>
                <Field id="decision-referral" label={t('case.decision.referral')}>
                  {(p) => <input {...p} {...register('rejectionReferral')} />}
                </Field>
              </>
            ) : (
              <Field
                id="decision-stop"
                label={t('case.decision.stopTalkSkipped')}
                hint={t('case.decision.stopTalkHint')}
              >
                {(p) => <input {...p} {...register('stopTalkSkippedReason')} />}
              </Field>
            )}
            <label className="checkbox">
              <input type="checkbox" {...register('communicatedToClient')} />{' '}
              {t('case.decision.toClientCheck')}
            </label>
            <label className="checkbox">
              <input type="checkbox" {...register('communicatedToReferrer')} />{' '}
              {t('case.decision.toReferrerCheck')}
            </label>
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {t('case.decision.register')}
            </button>
          </form>
        )
      )}
      <ErrorRegion message={error} />
    </section>
  );
}
