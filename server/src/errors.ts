/** Errors services throw; the HTTP layer turns each into application/problem+json. */
export interface FieldError {
  field: string;
  message: string;
  /** a stable code the web app renders in the reader's language (e.g. `required`, `date.beforeCase`) */
  code?: string;
  /** values the rendered text names (e.g. the referral date) */
  params?: Record<string, string>;
}

/** A refusal as a code with parameters (codes, dates, numbers), rendered by the web in Dutch or English. */
export interface ProblemCode {
  code: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
    readonly problemCode?: ProblemCode,
  ) {
    super(detail);
  }
}

/** The same answer whether the record does not exist or the caller may not know it does. */
export const NOT_FOUND_DETAIL = 'not found';
export const notFound = (_what: string) =>
  new DomainError(404, 'Not Found', NOT_FOUND_DETAIL, [], { code: 'notFound' });
export const invalid = (field: string, message: string) =>
  new DomainError(400, 'Invalid request', `${field} ${message}`, [{ field, message }]);
export const conflict = (detail: string, field?: string) =>
  new DomainError(409, 'Conflict', detail, field ? [{ field, message: detail }] : []);
export const unauthorized = (detail = 'sign-in required') =>
  new DomainError(401, 'Unauthorized', detail, [], { code: 'unauthorized' });

/** Runs a write; a unique-constraint violation becomes a 409 naming the field instead of a 500. */
export async function uniqueAs<T>(write: Promise<T>, field: string, detail: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw conflict(detail, field);
    throw error;
  }
}
