import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** CLOCK_MONOTONIC in µs, the clock V8 stamps profile samples with */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  percent: number;
}

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'node_modules/')
    .replace(/^.*\/(server|bench)\/src\//, '$1/src/')
    .replace(/^.*\/bench\//, 'bench/');

const whereOf = (node: ProfileNode) => (node.callFrame.url ? shortUrl(node.callFrame.url) : '');

/**
 * Self time per function (name + file) from a V8 .cpuprofile, largest first, counting only samples
 * stamped inside [fromUs, toUs] (CLOCK_MONOTONIC µs; the whole profile when absent). `inclusive`: the
 * time spent in each function of the project (server/src) and everything it called.
 */
export function selfTimes(
  path: string,
  window: { fromUs?: number; toUs?: number } = {},
): { totalMs: number; rows: SelfTime[]; inclusive: SelfTime[] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const micros = new Map<string, { name: string; where: string; us: number }>();
  const inclusive = new Map<string, { name: string; where: string; us: number }>();
  const add = (map: typeof micros, node: ProfileNode, dt: number) => {
    const where = whereOf(node);
    const key = `${node.callFrame.functionName}@${where}`;
    const entry = map.get(key) ?? { name: node.callFrame.functionName || '(anonymous)', where, us: 0 };
    entry.us += dt;
    map.set(key, entry);
    return key;
  };
  let total = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (
      (window.fromUs !== undefined && at < window.fromUs) ||
      (window.toUs !== undefined && at > window.toUs)
    )
      continue;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    total += dt;
    add(micros, node, dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      if (!whereOf(n).startsWith('server/src/')) continue;
      const key = `${n.callFrame.functionName}@${whereOf(n)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, n, dt);
    }
  }
  const sorted = (map: typeof micros) =>
    [...map.values()]
      .map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, percent: (e.us / total) * 100 }))
      .sort((a, b) => b.ms - a.ms);
  return { totalMs: total / 1000, rows: sorted(micros), inclusive: sorted(inclusive) };
}

/** Self time grouped by file (or by category for native frames), largest first. */
export function selfTimeByFile(rows: SelfTime[]): { file: string; percent: number }[] {
  const files = new Map<string, number>();
  for (const r of rows) {
    const file = r.where || r.name;
    files.set(file, (files.get(file) ?? 0) + r.percent);
  }
  return [...files.entries()]
    .map(([file, percent]) => ({ file, percent }))
    .sort((a, b) => b.percent - a.percent);
}
