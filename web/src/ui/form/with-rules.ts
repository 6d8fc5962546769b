// Rules a request schema cannot express (a note required for one outcome, date order, plausibility), added to
// a form's resolver: their own texts win at their fields, the schema's errors fill in the other fields.
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';

/** Field name → what is wrong with it; undefined where nothing is. */
export type FormRules<V> = (values: V) => Record<string, string | undefined>;

export function withRules<V extends FieldValues>(resolver: Resolver<V>, rules: FormRules<V>): Resolver<V> {
  return async (values, context, options) => {
    const own = Object.entries(rules(values)).filter((entry): entry is [string, string] => !!entry[1]);
    const result = await resolver(values, context, options);
    if (own.length === 0) return result;
    const errors: Record<string, FieldError> = { ...(result.errors as Record<string, FieldError>) };
    for (const [field, message] of own) errors[field] = { type: 'rule', message };
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
