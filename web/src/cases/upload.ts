import { API_BASE, ApiError } from '../api/client.ts';

/** Types the server accepts; it checks the bytes too. */
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Uploads one file as multipart/form-data (one part `file`); answers the stored document's id. */
export async function uploadDocument(caseId: string, kind: string, file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  // no Content-Type header: the browser sets multipart/form-data with its boundary
  const res = await fetch(`${API_BASE}/cases/${caseId}/documents?kind=${encodeURIComponent(kind)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'X-Requested-With': 'aware',
      Accept: 'application/json, application/problem+json',
    },
    body: form,
  });
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok) {
    throw new ApiError(res.status, {
      type: 'about:blank',
      title: String(body?.title ?? ''),
      status: res.status,
      detail: typeof body?.detail === 'string' ? body.detail : undefined,
      errors: Array.isArray(body?.errors) ? (body.errors as { field: string; message: string }[]) : undefined,
    });
  }
  return body as { id: string };
}

/** Client-side check before uploading, in the user's words; null when fine. */
export function fileProblem(file: File | null | undefined, t: (key: string) => string): string | null {
  if (!file) return t('case.documents.errors.noFile');
  if (file.size > MAX_UPLOAD_BYTES) return t('case.documents.errors.tooLarge');
  if (file.type && !ACCEPTED_TYPES.includes(file.type)) return t('case.documents.errors.type');
  return null;
}
