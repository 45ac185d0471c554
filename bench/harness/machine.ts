/**
 * The machine a run was measured on, written into every report: absolute figures mean little without
 * it (CPU, cores, Node and nats-server versions, and the load average around the run).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  arch: string;
  os: string;
  memoryGiB: number;
  node: string;
  /** `nats-server --version` output, or 'unavailable' when the binary cannot be run. */
  natsServer: string;
  /** 1, 5 and 15-minute load averages when the run started and when it ended. */
  loadAvg: { before: number[]; after: number[] | null };
}

export function natsServerVersion(): string {
  try {
    return execFileSync('nats-server', ['--version'], { encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || 'unavailable';
  } catch {
    return 'unavailable';
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** CPU seconds (user + system) a local process has used, from /proc (Linux); NaN when it cannot be read. */
export function processCpuSeconds(pid: number | string | null | undefined): number {
  if (pid === null || pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime (fields 14, 15) in USER_HZ ticks, 100 on Linux
  } catch {
    return NaN;
  }
}

/**
 * The local nats-server's pid: the one in its pid file when that process is a nats-server, else the only
 * nats-server process on this host; null when there is none (or several) or /proc is unavailable.
 */
export function natsPid(pidFile: string): string | null {
  const isNats = (pid: string) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'nats-server';
    } catch {
      return false;
    }
  };
  try {
    const pid = readFileSync(pidFile, 'utf8').trim();
    if (isNats(pid)) return pid;
  } catch { /* no pid file: look the process up */ }
  try {
    const found = readdirSync('/proc').filter((d) => /^\d+$/.test(d) && isNats(d));
    return found.length === 1 ? found[0]! : null;
  } catch {
    return null;
  }
}

export function describeMachine(): Machine {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    arch: arch(),
    os: `${platform()} ${release()}`,
    memoryGiB: round2(totalmem() / 2 ** 30),
    node: process.version,
    natsServer: natsServerVersion(),
    loadAvg: { before: loadavg().map(round2), after: null },
  };
}

/** Records the load average at the end of the run. */
export function finishMachine(m: Machine): Machine {
  return { ...m, loadAvg: { before: m.loadAvg.before, after: loadavg().map(round2) } };
}
