import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import {
  type ConversationKind,
  type ConversationValues,
  conversationBody,
  conversationCorrectionBody,
  type Values,
} from './bodies.ts';
import { CorrectionForm, CorrectionHistory, referredOnOf } from './Corrections.tsx';
import { messageAt, type Problems } from './form.ts';
import { caseDateProblem } from './plausible.ts';
import { type Conversations, useAddConversation, useConversations } from './queries.ts';
import { loadStateOf, todayIso, useCwT, useRefusal } from './shared.tsx';

const KINDS: readonly ConversationKind[] = ['intake', 'client', 'child', 'network', 'psycho_education'];

/** Phase 3A: conversations with the client, the children and the network, against the handbook's norms. */
export function ConversationsSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCwT();
  const query = useConversations(caseData.id);
  const { data } = query;
  const [correcting, setCorrecting] = useState<string | null>(null);
  const lang = i18n.resolvedLanguage ?? 'nl';
  const referredOn = referredOnOf(caseData);
  if (!data) return <LoadState {...loadStateOf(query)} />;
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
        <ConversationForm caseId={caseData.id} referredOn={referredOn} kids={data.children} />
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
                  route="POST /api/v1/cases/{id}/conversations/{entryId}/corrections"
                  caseId={caseData.id}
                  entryId={c.id}
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
                  toBody={conversationCorrectionBody}
                  onDone={() => setCorrecting(null)}
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
  v: Values | ConversationValues,
  referredOn: string | null,
  t: ReturnType<typeof useCwT>['t'],
  lang: string,
) {
  const problems: Problems = {};
  const date = caseDateProblem(String(v.heldOn ?? ''), referredOn, t, lang);
  if (date) problems.heldOn = date;
  const minutes = Number(v.durationMinutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)
    problems.durationMinutes = t('casework.errors.minutes');
  if (!String(v.observation ?? '').trim())
    problems.observation = t('casework.refusals.conversation.contentRequired');
  return problems;
}

const emptyConversation = (): ConversationValues => ({
  heldOn: todayIso(),
  kind: 'client',
  childId: '',
  durationMinutes: '60',
  observation: '',
  interpretation: '',
});

function ConversationForm({
  caseId,
  referredOn,
  kids,
}: {
  caseId: string;
  referredOn: string | null;
  kids: Conversations['children'];
}) {
  const { t, i18n } = useCwT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const add = useAddConversation(caseId);
  const refusal = useRefusal(add.error);
  const { register, handleSubmit, formState, watch, reset } = useForm<ConversationValues>({
    defaultValues: emptyConversation(),
    resolver: withRules(
      bodyResolver('POST /api/v1/cases/{id}/conversations', { toBody: conversationBody }),
      (v) => {
        const problems = conversationProblems(v, referredOn, t, lang);
        if (v.kind === 'child' && !v.childId) problems.childId = t('casework.errors.required');
        return problems;
      },
    ),
  });
  const error = (name: keyof ConversationValues) => messageAt(formState.errors, refusal.fields, name);
  const submit = handleSubmit(
    (v) => add.mutate(conversationBody(v), { onSuccess: () => reset(emptyConversation()) }),
    () => add.reset(),
  );

  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="conversation-form-title">
      <h3 id="conversation-form-title">{t('casework.conversations.add')}</h3>
      <ErrorRegion message={refusal.message} />
      <div className="aware-row cw-row">
        <Field id="cv-date" label={t('casework.date')} error={error('heldOn')}>
          {(p) => <input {...p} type="date" max={todayIso()} {...register('heldOn')} />}
        </Field>
        <Field id="cv-kind" label={t('casework.conversations.kind')} error={error('kind')}>
          {(p) => (
            <select {...p} {...register('kind')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`casework.conversations.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {watch('kind') === 'child' && (
          <Field
            id="cv-child"
            label={t('casework.child')}
            error={error('childId')}
            hint={t('casework.conversations.consentHint')}
          >
            {(p) => (
              <select {...p} {...register('childId')}>
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
        <Field id="cv-minutes" label={t('casework.conversations.minutes')} error={error('durationMinutes')}>
          {(p) => <input {...p} type="number" min={1} max={600} {...register('durationMinutes')} />}
        </Field>
      </div>
      <Field
        id="cv-observation"
        label={`${t('casework.conversations.observation')} *`}
        hint={t('casework.conversations.observationHint')}
        error={error('observation')}
      >
        {(p) => <textarea {...p} rows={3} {...register('observation')} />}
      </Field>
      <Field
        id="cv-interpretation"
        label={t('casework.conversations.interpretation')}
        hint={t('casework.conversations.interpretationHint')}
        error={error('interpretation')}
      >
        {(p) => <textarea {...p} rows={3} {...register('interpretation')} />}
      </Field>
      <button
        type="submit"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={add.isPending}
      >
        {t('casework.save')}
      </button>
    </form>
  );
}
