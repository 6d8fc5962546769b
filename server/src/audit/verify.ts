import type { Database } from '../db/index.ts';
import { type ChainVerdict, verifyChain } from './chain.ts';
import { readAuditChain } from './repository.ts';

/** Streams the chain from the database and stops at the first broken link. */
export function verifyAuditLog(db: Database): Promise<ChainVerdict> {
  return verifyChain(readAuditChain(db));
}
