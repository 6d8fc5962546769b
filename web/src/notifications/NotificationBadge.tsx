import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unreadCount, useNotifications } from './useNotifications.ts';

/** Header link with the number of unread notifications (caseworkers). */
export function NotificationBadge() {
  const { t } = useTranslation();
  const items = useNotifications();
  const count = unreadCount(items);
  return (
    <Link to="/" className="notif-badge" data-testid="notification-count" data-count={count}>
      {t('notifications.title')}
      <span className={`utrecht-badge-counter${count === 0 ? ' count-pill--quiet' : ''}`}>
        <span className="visually-hidden">{t('notifications.unread', { count })}</span>
        <span aria-hidden="true">{count}</span>
      </span>
    </Link>
  );
}
