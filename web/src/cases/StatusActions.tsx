import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { CaseDetail } from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';

/** Statuses reached by their own form (the joint decision), not by a plain status button. */
const BY_DECISION = new Set(['connecting', 'rejected']);
/** Intake steps any writing party may take; after the decision the executing organisation carries the case. */
const INTAKE = new Set(['screening', 'decision']);

/** A button per status the case can go to next; each asks for the rationale first. */
export function StatusActions({ caseData, reload }: { caseData: CaseDetail; reload: () => void }) {
  const { t } = useCaseT();
  const [to, setTo] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const targets = caseData.allowedNext.filter(
    (s) => !BY_DECISION.has(s) && (caseData.may.connect || INTAKE.has(s)),
  );
  if (!caseData.may.write || targets.length === 0) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!rationale.trim()) return setError(t('case.errors.rationaleRequired'));
    setBusy(true);
    setError(null);
    try {
      await api.post(`/cases/${caseData.id}/transitions`, {
        to,
        rationale: rationale.trim(),
        version: caseData.version,
      });
      setTo(null);
      setRationale('');
      reload();
    } catch (err) {
      setError(saveError(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="utrecht-button-group status-actions">
      {to === null ? (
        targets.map((s) => (
          <button
            key={s}
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => setTo(s)}
          >
            {t('case.actions.moveTo', { status: t(`case.statuses.${s}`) })}
          </button>
        ))
      ) : (
        <form onSubmit={submit} className="status-actions__form" noValidate>
          <Field
            id="transition-rationale"
            label={t('case.actions.rationale', { status: t(`case.statuses.${to}`) })}
            error={error ?? undefined}
          >
            {(p) => (
              <textarea {...p} rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />
            )}
          </Field>
          <div className="utrecht-button-group">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              {t('case.actions.confirm')}
            </button>
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => setTo(null)}
            >
              {t('case.actions.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorRegion message={to === null ? error : null} />
    </div>
  );
}
