import { type FormEvent, type ReactNode, useState } from 'react';
import { API_BASE, api } from '../api/client.ts';
import type { CaseDetail } from '../api/contract.ts';
import { Link } from '../app/router.tsx';
import { ErrorRegion } from '../ui/Alert.tsx';
import { dutchToday } from '../ui/dutch-date.ts';
import { Field } from '../ui/Field.tsx';
import { formatDate, formatDateTime } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import { deadlineUrgency } from './CaseList.tsx';
import { useCaseT } from './i18n.ts';
import { saveError } from './messages.ts';
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
export function ConnectionSection({ caseData, reload }: CaseSectionProps) {
  const c = caseData as CaseDetail;
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const k = c.connection;
  const [error, setError] = useState<string | null>(null);
  // connecting the client is the executing organisation's work (caseworker, team leader); the police and
  // Veilig Thuis follow it here without forms they are not meant to fill in
  const editable = c.may.connect && ['connecting', 'active', 'evaluation'].includes(c.status);
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      reload();
    } catch (err) {
      setError(saveError(err, t));
    }
  };
  const urgency = c.status === 'connecting' ? deadlineUrgency(k.deadline, Date.now()) : 'none';

  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">{t('case.connection.title')}</h2>
      <p className="connection-deadline">
        {t('case.connection.deadline')}: <strong>{k.deadline ? formatDate(k.deadline, lang) : '—'}</strong>{' '}
        {urgency === 'overdue' && (
          <span className="utrecht-status-badge utrecht-status-badge--warning">
            {t('case.connection.overdue')}
          </span>
        )}
        {urgency === 'soon' && (
          <span className="utrecht-status-badge utrecht-status-badge--active">
            {t('case.connection.soon')}
          </span>
        )}{' '}
        <span className="muted">{t(`case.connection.norm.${c.targetGroup}`)}</span>
      </p>
      <ErrorRegion message={error} />
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

type Run = (action: () => Promise<unknown>) => Promise<void>;

function AssignForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const [who, setWho] = useState(c.caseworker?.id ?? '');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="inline-form aware-row inline-form--row"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!who) return setError(t('case.errors.required'));
        setError(undefined);
        void run(() => api.post(`/cases/${c.id}/caseworker`, { caseworkerId: who, version: c.version }));
      }}
    >
      <Field id="assign-caseworker" label={t('case.connection.pickCaseworker')} error={error}>
        {(p) => (
          <select {...p} value={who} onChange={(e) => setWho(e.target.value)}>
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

function SignalementForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const [recipient, setRecipient] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="inline-form aware-row inline-form--row"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!recipient.trim()) return setError(t('case.errors.required'));
        setError(undefined);
        void run(() =>
          api.post(`/cases/${c.id}/signalement`, { recipient: recipient.trim(), version: c.version }),
        );
      }}
    >
      <Field id="signalement-recipient" label={t('case.connection.recipient')} error={error}>
        {(p) => <input {...p} value={recipient} onChange={(e) => setRecipient(e.target.value)} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.connection.markSent')}
      </button>
    </form>
  );
}

interface StockDevice {
  id: string;
  serial: string;
  model: string;
}

function DeviceForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const stock = useApi<StockDevice[]>('/devices?state=in_stock');
  const [device, setDevice] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (!stock.data) return null;
  if (stock.data.length === 0)
    return (
      <p>
        {t('work.noStock')} <Link to="/devices/new">{t('work.addDevice')}</Link>
      </p>
    );
  return (
    <form
      className="inline-form aware-row inline-form--row"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!device) return setError(t('case.errors.required'));
        setError(undefined);
        void run(async () => {
          // test mode first: the test alarm that follows must not reach the police as a real one
          await api.patch(`/devices/${device}`, { testMode: true });
          await api.post(`/devices/${device}/assign`, { caseId: c.id });
        });
      }}
    >
      <Field
        id="device-pick"
        label={t('case.connection.pickDevice')}
        hint={t('case.connection.testModeHint')}
        error={error}
      >
        {(p) => (
          <select {...p} value={device} onChange={(e) => setDevice(e.target.value)}>
            <option value="">—</option>
            {stock.data!.map((d) => (
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

function ContractForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const [file, setFile] = useState<File | null>(null);
  const [signedOn, setSignedOn] = useState(today());
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const fp = fileProblem(file, t);
    if (fp) problems.file = fp;
    else if (file?.type && file.type !== 'application/pdf') problems.file = t('case.connection.contractPdf');
    if (!signedOn) problems.signedOn = t('case.errors.required');
    else if (signedOn > today()) problems.signedOn = t('case.errors.future');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    await run(async () => {
      const doc = await uploadDocument(c.id, 'contract', file!);
      await api.post(`/cases/${c.id}/contract`, { signedOn, documentId: doc.id, version: c.version });
    });
  }
  return (
    <form className="inline-form aware-row inline-form--row" noValidate onSubmit={submit}>
      <Field id="contract-file" label={t('case.connection.contractFile')} error={errors.file}>
        {(p) => (
          <input
            {...p}
            type="file"
            accept="application/pdf"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <Field id="contract-date" label={t('case.connection.signedOn')} error={errors.signedOn}>
        {(p) => (
          <input
            {...p}
            type="date"
            max={today()}
            value={signedOn}
            onChange={(e) => setSignedOn(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.connection.saveContract')}
      </button>
    </form>
  );
}

function PrivacyForm({ c, run }: { c: CaseDetail; run: Run }) {
  const { t } = useCaseT();
  const [handedOn, setHandedOn] = useState(today());
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="inline-form aware-row inline-form--row"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!handedOn) return setError(t('case.errors.required'));
        if (handedOn > today()) return setError(t('case.errors.future'));
        setError(undefined);
        void run(() => api.post(`/cases/${c.id}/privacy-statement`, { handedOn, version: c.version }));
      }}
    >
      <Field id="privacy-date" label={t('case.connection.handedOn')} error={error}>
        {(p) => (
          <input
            {...p}
            type="date"
            max={today()}
            value={handedOn}
            onChange={(e) => setHandedOn(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('case.connection.savePrivacy')}
      </button>
    </form>
  );
}
