import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import { type Correction, CorrectionForm, CorrectionHistory, referredOnOf } from './Corrections.tsx';
import { caseDateProblem } from './plausible.ts';
import { todayIso, useCwT, useSave } from './shared.tsx';

interface NormProgress {
  done: number;
  norm: { expected: number; min: number; max: number };
  band: 'below' | 'within' | 'above';
}
interface Conversations {
  conversations: {
    id: string;
    heldOn: string;
    kind: string;
    childName: string | null;
    durationMinutes: number;
    observation: string | null;
    interpretation: string | null;
    author: string | null;
    corrections: Correction[];
  }[];
  children: { id: string; firstName: string }[];
  progress: Record<'client' | 'children' | 'network' | 'hours', NormProgress>;
}

const KINDS = ['intake', 'client', 'child', 'network', 'psycho_education'] as const;

/** Phase 3A: conversations with the client, the children and the network, against the handbook's norms. */
export function ConversationsSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCwT();
  const { data, error, loading, reload } = useApi<Conversations>(`/cases/${caseData.id}/conversations`);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const lang = i18n.resolvedLanguage ?? 'nl';
  const referredOn = referredOnOf(caseData);
  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
  return (
    <section aria-labelledby="conversations-title">
      <h2 id="conversations-title">{t('casework.conversations.title')}</h2>
      <div className="norms" data-testid="norms">
        {(['client', 'children', 'network', 'hours'] as const).map((k) => {
          const p = data.progress[k];
          return (
            <div key={k} className={`norm norm--${p.band}`}>
              <label htmlFor={`norm-${k}`}>
                {t(`casework.conversations.norms.${k}`)}: <strong>{p.done}</strong> / {p.norm.expected}{' '}
                <span className="muted">
                  ({p.norm.min}–{p.norm.max})
                </span>
              </label>
              <progress id={`norm-${k}`} max={Math.max(p.norm.max, p.done, 1)} value={p.done} />
            </div>
          );
        })}
      </div>
      {caseData.may.careWrite && (
        <ConversationForm
          caseId={caseData.id}
          referredOn={referredOn}
          kids={data.children}
          onSaved={reload}
        />
      )}
      <h3>{t('casework.conversations.list')}</h3>
      {data.conversations.length === 0 && <p className="muted">{t('casework.none')}</p>}
      <ul className="cw-list" data-testid="conversation-list">
        {data.conversations.map((c) => (
          <li key={c.id}>
            <strong>{formatDate(c.heldOn, lang)}</strong> · {t(`casework.conversations.kinds.${c.kind}`)}
            {c.childName ? ` (${c.childName})` : ''} · {c.durationMinutes} min ·{' '}
            <span className="muted">{c.author}</span>
            <ConversationText observation={c.observation} interpretation={c.interpretation} />
            <CorrectionHistory
              corrections={c.corrections}
              show={(prev) => (
                <>
                  <strong>{formatDate(String(prev.heldOn), lang)}</strong> · {String(prev.durationMinutes)}{' '}
                  min
                  <ConversationText
                    observation={prev.observation as string | null}
                    interpretation={prev.interpretation as string | null}
                  />
                </>
              )}
            />
            {caseData.may.careWrite &&
              (correcting === c.id ? (
                <CorrectionForm
                  idPrefix={`cvc-${c.id}`}
                  path={`/cases/${caseData.id}/conversations/${c.id}/corrections`}
                  fields={[
                    { name: 'heldOn', label: t('casework.date'), kind: 'date', max: todayIso() },
                    { name: 'durationMinutes', label: t('casework.conversations.minutes'), kind: 'number' },
                    { name: 'observation', label: t('casework.conversations.observation'), kind: 'textarea' },
                    {
                      name: 'interpretation',
                      label: t('casework.conversations.interpretation'),
                      kind: 'textarea',
                    },
                  ]}
                  initial={{
                    heldOn: c.heldOn,
                    durationMinutes: String(c.durationMinutes),
                    observation: c.observation ?? '',
                    interpretation: c.interpretation ?? '',
                  }}
                  check={(v) => conversationProblems(v, referredOn, t, lang)}
                  toBody={(v) => ({
                    heldOn: v.heldOn,
                    durationMinutes: Number(v.durationMinutes),
                    observation: String(v.observation) || null,
                    interpretation: String(v.interpretation) || null,
                  })}
                  onDone={() => {
                    setCorrecting(null);
                    reload();
                  }}
                  onCancel={() => setCorrecting(null)}
                />
              ) : (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  onClick={() => setCorrecting(c.id)}
                >
                  {t('casework.correction.correct')}
                </button>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConversationText({
  observation,
  interpretation,
}: {
  observation: string | null;
  interpretation: string | null;
}) {
  const { t } = useCwT();
  return (
    <>
      {observation && (
        <p>
          <em>{t('casework.conversations.observation')}:</em> {observation}
        </p>
      )}
      {interpretation && (
        <p>
          <em>{t('casework.conversations.interpretation')}:</em> {interpretation}
        </p>
      )}
    </>
  );
}

/** The checks a new conversation and a correction share: a date within the case's life, a duration, content. */
function conversationProblems(
  v: Record<string, string | boolean>,
  referredOn: string | null,
  t: ReturnType<typeof useCwT>['t'],
  lang: string,
) {
  const problems: Record<string, string> = {};
  const date = caseDateProblem(String(v.heldOn ?? ''), referredOn, t, lang);
  if (date) problems.heldOn = date;
  const minutes = Number(v.durationMinutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)
    problems.durationMinutes = t('casework.errors.minutes');
  if (!String(v.observation ?? '').trim())
    problems.observation = t('casework.refusals.conversation.contentRequired');
  return problems;
}

function ConversationForm({
  caseId,
  referredOn,
  kids,
  onSaved,
}: {
  caseId: string;
  referredOn: string | null;
  kids: { id: string; firstName: string }[];
  onSaved: () => void;
}) {
  const { t, i18n } = useCwT();
  const save = useSave(t);
  const empty = {
    heldOn: todayIso(),
    kind: 'client',
    childId: '',
    durationMinutes: '60',
    observation: '',
    interpretation: '',
  };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = conversationProblems(v, referredOn, t, i18n.resolvedLanguage ?? 'nl');
    const minutes = Number(v.durationMinutes);
    if (v.kind === 'child' && !v.childId) problems.childId = t('casework.errors.required');
    if (Object.keys(problems).length > 0) return save.setFields(problems);
    void save.run(
      () =>
        api.post(`/cases/${caseId}/conversations`, {
          heldOn: v.heldOn,
          kind: v.kind,
          childId: v.kind === 'child' ? v.childId : null,
          durationMinutes: minutes,
          observation: v.observation || null,
          interpretation: v.interpretation || null,
        }),
      () => {
        setV(empty);
        onSaved();
      },
    );
  }

  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="conversation-form-title">
      <h3 id="conversation-form-title">{t('casework.conversations.add')}</h3>
      <ErrorRegion message={save.error} />
      <div className="aware-row cw-row">
        <Field id="cv-date" label={t('casework.date')} error={save.fields.heldOn}>
          {(p) => <input {...p} type="date" max={todayIso()} value={v.heldOn} onChange={set('heldOn')} />}
        </Field>
        <Field id="cv-kind" label={t('casework.conversations.kind')} error={save.fields.kind}>
          {(p) => (
            <select {...p} value={v.kind} onChange={set('kind')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`casework.conversations.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {v.kind === 'child' && (
          <Field
            id="cv-child"
            label={t('casework.child')}
            error={save.fields.childId}
            hint={t('casework.conversations.consentHint')}
          >
            {(p) => (
              <select {...p} value={v.childId} onChange={set('childId')}>
                <option value="">—</option>
                {kids.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.firstName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          id="cv-minutes"
          label={t('casework.conversations.minutes')}
          error={save.fields.durationMinutes}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={600}
              value={v.durationMinutes}
              onChange={set('durationMinutes')}
            />
          )}
        </Field>
      </div>
      <Field
        id="cv-observation"
        label={`${t('casework.conversations.observation')} *`}
        hint={t('casework.conversations.observationHint')}
        error={save.fields.observation}
      >
        {(p) => <textarea {...p} rows={3} value={v.observation} onChange={set('observation')} />}
      </Field>
      <Field
        id="cv-interpretation"
        label={t('casework.conversations.interpretation')}
        hint={t('casework.conversations.interpretationHint')}
        error={save.fields.interpretation}
      >
        {(p) => <textarea {...p} rows={3} value={v.interpretation} onChange={set('interpretation')} />}
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={save.busy}>
        {t('casework.save')}
      </button>
    </form>
  );
}
