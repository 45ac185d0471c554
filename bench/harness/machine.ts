/**
 * The machine a run was measured on, written into every report: absolute figures mean little without
 * it (CPU, cores, Node and nats-server versions, and the load average around the run).
 */
import { execFileSync } from 'node:child_process';
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
