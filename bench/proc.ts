import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** user + system CPU time of one process, ms (from /proc/<pid>/stat). */
export function processCpuMs(pid: number): number {
  try {
    return cpuOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return Number.NaN;
  }
}

function cpuOfStat(stat: string): number {
  // the command name may hold spaces: fields are counted after its closing parenthesis
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}

/** CPU ms of every process called `postgres` (the server and its backends). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes('(postgres)')) total += cpuOfStat(stat);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** VmRSS of a process, kB. */
export function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
}

/** CPU time of the whole machine (all cores), ms: busy (not idle, not iowait) and stolen by the hypervisor. */
export function machineCpuMs(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number) as number[];
  const ms = (ticks: number | undefined) => ((ticks ?? 0) / TICKS_PER_SECOND) * 1000;
  return { busy: ms(user) + ms(nice) + ms(system) + ms(irq) + ms(softirq), steal: ms(steal) };
}

/** /proc/pressure/cpu "some" total: µs during which at least one runnable task waited for a CPU. */
export function cpuPressureUs(): number {
  try {
    const match = /^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return match ? Number(match[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
