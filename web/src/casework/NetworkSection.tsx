import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { taskText } from '../cases/CaseOverview.tsx';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import { todayIso, useCwT, useSave } from './shared.tsx';

const ROLES = ['caseworker', 'case_director', 'process_director', 'vt_contact', 'police_contact'] as const;
type Person = { userId: string; name: string; organisation: string | null };
interface Team {
  members: (Person & { role: string })[];
  candidates: Person[];
  warnings: string[];
}
interface Meetings {
  meetings: {
    id: string;
    heldOn: string;
    kind: string;
    chair: string | null;
    participants: { kind: string; name: string; organisation: string | null }[];
    decisions: string | null;
  }[];
  tasks: {
    id: string;
    description: string | null;
    kind: string;
    meetingId: string | null;
    assignee: string | null;
    dueAt: string;
    doneAt: string | null;
    overdue: boolean;
  }[];
  candidates: Person[];
}

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
  const { data, error, loading, reload } = useApi<Team>(`/cases/${caseId}/team`);
  const save = useSave(t);
  const [who, setWho] = useState('');
  const [role, setRole] = useState<string>('case_director');
  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
  return (
    <section aria-labelledby="team-title" className="cw-part">
      <h3 id="team-title">{t('casework.network.team')}</h3>
      {data.warnings.includes('no_case_director') && (
        <p className="utrecht-alert utrecht-alert--error" role="alert" data-testid="no-director">
          {t('casework.network.noDirector')}
        </p>
      )}
      <ErrorRegion message={save.error} />
      <ul className="cw-list">
        {data.members.map((m) => (
          <li key={`${m.userId}:${m.role}`}>
            <strong>{t(`casework.network.roles.${m.role}`)}</strong>: {m.name}
            {m.organisation ? ` (${m.organisation})` : ''}{' '}
            {editable && (
              <button
                type="button"
                className="utrecht-link-button utrecht-link-button--html-button"
                onClick={() =>
                  void save.run(
                    () => api.post(`/cases/${caseId}/team/remove`, { userId: m.userId, role: m.role }),
                    reload,
                  )
                }
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
          onSubmit={(e) => {
            e.preventDefault();
            if (!who) return save.setFields({ userId: t('casework.errors.required') });
            void save.run(() => api.post(`/cases/${caseId}/team`, { userId: who, role }), reload);
          }}
        >
          <Field id="team-user" label={t('casework.network.person')} error={save.fields.userId}>
            {(p) => (
              <select {...p} value={who} onChange={(e) => setWho(e.target.value)}>
                <option value="">—</option>
                {data.candidates.map((c) => (
                  <option key={`${c.userId}:${c.organisation}`} value={c.userId}>
                    {c.name} ({c.organisation})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="team-role" label={t('casework.network.role')} error={save.fields.role}>
            {(p) => (
              <select {...p} value={role} onChange={(e) => setRole(e.target.value)}>
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
            disabled={save.busy}
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
  const { data, error, loading, reload } = useApi<Meetings>(`/cases/${caseId}/meetings`);
  const save = useSave(t);
  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
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
      <ErrorRegion message={save.error} />
      <ul className="cw-list" data-testid="tasks">
        {data.tasks.map((task) => (
          <li key={task.id} className={task.overdue ? 'task--overdue' : undefined}>
            {taskText(task, t)} · {task.assignee ?? '—'} · {t('casework.network.due')}{' '}
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
                  onClick={() => void save.run(() => api.post(`/case-tasks/${task.id}/done`), reload)}
                >
                  {t('casework.network.markDone')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <MeetingForm caseId={caseId} people={data.candidates} onSaved={reload} />
    </section>
  );
}

/** Stable React keys for rows added and removed in a form. */
let rowKey = 0;
interface Row {
  key: number;
  kind: string;
  name: string;
  organisation: string;
}
interface TaskRow {
  key: number;
  description: string;
  assigneeId: string;
  dueOn: string;
}

function MeetingForm({ caseId, people, onSaved }: { caseId: string; people: Person[]; onSaved: () => void }) {
  const { t } = useCwT();
  const save = useSave(t);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [kind, setKind] = useState('case_meeting');
  const [chair, setChair] = useState('');
  const [decisions, setDecisions] = useState('');
  const [rows, setRows] = useState<Row[]>([
    { key: rowKey++, kind: 'professional', name: '', organisation: '' },
  ]);
  const [tasks, setTasks] = useState<TaskRow[]>([]);
  const hasClient = rows.some((r) => r.kind === 'client');
  const hasPerpetrator = rows.some((r) => r.kind === 'perpetrator');

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const participants = rows.filter((r) => r.name.trim());
    if (participants.length === 0) problems.participants = t('casework.network.needParticipant');
    if (hasClient && hasPerpetrator) problems.participants = t('casework.network.neverBoth');
    if (!heldOn || heldOn > todayIso()) problems.heldOn = t('casework.errors.future');
    tasks.forEach((task, i) => {
      if (!task.description.trim()) problems[`tasks/${i}/description`] = t('casework.errors.required');
      if (!task.dueOn) problems[`tasks/${i}/dueOn`] = t('casework.errors.required');
    });
    if (Object.keys(problems).length > 0) return save.setFields(problems);
    void save.run(
      () =>
        api.post(`/cases/${caseId}/meetings`, {
          heldOn,
          kind,
          chair: chair || null,
          decisions: decisions || null,
          participants: participants.map((r) => ({
            kind: r.kind,
            name: r.name,
            organisation: r.organisation || null,
          })),
          tasks: tasks.map((task) => ({
            description: task.description,
            dueOn: task.dueOn,
            assigneeId: task.assigneeId || null,
          })),
        }),
      () => {
        setRows([{ key: rowKey++, kind: 'professional', name: '', organisation: '' }]);
        setTasks([]);
        setDecisions('');
        onSaved();
      },
    );
  }
  const kindsFor = (r: Row) =>
    ['professional', 'client', 'perpetrator', 'other'].filter(
      (k) => k === r.kind || !((k === 'client' && hasPerpetrator) || (k === 'perpetrator' && hasClient)),
    );

  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-labelledby="meeting-form-title">
      <h3 id="meeting-form-title">{t('casework.network.addMeeting')}</h3>
      <ErrorRegion message={save.error} />
      <div className="aware-row cw-row">
        <Field id="mt-date" label={t('casework.date')} error={save.fields.heldOn}>
          {(p) => (
            <input
              {...p}
              type="date"
              max={todayIso()}
              value={heldOn}
              onChange={(e) => setHeldOn(e.target.value)}
            />
          )}
        </Field>
        <Field id="mt-kind" label={t('casework.network.meetingKind')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
              {['case_meeting', 'round_table', 'other'].map((k) => (
                <option key={k} value={k}>
                  {t(`casework.network.meetingKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="mt-chair" label={t('casework.network.chair')}>
          {(p) => <input {...p} value={chair} onChange={(e) => setChair(e.target.value)} />}
        </Field>
      </div>
      <fieldset
        className={`cw-fieldset${save.fields.participants ? ' utrecht-form-field--invalid' : ''}`}
        aria-describedby="mt-participants-rule"
      >
        <legend>{t('casework.network.participants')}</legend>
        <p id="mt-participants-rule" className="muted">
          {t('casework.network.neverBoth')}
        </p>
        {save.fields.participants && (
          <p className="utrecht-form-field-error-message">{save.fields.participants}</p>
        )}
        {rows.map((r, i) => (
          <div key={r.key} className="aware-row cw-row">
            <Field id={`mt-p${i}-kind`} label={t('casework.network.participantKind')}>
              {(p) => (
                <select
                  {...p}
                  value={r.kind}
                  onChange={(e) =>
                    setRows(rows.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)))
                  }
                >
                  {kindsFor(r).map((k) => (
                    <option key={k} value={k}>
                      {t(`casework.network.participantKinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`mt-p${i}-name`} label={t('casework.network.name')}>
              {(p) => (
                <input
                  {...p}
                  value={r.name}
                  onChange={(e) =>
                    setRows(rows.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))
                  }
                />
              )}
            </Field>
            <Field id={`mt-p${i}-org`} label={t('casework.network.organisation')}>
              {(p) => (
                <input
                  {...p}
                  value={r.organisation}
                  onChange={(e) =>
                    setRows(rows.map((x, j) => (j === i ? { ...x, organisation: e.target.value } : x)))
                  }
                />
              )}
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() =>
            setRows([...rows, { key: rowKey++, kind: 'professional', name: '', organisation: '' }])
          }
        >
          {t('casework.network.addParticipant')}
        </button>
      </fieldset>
      <Field id="mt-decisions" label={t('casework.network.decisions')}>
        {(p) => <textarea {...p} rows={3} value={decisions} onChange={(e) => setDecisions(e.target.value)} />}
      </Field>
      <fieldset className="cw-fieldset">
        <legend>{t('casework.network.taskAgreements')}</legend>
        {tasks.map((task, i) => (
          <div key={task.key} className="aware-row cw-row">
            <Field
              id={`mt-t${i}-what`}
              label={t('casework.network.what')}
              error={save.fields[`tasks/${i}/description`]}
            >
              {(p) => (
                <input
                  {...p}
                  value={task.description}
                  onChange={(e) =>
                    setTasks(tasks.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)))
                  }
                />
              )}
            </Field>
            <Field
              id={`mt-t${i}-who`}
              label={t('casework.network.who')}
              error={save.fields[`tasks/${i}/assigneeId`]}
            >
              {(p) => (
                <select
                  {...p}
                  value={task.assigneeId}
                  onChange={(e) =>
                    setTasks(tasks.map((x, j) => (j === i ? { ...x, assigneeId: e.target.value } : x)))
                  }
                >
                  <option value="">—</option>
                  {people.map((c) => (
                    <option key={`${c.userId}:${c.organisation}`} value={c.userId}>
                      {c.name} ({c.organisation})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`mt-t${i}-due`}
              label={t('casework.network.due')}
              error={save.fields[`tasks/${i}/dueOn`]}
            >
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={task.dueOn}
                  onChange={(e) =>
                    setTasks(tasks.map((x, j) => (j === i ? { ...x, dueOn: e.target.value } : x)))
                  }
                />
              )}
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => setTasks([...tasks, { key: rowKey++, description: '', assigneeId: '', dueOn: '' }])}
        >
          {t('casework.network.addTask')}
        </button>
      </fieldset>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={save.busy}>
        {t('casework.network.saveMeeting')}
      </button>
    </form>
  );
}

function ContactsPart({ caseId }: { caseId: string }) {
  const { t } = useCwT();
  const { data } = useApi<
    {
      organisationId: string;
      organisation: string;
      partyRole: string;
      contacts: { name: string; role: string; phone: string | null; email: string | null }[];
      team: { name: string; role: string }[];
    }[]
  >(`/cases/${caseId}/contacts`);
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
