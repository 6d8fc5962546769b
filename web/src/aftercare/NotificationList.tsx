import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TaskText } from '../cases/CaseOverview.tsx';
import type { LooseT } from '../cases/i18n.ts';
import { useMarkNotificationRead } from '../notifications/queries.ts';
import { useNotifications } from '../notifications/useNotifications.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { problemMessage } from '../ui/problem.ts';
import { formatDateTime } from '../ui/time.ts';

/** Unread notifications (e.g. "alarm on your case"); marking one read updates the header count. */
export function NotificationList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const items = useNotifications();
  const markRead = useMarkNotificationRead();
  const [failure, setFailure] = useState<string | null>(null);
  const unread = (items ?? []).filter((n) => !n.readAt);
  if (unread.length === 0 && !failure) return null;

  return (
    <section
      className="panel aftercare__block notifications"
      id="notifications"
      aria-labelledby="notifications-title"
    >
      <h3 id="notifications-title">
        {t('notifications.title')}
        <span className="utrecht-badge-counter">{unread.length}</span>
      </h3>
      <ErrorRegion message={failure} />
      <ul className="plain-list notification-list">
        {unread.map((n) => (
          <li key={n.id} className="notification" data-notification-id={n.id}>
            <span>
              {t(`notifications.kind.${n.kind.replace(/\./g, '_')}` as 'notifications.kind.alarm', {
                defaultValue: t('notifications.kind.other'),
              })}
              {n.task && (
                <>
                  : <TaskText task={n.task} t={t as unknown as LooseT} />
                </>
              )}
              {n.caseReference && n.caseId && (
                <>
                  {' · '}
                  <Link to={`/cases/${n.caseId}`} className="mono">
                    {n.caseReference}
                  </Link>
                </>
              )}
              <span className="muted small">
                {' · '}
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, lang)}</time>
              </span>
            </span>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => {
                setFailure(null);
                markRead.mutate(n.id, { onError: (err) => setFailure(problemMessage(err, t)) });
              }}
            >
              {t('notifications.markRead')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
