// For unit tests of code that speaks through the global i18next (form messages, refusal texts): both
// bundles loaded, Dutch first, as the app starts.
import i18n from 'i18next';
import { enBundle, nlBundle } from './bundles.ts';

export async function initTestI18n(): Promise<void> {
  await i18n.init({
    resources: { nl: { translation: nlBundle }, en: { translation: enBundle } },
    lng: 'nl',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
}
