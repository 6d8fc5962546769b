/**
 * The web app's themes: the Aware default and region themes chosen on the server by AWARE_THEME
 * (GET /api/v1/meta → theme). A region theme is a class in regions.css plus an entry here.
 */
export interface Theme {
  /** class on <html> next to `aware-theme`; null for the default */
  className: string | null;
  /** shown next to the wordmark; null for the default */
  regionName: string | null;
}

const DEFAULT_THEME: Theme = { className: null, regionName: null };

const THEMES: Record<string, Theme> = {
  aware: DEFAULT_THEME,
  'regio-noord': { className: 'aware-theme--regio-noord', regionName: 'Regio Noord' },
};

/** The theme for an id from the server; an unknown id falls back to the default. */
export function themeFor(id: string | undefined): Theme {
  return (id && Object.hasOwn(THEMES, id) && THEMES[id]) || DEFAULT_THEME;
}

/** Puts the theme's class on <html> (the Utrecht and Aware theme classes are there from index.html). */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  for (const c of [...root.classList]) if (c.startsWith('aware-theme--')) root.classList.remove(c);
  if (theme.className) root.classList.add(theme.className);
}
