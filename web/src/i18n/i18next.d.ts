import 'i18next';
import type { nlBundle } from './bundles.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nlBundle };
  }
}
