// The web app's API types are generated from the server's OpenAPI document (openapi-typescript).
// The document is read from a real platform on an empty in-memory database, so every route the
// composition root mounts is in it, with the schemas Fastify serializes responses with.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { AFTER_ALARM_TASKS } from '../aftercare/rules.ts';
import { CONTRA_INDICATIONS } from '../cases/decision-rules.ts';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import { startPlatform } from '../platform.ts';

/** Where the generated types live, relative to the repository root. */
export const API_SCHEMA_FILE = 'web/src/api/schema.d.ts';
/** The value lists the web shows, read from the document's enums (generated beside the types). */
export const API_VALUES_FILE = 'web/src/api/values.ts';
/** The JSON Schemas of the request bodies, by operation: the web's forms validate with them before sending. */
export const API_REQUEST_BODIES_FILE = 'web/src/api/request-bodies.ts';
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

const reply = (path: string, method = 'get') => [
  path,
  method,
  'responses',
  '200',
  'content',
  'application/json',
  'schema',
];
const body = (path: string, method = 'post') => [
  path,
  method,
  'requestBody',
  'content',
  'application/json',
  'schema',
];
/**
 * Where each list's enum sits in the document: a route's reply or request body, then properties and array
 * items. A body's list is a union of single values (anyOf), read in its order.
 */
const VALUE_LISTS: Record<string, string[]> = {
  ALARM_STATES: [...reply('/api/v1/alarms'), 'items', 'properties', 'state'],
  DEVICE_PROTOCOLS: [...reply('/api/v1/devices/{id}'), 'properties', 'protocol'],
  DEVICE_STATES: [...reply('/api/v1/devices/{id}'), 'properties', 'state'],
  SCREENING_ITEMS: [...reply('/api/v1/cases/{id}'), 'properties', 'screening', 'items', 'properties', 'item'],
  DRILL_FIGURES: [...reply('/api/v1/figures/cases'), 'properties', 'figure'],
  CASE_STATUSES: [...reply('/api/v1/cases/{id}'), 'properties', 'status'],
  TARGET_GROUPS: [...reply('/api/v1/cases/{id}'), 'properties', 'targetGroup'],
  REFERRER_KINDS: [...body('/api/v1/cases'), 'properties', 'referrerKind'],
  REFERRAL_CHANNELS: [...body('/api/v1/cases'), 'properties', 'channel'],
  RISK_INSTRUMENTS: [...body('/api/v1/cases/{id}/risk-assessments'), 'properties', 'instrument'],
  DOCUMENT_KINDS: [...reply('/api/v1/cases/{id}/documents'), 'items', 'properties', 'kind'],
  SUPPORT_KINDS: [...body('/api/v1/cases/{id}/support-referrals'), 'properties', 'kind'],
  /** the outcomes a person can choose when resolving (the system's own, cleared_by_device, is not one) */
  CHOOSABLE_OUTCOMES: [...body('/api/v1/alarms/{id}/resolve'), 'properties', 'outcome'],
};

/** Lists that are the property names of an object in the document, in the order the server declares them. */
const KEY_LISTS: Record<string, string[]> = {
  /** the safety plan's sections, in the plan's own order */
  PLAN_SECTIONS: [...body('/api/v1/cases/{id}/safety-plan'), 'properties', 'content', 'properties'],
};

/**
 * Lists the document has no enum of (a rule over another list's values, or a free string with known values):
 * taken from the server module that owns them, in its order.
 */
const RULE_LISTS: Record<string, readonly string[]> = {
  /** the screening items that speak against granting */
  CONTRA_INDICATIONS: [...CONTRA_INDICATIONS],
  /** the after-care tasks an alarm creates */
  TASK_KINDS: AFTER_ALARM_TASKS.map((task) => task.kind),
};

/** The values of an enum, or of a union of single-value enums (a request body's literals). */
function enumValues(at: unknown): unknown[] | undefined {
  const node = at as { enum?: unknown[]; anyOf?: { enum?: unknown[] }[] } | undefined;
  if (node?.enum) return node.enum;
  const singles = node?.anyOf?.map((option) => (option.enum?.length === 1 ? option.enum[0] : undefined));
  return singles?.every((v) => v !== undefined) ? singles : undefined;
}

/** What sits at a path below the document's `paths`. */
function valueAt(document: Record<string, unknown>, path: string[]): unknown {
  let at: unknown = document.paths;
  for (const key of path) at = (at as Record<string, unknown> | undefined)?.[key];
  return at;
}

const listLine = (name: string, values: readonly unknown[]) =>
  `export const ${name} = ${JSON.stringify(values).replaceAll(',', ', ')} as const;`;

/** The TypeScript text of web/src/api/values.ts: each list as the server's enum has it, in its order. */
export function generateApiValues(document: Record<string, unknown>): string {
  const lines = Object.entries(VALUE_LISTS).map(([name, path]) => {
    const values = enumValues(valueAt(document, path));
    if (!values) throw new Error(`${name}: no enum at ${path.join(' › ')}`);
    return listLine(name, values);
  });
  const keys = Object.entries(KEY_LISTS).map(([name, path]) => {
    const at = valueAt(document, path);
    if (typeof at !== 'object' || at === null) throw new Error(`${name}: no object at ${path.join(' › ')}`);
    return listLine(name, Object.keys(at));
  });
  const rules = Object.entries(RULE_LISTS).map(([name, values]) => listLine(name, values));
  return `${HEADER}${[...lines, ...keys, ...rules].join('\n')}\n`;
}

type Operations = Record<
  string,
  Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>
>;

/**
 * The TypeScript text of web/src/api/request-bodies.ts: every JSON request body's schema, keyed by
 * "METHOD /api/v1/path" — the same schemas Fastify validates the request with.
 */
export function generateRequestBodies(document: Record<string, unknown>): string {
  const entries: string[] = [];
  for (const [path, operations] of Object.entries(document.paths as Operations))
    for (const [method, operation] of Object.entries(operations)) {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (schema)
        entries.push(
          `  ${JSON.stringify(`${method.toUpperCase()} ${path}`)}: ${JSON.stringify(jsonSchema(schema))},`,
        );
    }
  entries.sort();
  return `${HEADER}export const REQUEST_BODIES = {\n${entries.join('\n')}\n} as const;\n\nexport type RequestBodyKey = keyof typeof REQUEST_BODIES;\n`;
}

/** OpenAPI 3.0's `nullable: true` as JSON Schema says it (`type: [t, "null"]`), for a standard validator. */
function jsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, jsonSchema(v)]));
  if (nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

/** The generated files, by path, for the current routes. */
export async function generateApiFiles(): Promise<Record<string, string>> {
  const document = await readOpenApiDocument();
  return {
    [API_SCHEMA_FILE]: await schemaText(document),
    [API_VALUES_FILE]: generateApiValues(document),
    [API_REQUEST_BODIES_FILE]: generateRequestBodies(document),
  };
}

/** The TypeScript text of web/src/api/schema.d.ts. */
async function schemaText(document: Record<string, unknown>): Promise<string> {
  // the version changes with every release; it would make the file stale for no reason
  (document.info as Record<string, unknown>).version = '0';
  const ast = await openapiTS(structuredClone(document) as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
