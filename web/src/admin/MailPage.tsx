import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useRetryMail } from './mutations.ts';
import { useMailOverview } from './queries.ts';

const KINDS = {
  'alarm.escalated.2': 'escalation',
  'alarm.aftercare': 'aftercare',
  'case.connection_due': 'connectionDue',
  'case.connection_overdue': 'connectionOverdue',
  'task.overdue': 'taskOverdue',
} as const;
const REASONS = ['rejected', 'deferred', 'unreachable', 'expired'] as const;

const kindKey = (kind: string) => KINDS[kind as keyof typeof KINDS] ?? 'other';
const reasonKey = (reason: string) =>
  (REASONS as readonly string[]).includes(reason) ? (reason as (typeof REASONS)[number]) : 'other';

/** The e-mail outbox for administrators: whether mail is on, what waits, what failed — no addresses. */
export function MailPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const { data, error, isFetching, refetch } = useMailOverview();
  const retry = useRetryMail();
  const busy = retry.isPending;
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  function retryFailed() {
    setDone(null);
    setFailure(null);
    retry.mutate(undefined, {
      onSuccess: (r) => setDone(t('mail.retried', { count: r.requeued })),
      onError: () => setFailure(t('errors.generic')),
    });
  }

  return (
    <section className="page">
      <PageHeading title={t('mail.title')}>{t('mail.title')}</PageHeading>
      {!data ? (
        <LoadState loading={isFetching} error={error ?? undefined} onRetry={() => void refetch()} />
      ) : (
        <>
          <p
            className={
              data.enabled ? 'utrecht-alert utrecht-alert--ok' : 'utrecht-alert utrecht-alert--warning'
            }
          >
            {data.enabled ? t('mail.on') : t('mail.off')}
          </p>
          <dl className="facts" aria-label={t('mail.countsLabel')}>
            <div>
              <dt>{t('mail.pending')}</dt>
              <dd className="tabular">{data.pending.toLocaleString(lang)}</dd>
            </div>
            <div>
              <dt>{t('mail.failed')}</dt>
              <dd className="tabular">{data.failed.toLocaleString(lang)}</dd>
            </div>
            <div>
              <dt>{t('mail.sentLastDay')}</dt>
              <dd className="tabular">{data.sentLastDay.toLocaleString(lang)}</dd>
            </div>
            {data.oldestPendingAt && (
              <div>
                <dt>{t('mail.oldestPending')}</dt>
                <dd className="tabular">{formatDateTime(data.oldestPendingAt, lang)}</dd>
              </div>
            )}
          </dl>
          <p className="muted">{t('mail.privacy')}</p>

          <h2>{t('mail.failedTitle')}</h2>
          <StatusRegion message={done} />
          <ErrorRegion message={failure} />
          {data.failedMessages.length === 0 ? (
            <p>{t('mail.noFailed')}</p>
          ) : (
            <>
              <div className="panel table-wrap">
                <table className="utrecht-table">
                  <caption className="visually-hidden">{t('mail.failedTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('mail.kindColumn')}</th>
                      <th scope="col">{t('mail.createdColumn')}</th>
                      <th scope="col">{t('mail.failedColumn')}</th>
                      <th scope="col">{t('mail.attemptsColumn')}</th>
                      <th scope="col">{t('mail.reasonColumn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.failedMessages.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">{t(`mail.kinds.${kindKey(m.kind)}`)}</th>
                        <td className="tabular">{formatDateTime(m.createdAt, lang)}</td>
                        <td className="tabular">{formatDateTime(m.failedAt, lang)}</td>
                        <td className="tabular">{m.attempts.toLocaleString(lang)}</td>
                        <td>{t(`mail.reasons.${reasonKey(m.reason)}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={retryFailed}
                disabled={busy}
              >
                {busy ? t('mail.retrying') : t('mail.retry')}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
