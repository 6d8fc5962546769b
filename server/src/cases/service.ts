import { caseVisibility, requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database, Queryable } from '../db/index.ts';
import { invalid } from '../errors.ts';
import { openCase, permissionsOn } from './case-access.ts';
import { loadCaseDetail } from './detail.ts';
import { DEFAULT_PAGE, openListCursor, sealListCursor } from './list-cursor.ts';
import * as repo from './repository.ts';
import { renderSignalementPdf } from './signalement-pdf.ts';
import type { CaseStatus } from './status.ts';

/** Timeline kinds a party without care rights (the police) sees: the case's course, not its care. */
const WITHOUT_CARE_KINDS = [
  'transition',
  'referral',
  'risk_assessment',
  'decision',
  'team',
  'deadline',
  'signalement',
  'device',
  'test_alarm',
  'task',
  'alarm',
  'incident',
  'closure',
];

function parseCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^\d+$/.test(id) || Number.isNaN(Date.parse(at)))
    throw invalid('before', 'is not a cursor', 'list.cursorInvalid');
  return { at, id };
}
/** `atExact` keeps the microseconds a JS Date would drop, so entries of the same millisecond are not skipped. */
const cursorOf = (e: { atExact: string; id: string }) =>
  Buffer.from(`${e.atExact}|${e.id}`).toString('base64url');

export interface CaseListQuery {
  status?: CaseStatus;
  open?: boolean;
  q?: string;
  limit?: number;
  cursor?: string;
}

export function createCaseService(db: Database, secrets: SecretBox) {
  return {
    /**
     * One page of the cases the caller may see, newest first. `nextCursor` (sealed, so it cannot be
     * forged or read) continues the same filter; null on the last page.
     */
    async list(ctx: RequestContext, query: CaseListQuery = {}) {
      requireAccess(ctx.actor, 'case.list');
      const filter = {
        status: query.status ?? null,
        q: query.q?.trim().toUpperCase() || null,
        open: query.open === true,
      };
      const after = query.cursor ? openListCursor(secrets, query.cursor, filter) : undefined;
      const limit = query.limit ?? DEFAULT_PAGE;
      const rows = await repo.listCases(db, caseVisibility(ctx.actor), {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.open ? { openOnly: true } : {}),
        ...(filter.q ? { referencePrefix: filter.q } : {}),
        ...(after ? { after } : {}),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit).map(({ position: _p, ...c }) => c);
      const last = rows.length > limit ? rows[limit - 1]! : null;
      await db.transaction((tx) =>
        audit(tx, ctx, {
          action: 'case.list',
          access: 'read',
          recordType: 'case',
          details: {
            count: items.length,
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.q ? { search: true } : {}),
            ...(after ? { continued: true } : {}),
          },
        }),
      );
      return { items, nextCursor: last ? sealListCursor(secrets, last.position, filter) : null };
    },

    /** 404 both when the case does not exist and when the caller may not see it. */
    async get(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, id, 'case.read');
        const detail = await loadCaseDetail(tx, secrets, ctx, c);
        await audit(tx, ctx, {
          action: 'case.read',
          access: 'read',
          recordType: 'case',
          recordId: id,
          ...(detail.client ? { details: { opened: ['client.phone', 'client.address'] } } : {}),
        });
        return detail;
      });
    },

    /** The case's chronology, newest first, `limit` at a time; `before` is the cursor of the last page. */
    async timeline(ctx: RequestContext, id: string, page: { before?: string; limit?: number }) {
      const cursor = parseCursor(page.before);
      const limit = page.limit ?? 50;
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, id, 'case.read');
        const kinds = permissionsOn(ctx, c).careRead ? null : WITHOUT_CARE_KINDS;
        const rows = await repo.timelinePage(tx, id, kinds, cursor ?? null, limit + 1);
        const page = rows.slice(0, limit);
        const entries = page.map(({ atExact: _exact, ...entry }) => entry);
        await audit(tx, ctx, {
          action: 'case.timeline.read',
          access: 'read',
          recordType: 'case',
          recordId: id,
          details: { count: entries.length },
        });
        return {
          entries,
          nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]!) : null,
        };
      });
    },

    /** Deadlines, open tasks and recent alarms over the cases the caller may list (home pages). */
    async overview(ctx: RequestContext) {
      requireAccess(ctx.actor, 'case.list');
      const organisationIds = ctx.actor.grants.map((g) => g.organisationId);
      const overview = await repo.caseOverview(db, caseVisibility(ctx.actor), ctx.actor.id, organisationIds);
      await db.transaction((tx) =>
        audit(tx, ctx, { action: 'case.overview', access: 'read', recordType: 'case' }),
      );
      return overview;
    },

    /** The perpetrator description as a Dutch PDF for the police, marked VERTROUWELIJK. */
    async signalementPdf(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, id, 'case.read');
        const detail = await loadCaseDetail(tx, secrets, ctx, c);
        await audit(tx, ctx, {
          action: 'case.signalement.read',
          access: 'read',
          recordType: 'case',
          recordId: id,
        });
        return {
          filename: `signalement-${c.reference}.pdf`,
          pdf: await renderSignalementPdf({
            reference: c.reference,
            perpetrator: detail.perpetrator as Parameters<typeof renderSignalementPdf>[0]['perpetrator'],
            bans: detail.bans as { kind: string; description: string }[],
            recipient: detail.connection.signalementRecipient as string | null,
            printedFor: await printedFor(tx, ctx),
            at: new Date(),
          }),
        };
      });
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;

/** The reader's name as colleagues know it (never the sign-in e-mail address); a token prints its name. */
async function printedFor(tx: Queryable, ctx: RequestContext): Promise<string> {
  if (ctx.actor.kind !== 'user' || !ctx.actor.id) return ctx.actor.label;
  return (await repo.displayName(tx, ctx.actor.id)) ?? ctx.actor.label;
}
