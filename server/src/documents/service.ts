import { openCase, permissionsOn } from '../cases/case-access.ts';
import type { RequestContext } from '../context.ts';
import type { Database, Queryable } from '../db/index.ts';
import { forbidden, notFound } from '../errors.ts';
import type { DocumentKind } from './kinds.ts';
import { caseOfDocument } from './repository.ts';
import type { DocumentStore, ReceivedUpload } from './store.ts';

/** What a party without care rights (the police) may see and add: their own instrument and the signalement. */
const WITHOUT_CARE: readonly DocumentKind[] = ['signalement', 'risk_assessment'];

export function createDocumentService(db: Database, store: DocumentStore) {
  async function allowUpload(tx: Queryable, ctx: RequestContext, caseId: string, kind: DocumentKind) {
    const c = await openCase(db, tx, ctx, caseId, 'case.write');
    if (!permissionsOn(ctx, c).careRead && !WITHOUT_CARE.includes(kind)) {
      throw forbidden(`not allowed: a ${kind} document`, 'document.kindNotAllowed');
    }
  }

  return {
    store,

    /** Refuses (404/403) before a byte of the upload is read, when the caller could not add it anyway. */
    async mayUpload(ctx: RequestContext, caseId: string, kind: DocumentKind) {
      await db.transaction(async (tx) => allowUpload(tx, ctx, caseId, kind));
    },

    /** Records a file received on disk; when anything refuses, the file is removed again. */
    async upload(ctx: RequestContext, caseId: string, kind: DocumentKind, file: ReceivedUpload) {
      try {
        return await db.transaction(async (tx) => {
          await allowUpload(tx, ctx, caseId, kind);
          return store.record(tx, ctx, caseId, kind, file);
        });
      } catch (error) {
        await file.received.discard();
        throw error;
      }
    },

    async list(ctx: RequestContext, caseId: string) {
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, caseId, 'case.read');
        const documents = await store.list(
          tx,
          caseId,
          permissionsOn(ctx, c).careRead ? undefined : WITHOUT_CARE,
        );
        return documents;
      });
    },

    /** A document the caller may not see is answered like one that does not exist. */
    async download(ctx: RequestContext, documentId: string) {
      return db.transaction(async (tx) => {
        const caseId = await caseOfDocument(tx, documentId);
        if (!caseId) throw notFound('document');
        const c = await openCase(db, tx, ctx, caseId, 'case.read');
        const found = await store.find(tx, caseId, documentId);
        if (!found || (!permissionsOn(ctx, c).careRead && !WITHOUT_CARE.includes(found.kind))) {
          throw notFound('document');
        }
        return store.open(tx, ctx, caseId, documentId);
      });
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
