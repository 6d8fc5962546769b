// The web app's API types are generated from the server's OpenAPI document (openapi-typescript).
// The document is read from a real platform on an empty in-memory database, so every route the
// composition root mounts is in it, with the schemas Fastify serializes responses with.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import { startPlatform } from '../platform.ts';

/** Where the generated types live, relative to the repository root. */
export const API_SCHEMA_FILE = 'web/src/api/schema.d.ts';
/** The command that rewrites it (named in the staleness test's failure). */
export const API_GENERATE_COMMAND = 'npm run api:generate';

const HEADER = `// Generated from the server's OpenAPI document by \`${API_GENERATE_COMMAND}\`. Do not edit.\n\n`;

/** The OpenAPI document as GET /api/docs/json serves it. */
export async function readOpenApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aware-openapi-'));
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    const config = loadConfig({
      PORT: '0',
      AWARE_DC09_PORT: '0',
      AWARE_OSMAND_PORT: '0',
      AWARE_HOST: '127.0.0.1',
      AWARE_DATA_DIR: dataDir,
      AWARE_LOG_LEVEL: 'silent',
      AWARE_DEMO: 'false',
    });
    const platform = await startPlatform(config, { db });
    try {
      await platform.app.ready();
      return platform.app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await platform.stop();
    }
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The TypeScript text of web/src/api/schema.d.ts for the current routes. */
export async function generateApiSchema(): Promise<string> {
  const document = await readOpenApiDocument();
  // the version changes with every release; it would make the file stale for no reason
  (document.info as Record<string, unknown>).version = '0';
  const ast = await openapiTS(document as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
