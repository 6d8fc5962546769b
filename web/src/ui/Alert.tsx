import type { ReactNode } from 'react';

/**
 * Live region for form/page errors. The container is always rendered so screen readers
 * announce the message when it appears.
 */
export function ErrorRegion({ message, children }: { message?: string | null; children?: ReactNode }) {
  return (
    <div role="alert" className={message ? 'alert alert--error' : 'alert alert--empty'}>
      {message}
      {message && children}
    </div>
  );
}

/** Polite status messages (saved, copied, connection state). */
export function StatusRegion({ message, className }: { message?: string | null; className?: string }) {
  return (
    <div
      role="status"
      className={message ? `alert alert--ok${className ? ` ${className}` : ''}` : 'alert--empty'}
    >
      {message}
    </div>
  );
}
