import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enBundle, nlBundle } from './bundles.ts';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
const STORAGE_KEY = 'aware.lang';

function storedLang(): Lang {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'nl' || v === 'en') return v;
  } catch {
    // storage unavailable (private mode): fall back to Dutch
  }
  return 'nl';
}

function applyDocumentLang(lang: string): void {
  document.documentElement.lang = lang;
}

export const resources = {
  nl: { translation: nlBundle },
  en: { translation: enBundle },
} as const;

export function initI18n(): typeof i18n {
  const lng = storedLang();
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  applyDocumentLang(lng);
  i18n.on('languageChanged', applyDocumentLang);
  return i18n;
}

export function setLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore: the choice then lasts for this page only
  }
  void i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
}

/** BCP 47 locale for Intl formatting. */
export function intlLocale(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'nl-NL';
}
