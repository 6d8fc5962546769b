import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import type { Database } from '../db/index.ts';
import { migrate } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import { openPostgres } from '../db/postgres.ts';
import { IN_CI, missing, missingMessage } from './requirements.ts';

export interface TestDatabase {
  db: Database;
  /** the URL of the PostgreSQL database made for this test, if any */
  url?: string;
  drop(): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL is set, and always in CI (where a missing one fails). */
export const ENGINES: Engine[] = process.env.DATABASE_URL || IN_CI ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated database: in-memory PGlite, or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openPglite(undefined);
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error(missingMessage('PostgreSQL tests', missing(['postgres'])));
  const name = `aware_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Runs the same suite once per engine. */
export function describeEachEngine(name: string, suite: (engine: Engine) => void) {
  for (const engine of ENGINES) describe(`${name} [${engine}]`, () => suite(engine));
}
