import { useForm } from 'react-hook-form';
import { call, typed } from '../api/client.ts';
import type { Body, CaseDetail } from '../api/contract.ts';
import { RISK_INSTRUMENTS } from '../api/values.ts';
import { intlLocale } from '../i18n/index.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { formatDate, formatDateTime } from '../ui/time.ts';
import { TaskText } from './CaseOverview.tsx';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import { useCaseWrite } from './mutations.ts';
import type { CaseSectionProps } from './sections.ts';

function Facts({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value?.trim() ? value : '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Referral, client and children, perpetrator (signalement), bans, parties, team, instruments, contributions. */
export function OverviewSection({ caseData }: CaseSectionProps) {
  const c = caseData as CaseDetail;
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  return (
    <div className="case-grid">
      <section aria-labelledby="ov-referral">
        <h2 id="ov-referral">{t('case.overview.referral')}</h2>
        <Facts
          rows={[
            [t('case.overview.referredAt'), formatDate(c.referral.referredAt, lang)],
            [
              t('case.overview.referrer'),
              c.referral.referrerKind
                ? `${t(`case.referrers.${c.referral.referrerKind}`)} — ${c.referral.referrerOrganisationName ?? ''}`
                : null,
            ],
            [
              t('case.overview.channel'),
              c.referral.channel ? t(`case.channels.${c.referral.channel}`) : null,
            ],
            [t('case.overview.summary'), c.referral.summary],
          ]}
        />
      </section>
      {c.client && (
        <section aria-labelledby="ov-client">
          <h2 id="ov-client">{t('case.overview.client')}</h2>
          <Facts
            rows={[
              [t('case.overview.name'), c.client.name],
              [t('case.overview.phone'), c.client.phone],
              [t('case.overview.address'), c.client.address],
              [t('case.overview.language'), languageName(c.client.language, lang)],
              [
                t('case.overview.children'),
                c.children.map((k) => `${k.firstName}${k.birthYear ? ` (${k.birthYear})` : ''}`).join(', '),
              ],
            ]}
          />
        </section>
      )}
      <section aria-labelledby="ov-perpetrator">
        <h2 id="ov-perpetrator">{t('case.overview.perpetrator')}</h2>
        <Facts
          rows={[
            [t('case.overview.name'), c.perpetrator?.name],
            [t('case.overview.description'), c.perpetrator?.description],
            [
              t('case.overview.vehicle'),
              [c.perpetrator?.vehicle, c.perpetrator?.registration].filter(Boolean).join(', '),
            ],
            [t('case.overview.weapons'), c.perpetrator?.weapons],
            [t('case.overview.riskFlags'), c.perpetrator?.riskFlags.join(', ')],
          ]}
        />
      </section>
      <section aria-labelledby="ov-bans">
        <h2 id="ov-bans">{t('case.overview.bans')}</h2>
        {c.bans.length === 0 ? (
          <p>{t('case.none')}</p>
        ) : (
          <ul>
            {c.bans.map((b) => (
              <li key={b.id}>
                {t(`case.banKinds.${b.kind}`)}: {b.description}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ov-parties">
        <h2 id="ov-parties">{t('case.overview.parties')}</h2>
        <ul>
          {c.parties.map((p) => (
            <li key={p.organisationId}>{p.name}</li>
          ))}
        </ul>
        <h3>{t('case.overview.team')}</h3>
        {c.team.length === 0 ? (
          <p>{t('case.none')}</p>
        ) : (
          <ul>
            {c.team.map((m) => (
              <li key={`${m.userId}-${m.role}`}>
                {m.name} — {t(`case.teamRoles.${m.role}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ov-risk" className="case-grid__wide">
        <h2 id="ov-risk">{t('case.overview.riskAssessments')}</h2>
        {c.riskAssessments.length === 0 ? (
          <p>{t('case.none')}</p>
        ) : (
          <ul>
            {c.riskAssessments.map((r) => (
              <li key={r.id}>
                {t(`case.instruments.${r.instrument}`)} — {formatDate(r.assessedOn, lang)}, {r.assessor}
                {r.organisationName ? ` (${r.organisationName})` : ''}: <strong>{r.outcomeLevel}</strong>
              </li>
            ))}
          </ul>
        )}
        {c.may.write && <RiskAssessmentForm caseId={c.id} />}
      </section>
      <section aria-labelledby="ov-contrib" className="case-grid__wide">
        <h2 id="ov-contrib">{t('case.overview.contributions')}</h2>
        {c.contributions.length === 0 ? (
          <p>{t('case.none')}</p>
        ) : (
          <ul>
            {c.contributions.map((k) => (
              <li key={k.id}>
                <span className="muted">
                  {formatDateTime(k.createdAt, lang)} · {k.organisationName ?? ''}
                </span>{' '}
                — {k.body}
              </li>
            ))}
          </ul>
        )}
        {c.may.write && <ContributionForm caseId={c.id} />}
      </section>
      {c.tasks.length > 0 && (
        <section aria-labelledby="ov-tasks" className="case-grid__wide">
          <h2 id="ov-tasks">{t('case.overview.tasks')}</h2>
          <ul>
            {c.tasks.map((task) => (
              <li key={task.id}>
                <TaskText task={task} t={t} /> — {task.assigneeOrganisationName ?? task.assigneeName ?? ''},{' '}
                {t('case.overview.due')} {formatDate(task.dueAt, lang)}
                {task.skippedReason
                  ? ` — ${t('case.overview.skipped')}: ${task.skippedReason}`
                  : task.doneAt
                    ? ` — ${t('case.overview.done')}`
                    : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

interface ContributionValues {
  body: string;
}

/** A party's contribution's request body. */
export const contributionBody = (f: ContributionValues) => ({ body: f.body.trim() });

function ContributionForm({ caseId }: { caseId: string }) {
  const { t } = useCaseT();
  const add = useCaseWrite(caseId, (body: ReturnType<typeof contributionBody>) =>
    call(typed.POST('/api/v1/cases/{id}/contributions', { params: { path: { id: caseId } }, body })),
  );
  const { register, handleSubmit, formState, reset } = useForm<ContributionValues>({
    defaultValues: { body: '' },
    resolver: bodyResolver('POST /api/v1/cases/{id}/contributions', { toBody: contributionBody }),
  });
  const submit = handleSubmit((f) => add.mutate(contributionBody(f), { onSuccess: () => reset() }));
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <Field
        id="contribution"
        label={t('case.overview.addContribution')}
        error={formState.errors.body?.message ?? (add.error ? saveError(add.error, t) : undefined)}
      >
        {(p) => <textarea {...p} rows={2} {...register('body')} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.actions.add')}
      </button>
    </form>
  );
}

interface RiskValues {
  instrument: (typeof RISK_INSTRUMENTS)[number];
  assessedOn: string;
  assessor: string;
  outcomeLevel: string;
}

const NO_RISK: RiskValues = { instrument: 'sash', assessedOn: '', assessor: '', outcomeLevel: '' };

/** A risk assessment's request body; an empty date is left out (the schema then names it). */
export const riskAssessmentBody = (f: RiskValues) => ({
  instrument: f.instrument,
  ...(f.assessedOn ? { assessedOn: f.assessedOn } : {}),
  assessor: f.assessor.trim(),
  outcomeLevel: f.outcomeLevel.trim(),
});

function RiskAssessmentForm({ caseId }: { caseId: string }) {
  const { t } = useCaseT();
  const add = useCaseWrite(caseId, (body: Body<'/api/v1/cases/{id}/risk-assessments', 'post'>) =>
    call(typed.POST('/api/v1/cases/{id}/risk-assessments', { params: { path: { id: caseId } }, body })),
  );
  const { register, handleSubmit, formState, reset } = useForm<RiskValues>({
    defaultValues: NO_RISK,
    resolver: bodyResolver('POST /api/v1/cases/{id}/risk-assessments', { toBody: riskAssessmentBody }),
  });
  const errors = formState.errors;
  const submit = handleSubmit((f) =>
    add.mutate({ ...riskAssessmentBody(f), assessedOn: f.assessedOn }, { onSuccess: () => reset(NO_RISK) }),
  );
  return (
    <form onSubmit={submit} noValidate className="inline-form aware-row inline-form--row">
      <Field id="ra-instrument" label={t('case.overview.instrument')}>
        {(p) => (
          <select {...p} {...register('instrument')}>
            {RISK_INSTRUMENTS.map((i) => (
              <option key={i} value={i}>
                {t(`case.instruments.${i}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="ra-date" label={t('case.overview.assessedOn')} error={errors.assessedOn?.message}>
        {(p) => <input {...p} type="date" {...register('assessedOn')} />}
      </Field>
      <Field id="ra-assessor" label={t('case.overview.assessor')} error={errors.assessor?.message}>
        {(p) => <input {...p} {...register('assessor')} />}
      </Field>
      <Field id="ra-level" label={t('case.overview.outcomeLevel')} error={errors.outcomeLevel?.message}>
        {(p) => <input {...p} {...register('outcomeLevel')} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.overview.addRisk')}
      </button>
      <ErrorRegion message={add.error ? saveError(add.error, t) : null} />
    </form>
  );
}

/** "nl" → "Nederlands" / "Dutch"; a code the browser does not know stays as written. */
function languageName(code: string | null | undefined, lang: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([intlLocale(lang)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
