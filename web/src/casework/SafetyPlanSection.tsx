import { type FormEvent, useState } from 'react';
import { API_BASE, api } from '../api/client.ts';
import type { CaseSectionProps } from '../cases/sections.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import { linesOf, useCwT, useSave } from './shared.tsx';

export const PLAN_SECTIONS = [
  'strengths',
  'whatHelps',
  'whoHelps',
  'ownActions',
  'unsafeSituations',
  'alarmAgreements',
  'tips',
  'digitalSafety',
] as const;
type Content = Record<(typeof PLAN_SECTIONS)[number], string[]>;

interface PlanAnswer {
  plan: {
    version: number;
    content: Content;
    reason: string | null;
    author: string | null;
    createdAt: string;
  } | null;
  changes: { section: string; added: string[]; removed: string[] }[];
  versions: { version: number; reason: string | null; author: string | null; createdAt: string }[];
}

/** The safety plan: the version in force, every earlier version with what changed, edit (a new version) and print. */
export function SafetyPlanSection({ caseData }: CaseSectionProps) {
  const { t, i18n } = useCwT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const [shown, setShown] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const path = `/cases/${caseData.id}/safety-plan${shown ? `?version=${shown}` : ''}`;
  const { data, error, loading, reload } = useApi<PlanAnswer>(path);
  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
  const newest = data.versions[0]?.version ?? 0;
  const plan = data.plan;
  const pdf = `${API_BASE}/cases/${caseData.id}/safety-plan/pdf${plan ? `?version=${plan.version}` : ''}`;

  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('casework.plan.title')}</h2>
      <StatusRegion message={saved} />
      <div className="aware-row cw-toolbar">
        {plan && (
          <span data-testid="plan-version">
            {t('casework.plan.version', { version: plan.version, at: formatDateTime(plan.createdAt, lang) })}
            {plan.version !== newest && <strong> — {t('casework.plan.older')}</strong>}
          </span>
        )}
        {plan && (
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={pdf}
            target="_blank"
            rel="noopener"
            data-testid="plan-pdf"
          >
            {t('casework.plan.print')}
          </a>
        )}
        {caseData.may.careWrite && !editing && (shown === null || shown === newest) && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => setEditing(true)}
          >
            {plan ? t('casework.plan.edit') : t('casework.plan.create')}
          </button>
        )}
      </div>
      {editing ? (
        <PlanForm
          caseId={caseData.id}
          base={plan && plan.version === newest ? plan : null}
          baseVersion={newest}
          onDone={(version) => {
            setEditing(false);
            setShown(null);
            if (version) setSaved(t('casework.plan.saved', { version }));
            reload();
          }}
        />
      ) : plan ? (
        <div className="plan">
          {PLAN_SECTIONS.map((s) => (
            <div key={s} className="plan__section">
              <h3>{t(`casework.plan.sections.${s}`)}</h3>
              {plan.content[s]?.length ? (
                <ul>
                  {plan.content[s].map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('casework.none')}</p>
              )}
            </div>
          ))}
        </div>
      ) : (
        <p>{t('casework.plan.empty')}</p>
      )}
      {plan && plan.version > 1 && (
        <section aria-labelledby="plan-changes-title" className="plan-changes">
          <h3 id="plan-changes-title">
            {t('casework.plan.changes', { from: plan.version - 1, to: plan.version })}
          </h3>
          {data.changes.length === 0 && <p className="muted">{t('casework.plan.noChanges')}</p>}
          {data.changes.map((c) => (
            <div key={c.section}>
              <strong>{t(`casework.plan.sections.${c.section}`)}</strong>
              <ul>
                {c.added.map((l) => (
                  <li key={`+${l}`} className="diff-added">
                    + {l}
                  </li>
                ))}
                {c.removed.map((l) => (
                  <li key={`-${l}`} className="diff-removed">
                    − <del>{l}</del>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      <h3>{t('casework.plan.versions')}</h3>
      <ul className="cw-list" data-testid="plan-versions">
        {data.versions.map((v) => (
          <li key={v.version}>
            <button
              type="button"
              className="utrecht-link-button utrecht-link-button--html-button"
              onClick={() => setShown(v.version)}
              aria-current={plan?.version === v.version}
            >
              {t('casework.plan.versionShort', { version: v.version })}
            </button>{' '}
            {formatDateTime(v.createdAt, lang)} · {v.author ?? '—'}
            {v.reason ? ` · ${v.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PlanForm({
  caseId,
  base,
  baseVersion,
  onDone,
}: {
  caseId: string;
  base: { content: Content } | null;
  baseVersion: number;
  onDone: (version?: number) => void;
}) {
  const { t } = useCwT();
  const save = useSave(t);
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(PLAN_SECTIONS.map((s) => [s, (base?.content[s] ?? []).join('\n')])),
  );
  const [reason, setReason] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    const content = Object.fromEntries(PLAN_SECTIONS.map((s) => [s, linesOf(text[s] ?? '')]));
    if ((content.alarmAgreements ?? []).length === 0)
      return save.setFields({ 'content/alarmAgreements': t('casework.plan.agreementsRequired') });
    if (baseVersion > 0) {
      // a later version changes something and says why (the server checks the same)
      const problems: Record<string, string> = {};
      const same = (a: string[] = [], b: string[] = []) =>
        a.length === b.length && a.every((l, i) => l === b[i]);
      if (base && PLAN_SECTIONS.every((s) => same(content[s], linesOf((base.content[s] ?? []).join('\n')))))
        problems.content = t('casework.refusals.plan.unchanged');
      if (!reason.trim()) problems.reason = t('casework.refusals.plan.reasonRequired');
      if (Object.keys(problems).length > 0) return save.setFields(problems);
    }
    let version = 0;
    void save.run(
      async () => {
        version = (
          await api.post<{ version: number }>(`/cases/${caseId}/safety-plan`, {
            baseVersion,
            content,
            reason: reason || null,
          })
        ).version;
      },
      () => onDone(version),
    );
  }

  return (
    <form className="cw-form" noValidate onSubmit={submit} aria-label={t('casework.plan.edit')}>
      <p className="muted">{t('casework.plan.oneLine')}</p>
      <ErrorRegion message={save.error} />
      {save.fields.content && (
        <p className="utrecht-form-field-error-message" data-testid="plan-unchanged">
          {save.fields.content}
        </p>
      )}
      {PLAN_SECTIONS.map((s) => (
        <Field
          key={s}
          id={`plan-${s}`}
          label={t(`casework.plan.sections.${s}`)}
          error={save.fields[`content/${s}`]}
        >
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={text[s]}
              onChange={(e) => setText({ ...text, [s]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <Field id="plan-reason" label={t('casework.plan.reason')} error={save.fields.reason}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="aware-row cw-toolbar">
        <button
          type="submit"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={save.busy}
        >
          {t('casework.plan.saveVersion')}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => onDone()}
        >
          {t('casework.cancel')}
        </button>
      </div>
    </form>
  );
}
