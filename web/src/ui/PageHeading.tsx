import { type ReactNode, useEffect } from 'react';

/**
 * The page's <h1> (NL Design System heading 1). Sets the document title. It is focusable
 * (tabIndex -1) so the shell can move focus to it after client-side navigation.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} — Aware`;
  }, [title]);
  return (
    <h1 tabIndex={-1} className="utrecht-heading-1 page-title">
      {children}
    </h1>
  );
}
