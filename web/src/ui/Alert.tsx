import type { ReactNode } from 'react';

type AlertType = 'error' | 'ok' | 'info' | 'warning';

/** NL Design System alert box (Utrecht `utrecht-alert`). */
export function AlertBox({ type, children }: { type: AlertType; children: ReactNode }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/**
 * Live region for form/page errors. The container is always rendered so screen readers
 * announce the message when it appears.
 */
export function ErrorRegion({ message, children }: { message?: string | null; children?: ReactNode }) {
  return (
    <div role="alert" className="aware-live-region">
      {message && (
        <AlertBox type="error">
          {message}
          {children}
        </AlertBox>
      )}
    </div>
  );
}

/** Polite status messages (saved, copied, connection state). */
export function StatusRegion({ message, className }: { message?: string | null; className?: string }) {
  return (
    <div role="status" className={className ? `aware-live-region ${className}` : 'aware-live-region'}>
      {message && <AlertBox type="ok">{message}</AlertBox>}
    </div>
  );
}
