import { call, typed } from '../api/client.ts';
import type { paths } from '../api/schema';

/** Types the server accepts; it checks the bytes too. */
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type DocumentKind = NonNullable<
  NonNullable<paths['/api/v1/cases/{id}/documents']['post']['parameters']['query']>['kind']
>;

/** Uploads one file as multipart/form-data (one part `file`); answers the stored document. */
export function uploadDocument(caseId: string, kind: DocumentKind, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  // a FormData body: the browser sets multipart/form-data with its boundary
  return call(
    typed.POST('/api/v1/cases/{id}/documents', {
      params: { path: { id: caseId }, query: { kind } },
      body: form as never,
    }),
  );
}

/** Client-side check before uploading, in the user's words; null when fine. */
export function fileProblem(file: File | null | undefined, t: (key: string) => string): string | null {
  if (!file) return t('case.documents.errors.noFile');
  if (file.size > MAX_UPLOAD_BYTES) return t('case.documents.errors.tooLarge');
  if (file.type && !ACCEPTED_TYPES.includes(file.type)) return t('case.documents.errors.type');
  return null;
}
