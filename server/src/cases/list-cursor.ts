import type { SecretBox } from '../crypto/sealed.ts';
import { invalid } from '../errors.ts';
import type { CaseListPosition } from './repository.ts';

export const DEFAULT_PAGE = 50;
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MAX_PAGE = 200;

/** The filter a cursor was made for: a cursor continues that list and no other. */
export interface CaseListFilter {
  status: string | null;
  q: string | null;
  /** only cases still being worked on */
  open?: boolean;
}

/**
 * The case list's cursor: the position of the last case of a page and the filter, sealed with the
 * master key (AES-GCM), so a client can neither read nor alter it; every node of the platform opens it.
 */
export function sealListCursor(box: SecretBox, position: CaseListPosition, filter: CaseListFilter): string {
  return Buffer.from(
    box.seal(
      JSON.stringify({
        at: position.at,
        id: position.id,
        s: filter.status,
        q: filter.q,
        o: filter.open === true,
      }),
    ),
  ).toString('base64url');
}

/** The position a cursor stands for; 400 naming `cursor` when it was altered or made for another filter. */
export function openListCursor(box: SecretBox, cursor: string, filter: CaseListFilter): CaseListPosition {
  let content: unknown;
  try {
    content = JSON.parse(box.open(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalid('cursor', 'is not a cursor of this list', 'list.cursorInvalid');
  }
  const c = content as { at?: unknown; id?: unknown; s?: unknown; q?: unknown; o?: unknown };
  if (typeof c.at !== 'string' || !AT.test(c.at) || typeof c.id !== 'string' || !UUID.test(c.id))
    throw invalid('cursor', 'is not a cursor of this list', 'list.cursorInvalid');
  if (c.s !== filter.status || c.q !== filter.q || (c.o === true) !== (filter.open === true))
    throw invalid(
      'cursor',
      'belongs to another status or search; start again from the first page',
      'list.cursorOtherSearch',
    );
  return { at: c.at, id: c.id };
}
