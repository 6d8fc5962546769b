// What the casework forms share on top of react-hook-form: the section's own rules next to the server's
// schema, and one way to find the message for a field, from the form's check or from the server's refusal.
import { toNestErrors } from '@hookform/resolvers';
import {
  type FieldError,
  type FieldErrors,
  type FieldValues,
  get,
  type Resolver,
  set,
} from 'react-hook-form';

/** Messages by form field name ("tasks.0.description"). */
export type Problems = Record<string, string>;

/**
 * The server's schema (`schema`, a bodyResolver) and the checks it cannot express (`rules`: plausibility,
 * date order, a reason for a change). A rule speaks in the section's own words and wins at its field.
 */
export function withRules<V extends FieldValues>(
  schema: Resolver<V>,
  rules: (values: V) => Problems,
): Resolver<V> {
  return async (values, context, options) => {
    const checked = await schema(values, context, options);
    const problems = rules(values);
    const flat = checked.errors as Record<string, FieldError>;
    if (Object.keys(flat).length === 0 && Object.keys(problems).length === 0) return { values, errors: {} };
    const errors = toNestErrors(flat, options) as Record<string, unknown>;
    for (const [field, message] of Object.entries(problems)) set(errors, field, { type: 'rule', message });
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

function firstMessage(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const { message } = node as { message?: unknown };
  if (typeof message === 'string' && message) return message;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref' || key === 'types') continue;
    const found = firstMessage(value);
    if (found) return found;
  }
  return undefined;
}

/** The message at exactly this field: the form's check first, else the server's. */
export function messageAt(form: FieldErrors, refused: Problems, name: string): string | undefined {
  const own = (get(form, name) as { message?: unknown } | undefined)?.message;
  return (typeof own === 'string' && own) || refused[name];
}

/** The first message at a field or in a part of it (one line of a list, one row of a table). */
export function errorAt(form: FieldErrors, refused: Problems, name: string): string | undefined {
  return (
    firstMessage(get(form, name)) ??
    refused[name] ??
    Object.entries(refused).find(([field]) => field.startsWith(`${name}.`))?.[1]
  );
}
