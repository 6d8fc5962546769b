// The one fetch client for /api/v1. Cookies are httpOnly and same-origin; the app never touches them.
// `typed` is openapi-fetch over the generated schema (paths, bodies and replies checked by tsc); `call`
// turns its answer into the data or an ApiError. Every call of the web app goes through these two.
import createClient from 'openapi-fetch';
import { refusalText } from './refusal-text.ts';
import type { paths } from './schema';

export const API_BASE = '/api/v1';
const ACCEPT = 'application/json, application/problem+json';

export interface FieldProblem {
  field: string;
  message: string;
  /** a stable code for a text in the reader's language, where the server gives one */
  code?: string;
  params?: Record<string, string>;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** the refusal as a code (problems.<code> in the i18n files) with its parameters */
  code?: string;
  params?: Record<string, string | number>;
  errors?: FieldProblem[];
}

/** Error thrown for every failed request. status 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, message?: string) {
    super(message ?? problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Field-level messages keyed by field name, in the reader's language where the server gave a code. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      if (e.field in out) continue;
      out[e.field] = (e.code && refusalText(e.code, e.params)) || e.message;
    }
    return out;
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener | null = null;

/** The auth layer registers here so that a 401 anywhere sends the user back to sign-in. */
export function setUnauthorizedListener(listener: UnauthorizedListener | null): void {
  onUnauthorized = listener;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function toProblem(body: unknown, status: number): Problem | null {
  if (!isRecord(body)) return null;
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(
        (e): e is FieldProblem => isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string',
      )
    : undefined;
  return {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' ? body.title : '',
    status: typeof body.status === 'number' ? body.status : status,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    ...(typeof body.code === 'string' ? { code: body.code } : {}),
    ...(isRecord(body.params) ? { params: body.params as Record<string, string | number> } : {}),
    errors,
  };
}

export interface RequestOptions {
  /** Do not trigger the global "signed out" handling on 401 (used by the auth calls themselves). */
  skipUnauthorized?: boolean;
  /** Called with the response headers of a successful answer (e.g. the case list's X-Next-Cursor). */
  onHeaders?: (headers: Headers) => void;
}

/** Paths as in the OpenAPI document (/api/v1/…), typed from it. */
export const typed = createClient<paths>({
  // a Request needs an absolute address; fetch is looked up per call (tests replace it)
  baseUrl: globalThis.location?.origin ?? '',
  fetch: (request) => globalThis.fetch(request),
  credentials: 'same-origin',
  headers: { Accept: ACCEPT },
});
typed.use({
  onRequest({ request }) {
    // the server refuses a state-changing request without it (CSRF)
    if (request.method !== 'GET') request.headers.set('X-Requested-With', 'aware');
    return request;
  },
});

/** The data of a `typed` call, or an ApiError (status 0: the server could not be reached). */
export async function call<D>(
  pending: Promise<{ data?: D; error?: unknown; response: Response }>,
  opts: RequestOptions = {},
): Promise<D> {
  let result: Awaited<typeof pending>;
  try {
    result = await pending;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, null, 'network');
  }
  const { data, error, response } = result;
  if (!response.ok) {
    if (response.status === 401 && !opts.skipUnauthorized) onUnauthorized?.();
    throw new ApiError(response.status, toProblem(error, response.status));
  }
  opts.onHeaders?.(response.headers);
  return data as D;
}

/** Build a query string, leaving out empty values. */
export function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
