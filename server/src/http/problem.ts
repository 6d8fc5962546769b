import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AccessDenied } from '../access/index.ts';
import { DomainError, type FieldError, NOT_FOUND_DETAIL } from '../errors.ts';
import type { RefusalCode } from '../refusals.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** what the web translates (the detail stays English for API readers and logs) */
  code?: RefusalCode;
  params?: Record<string, string | number>;
  errors?: FieldError[];
}

export function sendProblem(reply: FastifyReply, problem: Omit<Problem, 'type'> & { type?: string }) {
  const { errors, ...rest } = problem;
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: problem.type ?? 'about:blank',
      ...rest,
      ...(errors && errors.length > 0 ? { errors } : {}),
    });
}

interface AjvError {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** "/memberships/0/role" + missingProperty → "memberships/0/role"; body fields named without a prefix. */
export function fieldErrors(validation: AjvError[], context: string | undefined): FieldError[] {
  return validation.map((e) => {
    const path = e.instancePath.replace(/^\//, '');
    const extra =
      (e.params.missingProperty as string | undefined) ??
      (e.params.additionalProperty as string | undefined) ??
      '';
    const field = [path, extra].filter(Boolean).join('/') || context || 'body';
    const message = e.params.additionalProperty
      ? 'is not an accepted field'
      : e.params.missingProperty
        ? 'is required'
        : (e.message ?? 'is invalid');
    const code = e.params.additionalProperty
      ? 'notAccepted'
      : e.params.missingProperty
        ? 'required'
        : 'invalid';
    return { field, message, code };
  });
}

export function problemErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation) {
    const errors = fieldErrors(error.validation as AjvError[], error.validationContext);
    return sendProblem(reply, {
      status: 400,
      title: 'Invalid request',
      detail: errors.map((e) => `${e.field} ${e.message}`).join('; '),
      code: 'invalidFields',
      errors,
    });
  }
  if (error instanceof DomainError) {
    return sendProblem(reply, {
      status: error.status,
      title: error.title,
      detail: error.message,
      ...(error.problemCode ?? {}),
      errors: error.errors,
    });
  }
  if (error instanceof AccessDenied) {
    return error.conceal
      ? sendProblem(reply, { status: 404, title: 'Not Found', detail: NOT_FOUND_DETAIL, code: 'notFound' })
      : sendProblem(reply, {
          status: 403,
          title: 'Forbidden',
          detail: `not allowed: ${error.action}`,
          code: 'forbidden',
        });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendProblem(reply, { status, title: error.name || 'Bad Request', detail: error.message });
  }
  request.log.error(
    { err: { message: error.message, stack: error.stack, code: error.code } },
    'unhandled error',
  );
  return sendProblem(reply, {
    status: 500,
    title: 'Internal Server Error',
    detail: 'the request could not be completed',
  });
}
