import type { RefusalCode } from './refusals.ts';

/** Errors services throw; the HTTP layer turns each into application/problem+json. */
export interface FieldError {
  field: string;
  /** English, for API clients */
  message: string;
  /** what the web app renders in the reader's language (e.g. `required`, `date.beforeCase`; refusals.ts) */
  code: RefusalCode;
  /** values the rendered text names (e.g. the referral date) */
  params?: Record<string, string>;
}

/** A refusal as a code with parameters (codes, dates, numbers), rendered by the web in Dutch or English. */
export interface ProblemCode {
  code: RefusalCode;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[],
    readonly problemCode: ProblemCode,
  ) {
    super(detail);
  }
}

/** Optional parameters of a coded refusal, left out when there are none. */
const p = (params?: Record<string, string>) => (params ? { params } : {});

/** The same answer whether the record does not exist or the caller may not know it does. */
export const NOT_FOUND_DETAIL = 'not found';
export const notFound = (_what: string) =>
  new DomainError(404, 'Not Found', NOT_FOUND_DETAIL, [], { code: 'notFound' });
/** A bad value in one field (400): the form shows the text beside the field, and as the message. */
export const invalid = (field: string, message: string, code: RefusalCode, params?: Record<string, string>) =>
  new DomainError(400, 'Invalid request', `${field} ${message}`, [{ field, message, code, ...p(params) }], {
    code,
    ...p(params),
  });
/** The request is sound but the state of things refuses it (409). */
export const conflict = (
  detail: string,
  code: RefusalCode,
  field?: string,
  params?: Record<string, string>,
) =>
  new DomainError(409, 'Conflict', detail, field ? [{ field, message: detail, code, ...p(params) }] : [], {
    code,
    ...p(params),
  });
/** The caller may not do this (403), with the reason in the reader's language. */
export const forbidden = (detail: string, code: RefusalCode = 'forbidden', field?: string) =>
  new DomainError(403, 'Forbidden', detail, field ? [{ field, message: detail, code }] : [], { code });
export const unauthorized = (detail = 'sign-in required', code: RefusalCode = 'unauthorized') =>
  new DomainError(401, 'Unauthorized', detail, [], { code });
/** Several field errors at once (400), so a form can show them all. */
export const invalidFields = (errors: FieldError[]) =>
  new DomainError(400, 'Invalid request', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors, {
    code: errors.length === 1 ? errors[0]!.code : 'invalidFields',
    ...(errors.length === 1 ? p(errors[0]!.params) : {}),
  });

/** Runs a write; a unique-constraint violation becomes a 409 naming the field instead of a 500. */
export async function uniqueAs<T>(
  write: Promise<T>,
  field: string,
  detail: string,
  code: RefusalCode,
): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw conflict(detail, code, field);
    throw error;
  }
}
