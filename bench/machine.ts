import { readFileSync } from 'node:fs';
import { cpus, release } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  kernel: string;
  pglite: string;
  date: string;
}

function pgliteVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}

export function describeMachine(): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? '?';
  const memTotal = /^MemTotal:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
  return {
    cpuModel: model,
    cores: cpus().length,
    ramGiB: memTotal ? Number(memTotal) / 1024 / 1024 : Number.NaN,
    node: process.version,
    kernel: `Linux ${release()}`,
    pglite: pgliteVersion(),
    date: new Date().toISOString(),
  };
}
