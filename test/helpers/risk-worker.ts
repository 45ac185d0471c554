/**
 * One hammer thread of test/risk-hammer.test.ts: random reserve / commit / release / closeTrades on
 * shared account risk memory, checking the limits after every step it takes, and tallying the
 * effects it committed so the test can prove that nothing leaked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Reservation, attachAccountRisk, readRiskState, release, reserve, type AccountRiskMemory } from '../../engine/risk/mod.ts';
import { closeOne, settleOne, xorshift } from './risk-random-ops.ts';

export interface HammerJob {
  memory: AccountRiskMemory;
  /** Int32[0]: start flag; Int32[1]: shared clock ticks. */
  control: SharedArrayBuffer;
  attempts: number;
  seed: number;
  maxOutstanding: number;
  maxUnits: number;
  msPerTick: number;
}

export interface HammerResult {
  successes: number;
  rejections: Record<string, number>;
  violations: string[];
  position: number[];
  openTrades: number;
  realizedMicros: number;
  rateTimes: Float64Array;
  commits: number;
  releases: number;
  closes: number;
}

const job = workerData as HammerJob;
const account = attachAccountRisk(job.memory);
const control = new Int32Array(job.control);
const maxPosition = account.limits.max_position_units ?? Infinity;
const maxTrades = account.limits.max_open_trades ?? Infinity;

const rng = xorshift(job.seed);
const { rand, randInt } = rng;

const result: HammerResult = {
  successes: 0, rejections: {}, violations: [], position: account.instruments.map(() => 0), openTrades: 0, realizedMicros: 0,
  rateTimes: new Float64Array(job.attempts), commits: 0, releases: 0, closes: 0,
};

/**
 * Each word is read atomically but not together with the others, so only per-word limits are checked
 * here (comparing two words read at different moments would flag states that never existed).
 */
function observe(where: string): void {
  const s = readRiskState(account);
  if (s.openTrades > maxTrades || s.openTrades < 0) result.violations.push(`${where}: open trades ${s.openTrades}`);
  for (const i of s.instruments) {
    if (i.longBound > maxPosition || i.shortBound < -maxPosition) result.violations.push(`${where}: ${i.instrument} bounds ${i.shortBound}..${i.longBound}`);
  }
  if (result.violations.length > 20) throw new Error(result.violations.join('\n'));
}

const outstanding: Reservation[] = [];
const spare: Reservation[] = [];

Atomics.wait(control, 0, 0);
for (let n = 0; n < job.attempts; n++) {
  const op = rand();
  if (op < 0.5 && outstanding.length < job.maxOutstanding) {
    const slot = randInt(0, account.instruments.length - 1);
    const units = randInt(1, job.maxUnits) * (rand() < 0.5 ? -1 : 1);
    const nowMs = Atomics.add(control, 1, 1) * job.msPerTick;
    const res = reserve(account, slot, units, nowMs, spare.pop() ?? new Reservation());
    if (res.pending) {
      result.rateTimes[result.successes++] = res.timeMs;
      outstanding.push(res);
      observe('after reserve');
    } else {
      result.rejections[res.reason!] = (result.rejections[res.reason!] ?? 0) + 1;
      spare.push(res);
    }
  } else if (op < 0.8 && outstanding.length > 0) {
    settleOne(account, outstanding, spare, result, rng);
    observe('after settle');
  } else if (result.openTrades > 0) {
    closeOne(account, result, rng);
    observe('after close');
  }
}
for (const res of outstanding) release(account, res);
result.releases += outstanding.length;
result.rateTimes = result.rateTimes.slice(0, result.successes);
observe('final');
parentPort!.postMessage(result);
