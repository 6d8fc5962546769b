import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { CaseDetail } from '../api/contract.ts';
import { intlLocale } from '../i18n/index.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { formatDate, formatDateTime } from '../ui/time.ts';
import { taskText } from './CaseOverview.tsx';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
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
export function OverviewSection({ caseData, reload }: CaseSectionProps) {
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
        {c.may.write && <RiskAssessmentForm caseId={c.id} reload={reload} />}
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
        {c.may.write && <ContributionForm caseId={c.id} reload={reload} />}
      </section>
      {c.tasks.length > 0 && (
        <section aria-labelledby="ov-tasks" className="case-grid__wide">
          <h2 id="ov-tasks">{t('case.overview.tasks')}</h2>
          <ul>
            {c.tasks.map((task) => (
              <li key={task.id}>
                {taskText(task, t)} — {task.assigneeOrganisationName ?? task.assigneeName ?? ''},{' '}
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

function ContributionForm({ caseId, reload }: { caseId: string; reload: () => void }) {
  const { t } = useCaseT();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return setError(t('case.errors.required'));
    try {
      await api.post(`/cases/${caseId}/contributions`, { body: body.trim() });
      setBody('');
      setError(null);
      reload();
    } catch (err) {
      setError(saveError(err, t));
    }
  }
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <Field id="contribution" label={t('case.overview.addContribution')} error={error ?? undefined}>
        {(p) => <textarea {...p} rows={2} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.actions.add')}
      </button>
    </form>
  );
}

const INSTRUMENTS = ['sash', 'vt_triage', 'vt_safety_assessment', 'gri', 'other'];

function RiskAssessmentForm({ caseId, reload }: { caseId: string; reload: () => void }) {
  const { t } = useCaseT();
  const [f, setF] = useState({ instrument: 'sash', assessedOn: '', assessor: '', outcomeLevel: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    for (const k of ['assessedOn', 'assessor', 'outcomeLevel'] as const)
      if (!f[k].trim()) missing[k] = t('case.errors.required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      await api.post(`/cases/${caseId}/risk-assessments`, {
        ...f,
        assessor: f.assessor.trim(),
        outcomeLevel: f.outcomeLevel.trim(),
      });
      setF({ instrument: 'sash', assessedOn: '', assessor: '', outcomeLevel: '' });
      setError(null);
      reload();
    } catch (err) {
      setError(saveError(err, t));
    }
  }
  return (
    <form onSubmit={submit} noValidate className="inline-form aware-row inline-form--row">
      <Field id="ra-instrument" label={t('case.overview.instrument')}>
        {(p) => (
          <select {...p} value={f.instrument} onChange={set('instrument')}>
            {INSTRUMENTS.map((i) => (
              <option key={i} value={i}>
                {t(`case.instruments.${i}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="ra-date" label={t('case.overview.assessedOn')} error={errors.assessedOn}>
        {(p) => <input {...p} type="date" value={f.assessedOn} onChange={set('assessedOn')} />}
      </Field>
      <Field id="ra-assessor" label={t('case.overview.assessor')} error={errors.assessor}>
        {(p) => <input {...p} value={f.assessor} onChange={set('assessor')} />}
      </Field>
      <Field id="ra-level" label={t('case.overview.outcomeLevel')} error={errors.outcomeLevel}>
        {(p) => <input {...p} value={f.outcomeLevel} onChange={set('outcomeLevel')} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.overview.addRisk')}
      </button>
      <ErrorRegion message={error} />
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
