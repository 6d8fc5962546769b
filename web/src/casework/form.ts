// What the casework forms share on top of react-hook-form: one way to find the message for a field, from the
// form's check (the server's schema with the section's rules, ui/form/with-rules.ts) or the server's refusal.
import { type FieldErrors, get } from 'react-hook-form';

/** Messages by form field name ("tasks.0.description"). */
export type Problems = Record<string, string>;

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
