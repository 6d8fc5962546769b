import { resolve } from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { PrimaryLocator } from './primary.ts';

export type { Database, Queryable, Transaction } from './database.ts';
export { locatePrimary, type PrimaryLocator } from './primary.ts';

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  /** shared with the bus and the leader lock, so all follow the same primary */
  primary?: PrimaryLocator;
}): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.primary ? { primary: options.primary } : {})
    : await openPglite(options.dataDir ? resolve(options.dataDir, 'pgdata') : undefined);
  await migrate(db);
  return db;
}
