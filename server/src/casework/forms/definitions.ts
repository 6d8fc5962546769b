import type { FieldError } from '../../errors.ts';

/**
 * The handbook's forms besides the safety plan (seed 000, "Materialen"), as fields the web app renders
 * and the server checks. `text` is free text, `yesno` a boolean, `date` a YYYY-MM-DD string.
 */
export const FORM_KINDS = [
  'intake',
  'strengths_wishes',
  'action_plan',
  'digital_safety_check',
  'children_form',
  'child_consent',
  'psycho_education',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export type FieldType = 'text' | 'yesno' | 'date';
export interface FormField {
  key: string;
  type: FieldType;
  required?: boolean;
}
export interface FormDefinition {
  kind: FormKind;
  /** filled in per child of the case */
  perChild: boolean;
  fields: FormField[];
}

const text = (key: string, required = false): FormField => ({ key, type: 'text', required });

/** The digital safety check (stalking by technology doubled 2020-2022, seed 000): each point checked with her. */
export const DIGITAL_SAFETY_ITEMS = [
  'phoneLocationSharing',
  'passwordsChanged',
  'spywareChecked',
  'socialMediaPrivate',
  'sharedAccountsClosed',
  'cloudAndPhotos',
  'carAndTrackers',
  'childrenDevices',
  'emailForwarding',
  'twoStepVerification',
] as const;

export const FORM_DEFINITIONS: Record<FormKind, FormDefinition> = {
  intake: {
    kind: 'intake',
    perChild: false,
    fields: [
      text('expectations', true),
      text('situation'),
      text('safetyNow'),
      text('network'),
      text('children'),
      text('practical'),
      text('agreements'),
    ],
  },
  strengths_wishes: {
    kind: 'strengths_wishes',
    perChild: false,
    fields: [text('wishes', true), text('strengths'), text('resources')],
  },
  action_plan: {
    kind: 'action_plan',
    perChild: false,
    fields: [text('priorities', true), text('steps'), text('whoDoesWhat'), text('reviewOn')],
  },
  digital_safety_check: {
    kind: 'digital_safety_check',
    perChild: false,
    fields: [...DIGITAL_SAFETY_ITEMS.map((key): FormField => ({ key, type: 'yesno' })), text('actions')],
  },
  children_form: {
    kind: 'children_form',
    perChild: true,
    fields: [text('situation', true), text('school'), text('carers'), text('wellbeing'), text('needs')],
  },
  child_consent: {
    kind: 'child_consent',
    perChild: true,
    fields: [
      { key: 'consentGiven', type: 'yesno', required: true },
      text('givenBy', true),
      { key: 'givenOn', type: 'date', required: true },
      text('notes'),
    ],
  },
  psycho_education: {
    kind: 'psycho_education',
    perChild: false,
    fields: [text('topics', true), text('notes')],
  },
};

export const MAX_FORM_TEXT = 10_000;

/** Checks a form's content against its definition; answers the content with only known, filled fields. */
export function checkForm(
  kind: FormKind,
  content: Record<string, unknown>,
): { ok: true; content: Record<string, string | boolean> } | { ok: false; errors: FieldError[] } {
  const def = FORM_DEFINITIONS[kind];
  const errors: FieldError[] = [];
  const out: Record<string, string | boolean> = {};
  const known = new Set(def.fields.map((f) => f.key));
  for (const key of Object.keys(content))
    if (!known.has(key))
      errors.push({
        field: `content/${key}`,
        message: 'is not a field of this form',
        code: 'form.unknownField',
      });
  for (const f of def.fields) {
    const value = content[f.key];
    const field = `content/${f.key}`;
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (f.required) errors.push({ field, message: 'is required', code: 'required' });
      continue;
    }
    if (f.type === 'yesno' && typeof value !== 'boolean')
      errors.push({ field, message: 'must be yes or no', code: 'form.yesNo' });
    else if (f.type === 'date' && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)))
      errors.push({ field, message: 'must be a date', code: 'date.invalid' });
    else if (f.type === 'text' && (typeof value !== 'string' || value.length > MAX_FORM_TEXT))
      errors.push({
        field,
        message: `must be text of at most ${MAX_FORM_TEXT} characters`,
        code: 'form.textTooLong',
        params: { max: String(MAX_FORM_TEXT) },
      });
    else out[f.key] = typeof value === 'string' ? value.trim() : (value as boolean);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, content: out };
}
