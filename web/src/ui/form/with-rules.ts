// The form's own rules beside the server's schema: what the schema cannot say (plausibility, date order, a
// choice the route leaves optional but this form needs), or says in words less helpful at this field.
import { type FieldErrors, type FieldValues, type Resolver, set } from 'react-hook-form';

/** Messages by form field name ("tasks.0.description"); a field without a message passes. */
export type Rules<V> = (values: V) => Partial<Record<string, string>>;

/**
 * The server's schema (`schema`, a bodyResolver) and the checks it cannot express (`rules`). A rule speaks
 * in the section's own words and wins at its field ("tasks.0.description" nested, as the schema's are).
 */
export function withRules<V extends FieldValues>(schema: Resolver<V>, rules: Rules<V>): Resolver<V> {
  return async (values, context, options) => {
    const checked = await schema(values, context, options);
    const own = Object.entries(rules(values)).filter((entry): entry is [string, string] => Boolean(entry[1]));
    if (Object.keys(checked.errors).length === 0 && own.length === 0) return { values, errors: {} };
    const errors = structuredClone(checked.errors) as Record<string, unknown>;
    for (const [field, message] of own) set(errors, field, { type: 'rule', message });
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
