/** Errors services throw; the HTTP layer turns each into application/problem+json. */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new DomainError(404, 'Not Found', `${what} not found`);
export const invalid = (field: string, message: string) =>
  new DomainError(400, 'Invalid request', `${field} ${message}`, [{ field, message }]);
export const conflict = (detail: string, field?: string) =>
  new DomainError(409, 'Conflict', detail, field ? [{ field, message: detail }] : []);
export const unauthorized = (detail = 'sign-in required') => new DomainError(401, 'Unauthorized', detail);
