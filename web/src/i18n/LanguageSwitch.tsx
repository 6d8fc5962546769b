import { useTranslation } from 'react-i18next';
import { LANGS, setLang } from './index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('app.language')}</legend>
      {LANGS.map((lang, i) => (
        <span key={lang} className="lang-switch__item">
          {i > 0 && (
            <span aria-hidden="true" className="lang-switch__sep">
              |
            </span>
          )}
          <button
            type="button"
            lang={lang}
            aria-pressed={active === lang}
            onClick={() => setLang(lang)}
            title={lang === 'nl' ? 'Nederlands' : 'English'}
          >
            {lang.toUpperCase()}
          </button>
        </span>
      ))}
    </fieldset>
  );
}
