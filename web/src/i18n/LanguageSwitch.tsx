import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.tsx';
import { LANGS, setLang } from './index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  return (
    <fieldset className="aware-lang-switch">
      <legend className="visually-hidden">{t('app.language')}</legend>
      {LANGS.map((lang) => (
        <Button
          key={lang}
          appearance="subtle"
          lang={lang}
          pressed={active === lang}
          onClick={() => setLang(lang)}
          title={lang === 'nl' ? 'Nederlands' : 'English'}
        >
          {lang.toUpperCase()}
        </Button>
      ))}
    </fieldset>
  );
}
