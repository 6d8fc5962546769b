import { useFieldArray, useForm } from 'react-hook-form';
import type { Body } from '../api/contract.ts';
import { TaskText } from '../cases/CaseOverview.tsx';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { type MeetingValues, meetingBody } from './bodies.ts';
import { errorAt, messageAt, type Problems } from './form.ts';
import {
  type Meetings,
  useAddMeeting,
  useAddTeamMember,
  useContacts,
  useMeetings,
  useRemoveTeamMember,
  useTeam,
  useTickOffTask,
} from './queries.ts';
import { loadStateOf, todayIso, useCwT, useRefusal } from './shared.tsx';

type TeamValues = Body<'/api/v1/cases/{id}/team', 'post'>;
type Participant = MeetingValues['participants'][number];
const ROLES: readonly TeamValues['role'][] = [
  'caseworker',
  'case_director',
  'process_director',
  'vt_contact',
  'police_contact',
];
const PARTICIPANT_KINDS: readonly Participant['kind'][] = ['professional', 'client', 'perpetrator', 'other'];
const MEETING_KINDS: readonly MeetingValues['kind'][] = ['case_meeting', 'round_table', 'other'];

/** Phase 3C: who directs the case, the team's roles, network meetings with task agreements, whom to call. */
export function NetworkSection({ caseData }: CaseSectionProps) {
  const { t } = useCwT();
  return (
    <section aria-labelledby="network-title">
      <h2 id="network-title">{t('casework.network.title')}</h2>
      <TeamPart caseId={caseData.id} editable={caseData.may.write} />
      {caseData.may.meetingWrite && <MeetingsPart caseId={caseData.id} />}
      <ContactsPart caseId={caseData.id} />
    </section>
  );
}

function TeamPart({ caseId, editable }: { caseId: string; editable: boolean }) {
  const { t } = useCwT();
  const query = useTeam(caseId);
  const { data } = query;
  const add = useAddTeamMember(caseId);
  const remove = useRemoveTeamMember(caseId);
  const refusal = useRefusal(add.error ?? remove.error);
  const { register, handleSubmit, formState } = useForm<TeamValues>({
    defaultValues: { userId: '', role: 'case_director' },
    resolver: withRules(
      bodyResolver('POST /api/v1/cases/{id}/team'),
      (v): Problems => (v.userId ? {} : { userId: t('casework.errors.required') }),
    ),
  });
  const error = (name: keyof TeamValues) => messageAt(formState.errors, refusal.fields, name);
  const submit = handleSubmit(
    (v) => {
      remove.reset();
      add.mutate(v);
    },
    () => add.reset(),
  );
  if (!data) return <LoadState {...loadStateOf(query)} />;
  return (
    <section aria-labelledby="team-title" className="cw-part">
      <h3 id="team-title">{t('casework.network.team')}</h3>
      {data.warnings.includes('no_case_director') && (
        <p className="utrecht-alert utrecht-alert--error" role="alert" data-testid="no-director">
          {t('casework.network.noDirector')}
        </p>
      )}
      <ErrorRegion message={refusal.message} />
      <ul className="cw-list">
        {data.members.map((m) => (
          <li key={`${m.userId}:${m.role}`}>
            <strong>{t(`casework.network.roles.${m.role}`)}</strong>: {m.name}
            {m.organisation ? ` (${m.organisation})` : ''}{' '}
            {editable && (
              <button
                type="button"
                className="utrecht-link-button utrecht-link-button--html-button"
                onClick={() => {
                  add.reset();
                  remove.mutate({ userId: m.userId, role: m.role });
                }}
              >
                {t('casework.network.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form
          className="aware-row cw-row"
          noValidate
          aria-label={t('casework.network.addMember')}
          onSubmit={submit}
        >
          <Field id="team-user" label={t('casework.network.person')} error={error('userId')}>
            {(p) => (
              <select {...p} {...register('userId')}>
                <option value="">—</option>
                {data.candidates.map((c) => (
                  <option key={`${c.userId}:${c.organisation}`} value={c.userId}>
                    {c.name} ({c.organisation})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="team-role" label={t('casework.network.role')} error={error('role')}>
            {(p) => (
              <select {...p} {...register('role')}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`casework.network.roles.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="submit"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={add.isPending || remove.isPending}
          >
            {t('casework.network.addMember')}
          </button>
        </form>
      )}
    </section>
  );
}

function MeetingsPart({ caseId }: { caseId: string }) {
  const { t, i18n } = useCwT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const query = useMeetings(caseId);
  const { data } = query;
  const tickOff = useTickOffTask(caseId);
  const refusal = useRefusal(tickOff.error);
  if (!data) return <LoadState {...loadStateOf(query)} />;
  return (
    <section aria-labelledby="meetings-title" className="cw-part">
      <h3 id="meetings-title">{t('casework.network.meetings')}</h3>
      <ul className="cw-list" data-testid="meetings">
        {data.meetings.map((m) => (
          <li key={m.id}>
            <strong>{formatDate(m.heldOn, lang)}</strong> · {t(`casework.network.meetingKinds.${m.kind}`)}
            {m.chair ? ` · ${t('casework.network.chair')}: ${m.chair}` : ''}
            <p className="muted">
              {m.participants
                .map((p) => `${p.name}${p.organisation ? ` (${p.organisation})` : ''}`)
                .join(', ')}
            </p>
            {m.decisions && <p>{m.decisions}</p>}
          </li>
        ))}
      </ul>
      <h3>{t('casework.network.tasks')}</h3>
      <ErrorRegion message={refusal.message} />
      <ul className="cw-list" data-testid="tasks">
        {data.tasks.map((task) => (
          <li key={task.id} className={task.overdue ? 'task--overdue' : undefined}>
            <TaskText task={task} t={t} /> · {task.assignee ?? '—'} · {t('casework.network.due')}{' '}
            {formatDate(task.dueAt, lang)}{' '}
            {task.doneAt ? (
              <span className="utrecht-status-badge utrecht-status-badge--success">
                {t('casework.network.done')}
              </span>
            ) : (
              <>
                {task.overdue && (
                  <span className="utrecht-status-badge utrecht-status-badge--warning">
                    {t('casework.network.overdue')}
                  </span>
                )}{' '}
                <button
                  type="button"
                  className="utrecht-link-button utrecht-link-button--html-button"
                  onClick={() => tickOff.mutate(task.id)}
                >
                  {t('casework.network.markDone')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <MeetingForm caseId={caseId} people={data.candidates} />
    </section>
  );
}

const newParticipant = (): Participant => ({ kind: 'professional', name: '', organisation: '' });

/** What the schema cannot say: someone takes part, never client and perpetrator together, no future date. */
function meetingProblems(v: MeetingValues, t: ReturnType<typeof useCwT>['t']): Problems {
  const problems: Problems = {};
  const kinds = v.participants.filter((r) => r.name.trim()).map((r) => r.kind);
  if (kinds.length === 0) problems.participants = t('casework.network.needParticipant');
  if (v.participants.some((r) => r.kind === 'client') && v.participants.some((r) => r.kind === 'perpetrator'))
    problems.participants = t('casework.network.neverBoth');
  if (!v.heldOn || v.heldOn > todayIso()) problems.heldOn = t('casework.errors.future');
  v.tasks.forEach((task, i) => {
    if (!task.description.trim()) problems[`tasks.${i}.description`] = t('casework.errors.required');
    if (!task.dueOn) problems[`tasks.${i}.dueOn`] = t('casework.errors.required');
  });
  return problems;
}

function MeetingForm({ caseId, people }: { caseId: string; people: Meetings['candidates'] }) {
  const { t } = useCwT();
  const add = useAddMeeting(caseId);
  const refusal = useRefusal(add.error);
  const { register, handleSubmit, formState, control, watch, getValues, reset } = useForm<MeetingValues>({
    defaultValues: {
      heldOn: todayIso(),
      kind: 'case_meeting',
      chair: '',
      decisions: '',
      participants: [newParticipant()],
      tasks: [],
    },
    resolver: withRules(bodyResolver('POST /api/v1/cases/{id}/meetings', { toBody: meetingBody }), (v) =>
      meetingProblems(v, t),
    ),
  });
  const rows = useFieldArray({ control, name: 'participants' });
  const tasks = useFieldArray({ control, name: 'tasks' });
  const error = (name: string) => messageAt(formState.errors, refusal.fields, name);
  const participants = watch('participants');
  const hasClient = participants.some((r) => r.kind === 'client');
  const hasPerpetrator = participants.some((r) => r.kind === 'perpetrator');
  const kindsFor = (r: Participant | undefined) =>
    PARTICIPANT_KINDS.filter(
      (k) => k === r?.kind || !((k === 'client' && hasPerpetrator) || (k === 'perpetrator' && hasClient)),
    );
  const submit = handleSubmit(
    (v) =>
      add.mutate(meetingBody(v), {
        onSuccess: () =>
          reset({ ...getValues(), decisions: '', participants: [newParticipant()], tasks: [] }),
      }),
    () => add.reset(),
  );
  const participantsError = errorAt(formState.errors, refusal.fields, 'participants');

  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="meeting-form-title">
      <h3 id="meeting-form-title">{t('casework.network.addMeeting')}</h3>
      <ErrorRegion message={refusal.message} />
      <div className="aware-row cw-row">
        <Field id="mt-date" label={t('casework.date')} error={error('heldOn')}>
          {(p) => <input {...p} type="date" max={todayIso()} {...register('heldOn')} />}
        </Field>
        <Field id="mt-kind" label={t('casework.network.meetingKind')}>
          {(p) => (
            <select {...p} {...register('kind')}>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`casework.network.meetingKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="mt-chair" label={t('casework.network.chair')}>
          {(p) => <input {...p} {...register('chair')} />}
        </Field>
      </div>
      <fieldset
        className={`cw-fieldset${participantsError ? ' utrecht-form-field--invalid' : ''}`}
        aria-describedby="mt-participants-rule"
      >
        <legend>{t('casework.network.participants')}</legend>
        <p id="mt-participants-rule" className="muted">
          {t('casework.network.neverBoth')}
        </p>
        {participantsError && <p className="utrecht-form-field-error-message">{participantsError}</p>}
        {rows.fields.map((row, i) => (
          <div key={row.id} className="aware-row cw-row">
            <Field id={`mt-p${i}-kind`} label={t('casework.network.participantKind')}>
              {(p) => (
                <select {...p} {...register(`participants.${i}.kind`)}>
                  {kindsFor(participants[i]).map((k) => (
                    <option key={k} value={k}>
                      {t(`casework.network.participantKinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`mt-p${i}-name`} label={t('casework.network.name')}>
              {(p) => <input {...p} {...register(`participants.${i}.name`)} />}
            </Field>
            <Field id={`mt-p${i}-org`} label={t('casework.network.organisation')}>
              {(p) => <input {...p} {...register(`participants.${i}.organisation`)} />}
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => rows.append(newParticipant())}
        >
          {t('casework.network.addParticipant')}
        </button>
      </fieldset>
      <Field id="mt-decisions" label={t('casework.network.decisions')}>
        {(p) => <textarea {...p} rows={3} {...register('decisions')} />}
      </Field>
      <fieldset className="cw-fieldset">
        <legend>{t('casework.network.taskAgreements')}</legend>
        {tasks.fields.map((task, i) => (
          <div key={task.id} className="aware-row cw-row">
            <Field
              id={`mt-t${i}-what`}
              label={t('casework.network.what')}
              error={error(`tasks.${i}.description`)}
            >
              {(p) => <input {...p} {...register(`tasks.${i}.description`)} />}
            </Field>
            <Field
              id={`mt-t${i}-who`}
              label={t('casework.network.who')}
              error={error(`tasks.${i}.assigneeId`)}
            >
              {(p) => (
                <select {...p} {...register(`tasks.${i}.assigneeId`)}>
                  <option value="">—</option>
                  {people.map((c) => (
                    <option key={`${c.userId}:${c.organisation}`} value={c.userId}>
                      {c.name} ({c.organisation})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`mt-t${i}-due`} label={t('casework.network.due')} error={error(`tasks.${i}.dueOn`)}>
              {(p) => <input {...p} type="date" {...register(`tasks.${i}.dueOn`)} />}
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => tasks.append({ description: '', assigneeId: '', dueOn: '' })}
        >
          {t('casework.network.addTask')}
        </button>
      </fieldset>
      <button
        type="submit"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={add.isPending}
      >
        {t('casework.network.saveMeeting')}
      </button>
    </form>
  );
}

function ContactsPart({ caseId }: { caseId: string }) {
  const { t } = useCwT();
  const { data } = useContacts(caseId);
  return (
    <section aria-labelledby="contacts-title" className="cw-part">
      <h3 id="contacts-title">{t('casework.network.contacts')}</h3>
      <div className="case-grid">
        {(data ?? []).map((o) => (
          <div key={o.organisationId} className="contact-card">
            <h4>{o.organisation}</h4>
            <ul>
              {o.team.map((m) => (
                <li key={`${m.name}:${m.role}`}>
                  {m.name} — {t(`casework.network.roles.${m.role}`)}
                </li>
              ))}
              {o.contacts.map((c) => (
                <li key={c.name}>
                  {c.name}, {c.role}
                  {c.phone && (
                    <>
                      {' '}
                      · <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a>
                    </>
                  )}
                  {c.email && (
                    <>
                      {' '}
                      · <a href={`mailto:${c.email}`}>{c.email}</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
