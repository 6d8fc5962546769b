import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { type CaseDetail, CONTRA_INDICATIONS, SCREENING_ITEMS } from '../api/contract.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import type { CaseSectionProps } from './sections.ts';

/** Screening checklist (five indications, three contra-indications) and the joint decision. */
export function ScreeningSection({ caseData, reload }: CaseSectionProps) {
  const c = caseData as CaseDetail;
  return (
    <>
      <ScreeningChecklist c={c} reload={reload} />
      <DecisionPanel c={c} reload={reload} />
    </>
  );
}

function ScreeningChecklist({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const { t } = useCaseT();
  const editable = c.may.write && (c.status === 'referral' || c.status === 'screening');
  const initial = Object.fromEntries(
    SCREENING_ITEMS.map((item) => {
      const found = c.screening.find((s) => s.item === item);
      return [item, { holds: found ? (found.holds ? 'yes' : 'no') : '', note: found?.note ?? '' }];
    }),
  );
  const [items, setItems] = useState<Record<string, { holds: string; note: string }>>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const answered = SCREENING_ITEMS.filter((i) => items[i]!.holds !== '');
    if (answered.length === 0) return setError(t('case.screening.errors.none'));
    try {
      await api.post(`/cases/${c.id}/screening`, {
        version: c.version,
        items: answered.map((item) => ({
          item,
          holds: items[item]!.holds === 'yes',
          note: items[item]!.note.trim() || undefined,
        })),
      });
      setError(null);
      setSaved(t('case.saved'));
      reload();
    } catch (err) {
      setError(saveError(err, t));
    }
  }

  const group = (contra: boolean) => SCREENING_ITEMS.filter((i) => CONTRA_INDICATIONS.includes(i) === contra);
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
                    <input
                      type="radio"
                      name={`screening-${item}`}
                      value={answer}
                      checked={items[item]!.holds === answer}
                      onChange={() => setItems({ ...items, [item]: { ...items[item]!, holds: answer } })}
                    />{' '}
                    {t(`case.screening.${answer}`)}
                  </label>
                ))}
              </fieldset>
              <Field id={`note-${item}`} label={t('case.screening.note')}>
                {(p) => (
                  <input
                    {...p}
                    disabled={!editable}
                    value={items[item]!.note}
                    onChange={(e) =>
                      setItems({ ...items, [item]: { ...items[item]!, note: e.target.value } })
                    }
                  />
                )}
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
      <ErrorRegion message={error} />
      <StatusRegion message={saved} />
    </form>
  );
}

function DecisionPanel({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const { t, i18n } = useCaseT();
  const me = useMe();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const d = c.decision;
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [form, setForm] = useState({
    outcome: 'granted',
    rationale: '',
    communicatedToClient: false,
    communicatedToReferrer: false,
    rejectionAdvice: '',
    rejectionReferral: '',
    stopTalkSkippedReason: '',
  });
  const deciding = c.status === 'decision';
  const missing = d.requiredParties.filter(
    (type) => !d.agreements.some((a) => a.organisationType === type && a.outcome === form.outcome),
  );
  const myOrganisations = new Set(me.roles.map((r) => r.organisationId));

  async function agree(outcome: 'granted' | 'rejected') {
    try {
      await api.post(`/cases/${c.id}/decision/agreements`, { outcome });
      setError(null);
      reload();
    } catch (err) {
      setError(saveError(err, t));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.rationale.trim()) problems.rationale = t('case.errors.required');
    if (form.outcome === 'rejected' && !form.rejectionAdvice.trim())
      problems.rejectionAdvice = t('case.decision.errors.advice');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (missing.length > 0)
      return setError(
        t('case.decision.errors.missing', {
          parties: missing.map((m) => t(`case.orgTypes.${m}`)).join(', '),
        }),
      );
    try {
      await api.post(`/cases/${c.id}/decision`, {
        outcome: form.outcome,
        rationale: form.rationale.trim(),
        version: c.version,
        communicatedToClient: form.communicatedToClient,
        communicatedToReferrer: form.communicatedToReferrer,
        ...(form.outcome === 'rejected'
          ? {
              rejectionAdvice: form.rejectionAdvice.trim(),
              rejectionReferral: form.rejectionReferral.trim() || undefined,
            }
          : { stopTalkSkippedReason: form.stopTalkSkippedReason.trim() || undefined }),
      });
      setError(null);
      reload();
    } catch (err) {
      setError(saveError(err, t));
    }
  }

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
                  <input
                    type="radio"
                    name="outcome"
                    value={o}
                    checked={form.outcome === o}
                    onChange={() => setForm({ ...form, outcome: o })}
                  />{' '}
                  {t(`case.decision.outcomes.${o}`)}
                </label>
              ))}
            </fieldset>
            <Field id="decision-rationale" label={t('case.decision.rationale')} error={errors.rationale}>
              {(p) => (
                <textarea
                  {...p}
                  rows={3}
                  value={form.rationale}
                  onChange={(e) => setForm({ ...form, rationale: e.target.value })}
                />
              )}
            </Field>
            {form.outcome === 'rejected' ? (
              <>
                <Field id="decision-advice" label={t('case.decision.advice')} error={errors.rejectionAdvice}>
                  {(p) => (
                    <textarea
                      {...p}
                      rows={2}
                      value={form.rejectionAdvice}
                      onChange={(e) => setForm({ ...form, rejectionAdvice: e.target.value })}
                    />
                  )}
                </Field>
                <Field id="decision-referral" label={t('case.decision.referral')}>
                  {(p) => (
                    <input
                      {...p}
                      value={form.rejectionReferral}
                      onChange={(e) => setForm({ ...form, rejectionReferral: e.target.value })}
                    />
                  )}
                </Field>
              </>
            ) : (
              <Field
                id="decision-stop"
                label={t('case.decision.stopTalkSkipped')}
                hint={t('case.decision.stopTalkHint')}
              >
                {(p) => (
                  <input
                    {...p}
                    value={form.stopTalkSkippedReason}
                    onChange={(e) => setForm({ ...form, stopTalkSkippedReason: e.target.value })}
                  />
                )}
              </Field>
            )}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.communicatedToClient}
                onChange={(e) => setForm({ ...form, communicatedToClient: e.target.checked })}
              />{' '}
              {t('case.decision.toClientCheck')}
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.communicatedToReferrer}
                onChange={(e) => setForm({ ...form, communicatedToReferrer: e.target.checked })}
              />{' '}
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
