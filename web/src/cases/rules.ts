// The form's own rules beside the server's schema: what the schema cannot say (plausibility, a choice the
// route leaves optional but this form needs), or says in words less helpful at this field.
import { type FieldErrors, type FieldValues, type Resolver, set } from 'react-hook-form';

/** Messages by form field; an empty object when the values pass. */
export type Rules<V> = (values: V) => Partial<Record<string, string>>;

/**
 * The form's own rules first; the schema's resolver speaks for the fields they leave alone. Errors of
 * nested fields ("items.open_to_help.note") are nested as react-hook-form looks them up.
 */
export function withRules<V extends FieldValues>(resolver: Resolver<V>, rules: Rules<V>): Resolver<V> {
  return async (values, context, options) => {
    const own = rules(values);
    const checked = await resolver(values, context, options);
    const flat: Record<string, unknown> = { ...checked.errors };
    for (const [field, message] of Object.entries(own)) if (message) flat[field] = { type: 'rule', message };
    if (Object.keys(flat).length === 0) return { values, errors: {} };
    const errors = {};
    for (const [field, error] of Object.entries(flat)) set(errors, field, error);
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
