import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
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
  }[];
  children: { id: string; firstName: string }[];
  progress: Record<'client' | 'children' | 'network' | 'hours', NormProgress>;
}

const KINDS = ['intake', 'client', 'child', 'network', 'psycho_education'] as const;

/** Phase 3A: conversations with the client, the children and the network, against the handbook's norms. */
export function ConversationsSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCwT();
  const { data, error, loading, reload } = useApi<Conversations>(`/cases/${caseData.id}/conversations`);
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
        <ConversationForm caseId={caseData.id} kids={data.children} onSaved={reload} />
      )}
      <h3>{t('casework.conversations.list')}</h3>
      {data.conversations.length === 0 && <p className="muted">{t('casework.none')}</p>}
      <ul className="cw-list" data-testid="conversation-list">
        {data.conversations.map((c) => (
          <li key={c.id}>
            <strong>{formatDate(c.heldOn, i18n.resolvedLanguage ?? 'nl')}</strong> ·{' '}
            {t(`casework.conversations.kinds.${c.kind}`)}
            {c.childName ? ` (${c.childName})` : ''} · {c.durationMinutes} min ·{' '}
            <span className="muted">{c.author}</span>
            {c.observation && (
              <p>
                <em>{t('casework.conversations.observation')}:</em> {c.observation}
              </p>
            )}
            {c.interpretation && (
              <p>
                <em>{t('casework.conversations.interpretation')}:</em> {c.interpretation}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConversationForm({
  caseId,
  kids,
  onSaved,
}: {
  caseId: string;
  kids: { id: string; firstName: string }[];
  onSaved: () => void;
}) {
  const { t } = useCwT();
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
    const problems: Record<string, string> = {};
    if (!v.heldOn) problems.heldOn = t('casework.errors.required');
    else if (v.heldOn > todayIso()) problems.heldOn = t('casework.errors.future');
    const minutes = Number(v.durationMinutes);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)
      problems.durationMinutes = t('casework.errors.minutes');
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
      <div className="cw-row">
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
        label={t('casework.conversations.observation')}
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
      <button type="submit" className="button" disabled={save.busy}>
        {t('casework.save')}
      </button>
    </form>
  );
}
