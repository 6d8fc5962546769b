/**
 * Two house rules that Biome cannot check, as pure functions over the source tree:
 * - no import loop between the top-level folders of server/src (Biome's noImportCycles sees only files),
 * - SQL (`.query(`) only in repository files and in the folders that own the database itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface SourceFile {
  /** path relative to server/src, with forward slashes */
  path: string;
  text: string;
}

export function readSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return files;
}

const isTest = (path: string) => path.endsWith('.test.ts');

/** The top-level folder of a path under server/src; files at the root form no folder. */
function folderOf(path: string): string | undefined {
  const slash = path.indexOf('/');
  return slash < 0 ? undefined : path.slice(0, slash);
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

/** folder → folders it imports from (tests excluded: a test may reach anywhere). */
export function folderGraph(files: SourceFile[]): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of files) {
    const from = folderOf(file.path);
    if (!from || isTest(file.path)) continue;
    for (const match of file.text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (!specifier) continue;
      const target = resolve('/', dirname(file.path), specifier).slice(1);
      const to = folderOf(target);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), `${file.path} → ${target}`]);
    }
  }
  return graph;
}

/**
 * Every loop between folders: each group of folders that reach one another (a strongly connected component),
 * with the imports inside the group, so the one to cut is easy to see.
 */
export function folderCycles(files: SourceFile[]): string[] {
  const graph = folderGraph(files);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const connect = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return groups.map((group) => {
    const imports = group.flatMap((from) =>
      [...(graph.get(from) ?? [])].filter(([to]) => group.includes(to)).map(([, via]) => via[0]),
    );
    return `${group.join(' ⇄ ')}\n    ${imports.join('\n    ')}`;
  });
}

/**
 * Folders that own the database itself, hold throwaway data or operator tools, or only serve tests (test
 * helpers, the fault-injection harness): SQL may live anywhere in them.
 */
export const SQL_FOLDERS = ['db', 'demo', 'retention', 'ops', 'testing', 'faults'];

/** Files that only tests import: fixtures that set up rows directly. */
export const TEST_SUPPORT = ['security/fixtures.ts', 'security/harness.ts'];

/**
 * Files outside those folders that speak the database's own protocol rather than query tables; they are
 * infrastructure like db/. realtime/pg-bus.ts carries the event bus over LISTEN/NOTIFY: `listen` must run on
 * the dedicated pg.Client whose session holds the subscription (not a Queryable), and `pg_notify` is the
 * send side of the same channel. Its table reads (the replay after a lost connection) live in
 * realtime/missed-repository.ts; a table query added to pg-bus.ts belongs there too.
 */
export const SQL_TRANSPORT = ['realtime/pg-bus.ts'];

const QUERY_CALL = /\.query\s*(?:<[^()]*?>)?\s*\(/g;

const isRepository = (path: string) =>
  /(^|\/)[^/]*repository[^/]*\.ts$/.test(path) || /(^|\/)repositor(y|ies)\//.test(path);

/** Files outside repositories that call `.query(`, with the number of calls. */
export function sqlOutsideRepositories(files: SourceFile[]): string[] {
  const offenders: string[] = [];
  for (const file of files) {
    if (isTest(file.path) || isRepository(file.path) || TEST_SUPPORT.includes(file.path)) continue;
    if (SQL_TRANSPORT.includes(file.path)) continue;
    if (SQL_FOLDERS.includes(folderOf(file.path) ?? '')) continue;
    const calls = file.text.match(QUERY_CALL)?.length ?? 0;
    if (calls > 0) offenders.push(`${file.path} (${calls})`);
  }
  return offenders;
}
