// "Niet gevoerd": the form's reason → the request body (trimmed).
import type { SkipBody } from './queries.ts';

export interface SkipForm {
  reason: string;
}

export const skipBody = (form: SkipForm): SkipBody => ({ reason: form.reason.trim() });
