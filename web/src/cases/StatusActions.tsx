import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call, typed } from '../api/client.ts';
import type { CaseDetail } from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import { useCaseWrite } from './mutations.ts';

type Status = CaseDetail['allowedNext'][number];

/** Statuses reached by their own form (the joint decision), not by a plain status button. */
const BY_DECISION = new Set<Status>(['connecting', 'rejected']);
/** Intake steps any writing party may take; after the decision the executing organisation carries the case. */
const INTAKE = new Set<Status>(['screening', 'decision']);

interface RationaleValues {
  rationale: string;
}

/** The transition's request body. */
export const transitionBody = (to: Status, version: number) => (f: RationaleValues) => ({
  to,
  rationale: f.rationale.trim(),
  version,
});

/** A button per status the case can go to next; each asks for the rationale first. */
export function StatusActions({ caseData }: { caseData: CaseDetail }) {
  const { t } = useCaseT();
  const [to, setTo] = useState<Status | null>(null);
  const targets = caseData.allowedNext.filter(
    (s) => !BY_DECISION.has(s) && (caseData.may.connect || INTAKE.has(s)),
  );
  const move = useCaseWrite(
    caseData.id,
    (body: ReturnType<ReturnType<typeof transitionBody>>) =>
      call(typed.POST('/api/v1/cases/{id}/transitions', { params: { path: { id: caseData.id } }, body })),
    ['lists'],
  );
  if (!caseData.may.write || targets.length === 0) return null;

  return (
    <div className="utrecht-button-group status-actions">
      {to === null ? (
        targets.map((s) => (
          <button
            key={s}
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              move.reset();
              setTo(s);
            }}
          >
            {t('case.actions.moveTo', { status: t(`case.statuses.${s}`) })}
          </button>
        ))
      ) : (
        <TransitionForm
          key={to}
          to={to}
          version={caseData.version}
          busy={move.isPending}
          refusal={move.error ? saveError(move.error, t) : undefined}
          onSubmit={(body) => move.mutate(body, { onSuccess: () => setTo(null) })}
          onCancel={() => setTo(null)}
        />
      )}
      <ErrorRegion message={to === null && move.error ? saveError(move.error, t) : null} />
    </div>
  );
}

function TransitionForm({
  to,
  version,
  busy,
  refusal,
  onSubmit,
  onCancel,
}: {
  to: Status;
  version: number;
  busy: boolean;
  refusal: string | undefined;
  onSubmit: (body: ReturnType<ReturnType<typeof transitionBody>>) => void;
  onCancel: () => void;
}) {
  const { t } = useCaseT();
  const toBody = transitionBody(to, version);
  const { register, handleSubmit, formState } = useForm<RationaleValues>({
    defaultValues: { rationale: '' },
    resolver: withRules(bodyResolver('POST /api/v1/cases/{id}/transitions', { toBody }), (f) =>
      f.rationale.trim() ? {} : { rationale: t('case.errors.rationaleRequired') },
    ),
  });
  return (
    <form onSubmit={handleSubmit((f) => onSubmit(toBody(f)))} className="status-actions__form" noValidate>
      <Field
        id="transition-rationale"
        label={t('case.actions.rationale', { status: t(`case.statuses.${to}`) })}
        error={formState.errors.rationale?.message ?? refusal}
      >
        {(p) => <textarea {...p} rows={2} {...register('rationale')} />}
      </Field>
      <div className="utrecht-button-group">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('case.actions.confirm')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
          {t('case.actions.cancel')}
        </button>
      </div>
    </form>
  );
}
