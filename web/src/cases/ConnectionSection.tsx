import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { API_BASE, type ApiError, call, typed } from '../api/client.ts';
import type { CaseDetail } from '../api/contract.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { dutchToday } from '../ui/dutch-date.ts';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { formatDate, formatDateTime } from '../ui/time.ts';
import { DeadlineBadge, deadlineUrgency } from './CaseList.tsx';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
import { type Affected, useCaseRefresh } from './mutations.ts';
import { useStockDevices } from './queries.ts';
import type { CaseSectionProps } from './sections.ts';
import { fileProblem, uploadDocument } from './upload.ts';

const today = () => dutchToday();

function Step({ done, title, children }: { done: boolean; title: string; children: ReactNode }) {
  const { t } = useCaseT();
  return (
    <li className={`connection-step${done ? ' connection-step--done' : ''}`}>
      <h3>
        <span
          className={`utrecht-status-badge ${done ? 'utrecht-status-badge--success' : 'utrecht-status-badge--active'}`}
        >
          {t(done ? 'case.connection.done' : 'case.connection.open')}
        </span>{' '}
        {title}
      </h3>
      {children}
    </li>
  );
}

/** Phase 2: caseworker, deadline, signalement, device and test alarm, contract, privacy statement. */
export function ConnectionSection({ caseData }: CaseSectionProps) {
  const c = caseData as CaseDetail;
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const k = c.connection;
  // connecting the client is the executing organisation's work (caseworker, team leader); the police and
  // Veilig Thuis follow it here without forms they are not meant to fill in
  const editable = c.may.connect && ['connecting', 'active', 'evaluation'].includes(c.status);
  const refresh = useCaseRefresh(c.id);
  const step = useMutation<unknown, ApiError, ConnectionStep>({
    mutationFn: (s) => s.write(),
    onSuccess: (_, s) => refresh(s.affected),
  });
  const run: Run = (s) => step.mutate(s);
  const urgency = c.status === 'connecting' ? deadlineUrgency(k.deadline, Date.now()) : 'none';

  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">{t('case.connection.title')}</h2>
      <p className="connection-deadline">
        {t('case.connection.deadline')}: <strong>{k.deadline ? formatDate(k.deadline, lang) : '—'}</strong>{' '}
        <DeadlineBadge urgency={urgency} t={t} />{' '}
        <span className="muted">{t(`case.connection.norm.${c.targetGroup}`)}</span>
      </p>
      <ErrorRegion message={step.error ? saveError(step.error, t) : null} />
      <ol className="plain-list connection-steps">
        <Step done={c.caseworker !== null} title={t('case.connection.caseworker')}>
          <p>{c.caseworker?.name ?? t('case.none')}</p>
          {c.may.assign && <AssignForm c={c} run={run} />}
        </Step>
        <Step done={k.signalementSentAt !== null} title={t('case.connection.signalement')}>
          <p>
            {k.signalementSentAt
              ? t('case.connection.signalementSent', {
                  recipient: k.signalementRecipient,
                  at: formatDateTime(k.signalementSentAt, lang),
                })
              : t('case.connection.signalementNotSent')}{' '}
            <a href={`${API_BASE}/cases/${c.id}/signalement/pdf`} download>
              {t('case.connection.signalementPdf')}
            </a>
          </p>
          {editable && !k.signalementSentAt && <SignalementForm c={c} run={run} />}
        </Step>
        <Step done={k.device !== null && k.testAlarmAt !== null} title={t('case.connection.device')}>
          <p>
            {k.device
              ? `${k.device.serial} (${k.device.model})${k.device.testMode ? ` — ${t('case.connection.testMode')}` : ''}`
              : t('case.connection.noDevice')}
          </p>
          <p data-testid="test-alarm">
            {k.testAlarmAt
              ? t('case.connection.testAlarmDone', { at: formatDateTime(k.testAlarmAt, lang) })
              : t('case.connection.testAlarmOpen')}
          </p>
          {!k.device && c.may.assign && <DeviceForm c={c} run={run} />}
          {!k.device && !c.may.assign && <p className="muted">{t('work.askCoordinator')}</p>}
        </Step>
        <Step done={k.contractSignedOn !== null} title={t('case.connection.contract')}>
          <p>
            {k.contractSignedOn
              ? t('case.connection.contractSigned', { on: formatDate(k.contractSignedOn, lang) })
              : t('case.connection.contractOpen')}
          </p>
          {editable && !k.contractSignedOn && <ContractForm c={c} run={run} />}
        </Step>
        <Step done={k.privacyStatementHandedOn !== null} title={t('case.connection.privacy')}>
          <p>
            {k.privacyStatementHandedOn
              ? t('case.connection.privacyHanded', { on: formatDate(k.privacyStatementHandedOn, lang) })
              : t('case.connection.privacyOpen')}
          </p>
          {editable && !k.privacyStatementHandedOn && <PrivacyForm c={c} run={run} />}
        </Step>
      </ol>
    </section>
  );
}

/** A step of the connection: its write, and what it shows up in besides the case. */
interface ConnectionStep {
  write: () => Promise<unknown>;
  affected: Affected[];
}
type Run = (step: ConnectionStep) => void;

interface CaseworkerValues {
  caseworkerId: string;
}

/** The caseworker assignment's request body; no choice left out (the schema then asks for one). */
export const caseworkerBody = (version: number) => (f: CaseworkerValues) => ({
  ...(f.caseworkerId ? { caseworkerId: f.caseworkerId } : {}),
  version,
});

function AssignForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const toBody = caseworkerBody(c.version);
  const { register, handleSubmit, formState } = useForm<CaseworkerValues>({
    defaultValues: { caseworkerId: c.caseworker?.id ?? '' },
    resolver: bodyResolver('POST /api/v1/cases/{id}/caseworker', { toBody }),
  });
  const submit = handleSubmit((f) =>
    run({
      write: () =>
        call(
          typed.POST('/api/v1/cases/{id}/caseworker', {
            params: { path: { id: c.id } },
            body: { caseworkerId: f.caseworkerId, version: c.version },
          }),
        ),
      affected: ['lists'],
    }),
  );
  return (
    <form className="inline-form aware-row inline-form--row" noValidate onSubmit={submit}>
      <Field
        id="assign-caseworker"
        label={t('case.connection.pickCaseworker')}
        error={formState.errors.caseworkerId?.message}
      >
        {(p) => (
          <select {...p} {...register('caseworkerId')}>
            <option value="">—</option>
            {c.assignableCaseworkers.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.connection.assign')}
      </button>
    </form>
  );
}

interface SignalementValues {
  recipient: string;
}

/** The signalement's request body: who at the police received it. */
export const signalementBody = (version: number) => (f: SignalementValues) => ({
  recipient: f.recipient.trim(),
  version,
});

function SignalementForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const toBody = signalementBody(c.version);
  const { register, handleSubmit, formState } = useForm<SignalementValues>({
    defaultValues: { recipient: '' },
    resolver: bodyResolver('POST /api/v1/cases/{id}/signalement', { toBody }),
  });
  const submit = handleSubmit((f) =>
    run({
      write: () =>
        call(
          typed.POST('/api/v1/cases/{id}/signalement', { params: { path: { id: c.id } }, body: toBody(f) }),
        ),
      affected: [],
    }),
  );
  return (
    <form className="inline-form aware-row inline-form--row" noValidate onSubmit={submit}>
      <Field
        id="signalement-recipient"
        label={t('case.connection.recipient')}
        error={formState.errors.recipient?.message}
      >
        {(p) => <input {...p} {...register('recipient')} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.connection.markSent')}
      </button>
    </form>
  );
}

interface DeviceValues {
  deviceId: string;
}

function DeviceForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const stock = useStockDevices();
  // the button is named in the path; the body names the case
  const { register, handleSubmit, formState } = useForm<DeviceValues>({
    defaultValues: { deviceId: '' },
    resolver: withRules(
      bodyResolver('POST /api/v1/devices/{id}/assign', { toBody: () => ({ caseId: c.id }) }),
      (f) => (f.deviceId ? {} : { deviceId: t('case.errors.required') }),
    ),
  });
  if (!stock.data) return null;
  if (stock.data.length === 0)
    return (
      <p>
        {t('work.noStock')} <Link to="/devices/new">{t('work.addDevice')}</Link>
      </p>
    );
  const submit = handleSubmit(({ deviceId }) =>
    run({
      write: async () => {
        const path = { params: { path: { id: deviceId } } };
        // test mode first: the test alarm that follows must not reach the police as a real one
        await call(typed.PATCH('/api/v1/devices/{id}', { ...path, body: { testMode: true } }));
        await call(typed.POST('/api/v1/devices/{id}/assign', { ...path, body: { caseId: c.id } }));
      },
      affected: ['devices'],
    }),
  );
  return (
    <form className="inline-form aware-row inline-form--row" noValidate onSubmit={submit}>
      <Field
        id="device-pick"
        label={t('case.connection.pickDevice')}
        hint={t('case.connection.testModeHint')}
        error={formState.errors.deviceId?.message}
      >
        {(p) => (
          <select {...p} {...register('deviceId')}>
            <option value="">—</option>
            {stock.data.map((d) => (
              <option key={d.id} value={d.id}>
                {d.serial} — {d.model}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.connection.issue')}
      </button>
    </form>
  );
}

interface ContractValues {
  files: FileList | null;
  signedOn: string;
}

/** Stands in for the contract's document id in the check before sending: the upload gives the real one. */
const UPLOADED_DOCUMENT = '00000000-0000-4000-8000-000000000000';

/** The contract's request body; no date left out (the schema then asks for it). */
export const contractBody = (version: number, documentId: string) => (f: ContractValues) => ({
  ...(f.signedOn ? { signedOn: f.signedOn } : {}),
  documentId,
  version,
});

function ContractForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const { register, handleSubmit, formState } = useForm<ContractValues>({
    defaultValues: { files: null, signedOn: today() },
    resolver: withRules(
      bodyResolver('POST /api/v1/cases/{id}/contract', {
        toBody: contractBody(c.version, UPLOADED_DOCUMENT),
        fieldOf: { documentId: 'files' },
      }),
      (f) => {
        const file = f.files?.[0];
        const fileError =
          fileProblem(file, t) ??
          (file?.type && file.type !== 'application/pdf' ? t('case.connection.contractPdf') : undefined);
        return {
          files: fileError,
          signedOn: f.signedOn > today() ? t('case.errors.future') : undefined,
        };
      },
    ),
  });
  const errors = formState.errors;
  const submit = handleSubmit((f) =>
    run({
      write: async () => {
        const doc = await uploadDocument(c.id, 'contract', f.files![0]!);
        await call(
          typed.POST('/api/v1/cases/{id}/contract', {
            params: { path: { id: c.id } },
            body: { signedOn: f.signedOn, documentId: doc.id, version: c.version },
          }),
        );
      },
      affected: ['documents'],
    }),
  );
  return (
    <form className="inline-form aware-row inline-form--row" noValidate onSubmit={submit}>
      <Field id="contract-file" label={t('case.connection.contractFile')} error={errors.files?.message}>
        {(p) => <input {...p} type="file" accept="application/pdf" {...register('files')} />}
      </Field>
      <Field id="contract-date" label={t('case.connection.signedOn')} error={errors.signedOn?.message}>
        {(p) => <input {...p} type="date" max={today()} {...register('signedOn')} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.connection.saveContract')}
      </button>
    </form>
  );
}

interface PrivacyValues {
  handedOn: string;
}

/** The privacy statement's request body; no date left out (the schema then asks for it). */
export const privacyBody = (version: number) => (f: PrivacyValues) => ({
  ...(f.handedOn ? { handedOn: f.handedOn } : {}),
  version,
});

function PrivacyForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const toBody = privacyBody(c.version);
  const { register, handleSubmit, formState } = useForm<PrivacyValues>({
    defaultValues: { handedOn: today() },
    resolver: withRules(bodyResolver('POST /api/v1/cases/{id}/privacy-statement', { toBody }), (f) => ({
      handedOn: f.handedOn > today() ? t('case.errors.future') : undefined,
    })),
  });
  const submit = handleSubmit((f) =>
    run({
      write: () =>
        call(
          typed.POST('/api/v1/cases/{id}/privacy-statement', {
            params: { path: { id: c.id } },
            body: { handedOn: f.handedOn, version: c.version },
          }),
        ),
      affected: [],
    }),
  );
  return (
    <form className="inline-form aware-row inline-form--row" noValidate onSubmit={submit}>
      <Field
        id="privacy-date"
        label={t('case.connection.handedOn')}
        error={formState.errors.handedOn?.message}
      >
        {(p) => <input {...p} type="date" max={today()} {...register('handedOn')} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.connection.savePrivacy')}
      </button>
    </form>
  );
}
