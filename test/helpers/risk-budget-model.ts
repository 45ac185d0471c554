/**
 * The sequential model of one account's risk budget (two instrument slots) that the property tests
 * (risk-model, risk-limits-live) run commands against: every reservation's verdict must be the one the
 * model predicts, and the shared memory must equal the model after every step.
 */
import fc from 'fast-check';
import {
  type AccountRisk, type AccountRiskState, closeTrades, commit, RATE_WINDOW_MS, readRiskState, release, reserve, type Reservation,
  type RiskLimits,
} from '../../engine/risk/mod.ts';

export type BudgetCmd =
  | { op: 'reserve'; slot: number; units: number; dtMs: number }
  | { op: 'commit'; pick: number; fraction: number }
  | { op: 'release'; pick: number }
  | { op: 'close'; count: number };

export const limitsArb: fc.Arbitrary<RiskLimits> = fc.record({
  max_position_units: fc.integer({ min: 0, max: 60 }),
  max_open_trades: fc.integer({ min: 0, max: 5 }),
  max_orders_per_minute: fc.integer({ min: 1, max: 6 }),
}, { requiredKeys: [] });

/** The budget commands with their weights (reserve, commit, release, close). */
export function budgetCmds(weights: [number, number, number, number]): Array<fc.WeightedArbitrary<BudgetCmd>> {
  return [
    { weight: weights[0], arbitrary: fc.record({ op: fc.constant('reserve' as const), slot: fc.integer({ min: 0, max: 1 }), units: fc.integer({ min: -30, max: 30 }).filter((u) => u !== 0), dtMs: fc.integer({ min: -5000, max: 40000 }) }) },
    { weight: weights[1], arbitrary: fc.record({ op: fc.constant('commit' as const), pick: fc.nat(), fraction: fc.constantFrom(0, 0.3, 0.5, 1) }) },
    { weight: weights[2], arbitrary: fc.record({ op: fc.constant('release' as const), pick: fc.nat() }) },
    { weight: weights[3], arbitrary: fc.record({ op: fc.constant('close' as const), count: fc.integer({ min: 1, max: 2 }) }) },
  ];
}

export class BudgetModel {
  readonly position = [0, 0];
  readonly pendLong = [0, 0];
  readonly pendShort = [0, 0];
  committedTrades = 0;
  /** Times of the granted rate claims (every reservation claims one, whatever the rate limit). */
  readonly claims: number[] = [];
  now = 1_000_000;
  readonly pending: Reservation[] = [];

  constructor(private readonly acct: AccountRisk) {}

  /** Applies one command; a reservation's verdict must be the model's under `limits` and the `halt` bits. */
  step(c: BudgetCmd, limits: RiskLimits, halt = 0): void {
    if (c.op === 'reserve') this.#reserve(c, limits, halt);
    else if (c.op === 'commit' || c.op === 'release') this.#settle(c);
    else if (this.committedTrades >= c.count) {
      closeTrades(this.acct, c.count);
      this.committedTrades -= c.count;
    }
  }

  #reserve(c: Extract<BudgetCmd, { op: 'reserve' }>, limits: RiskLimits, halt: number): void {
    this.now += c.dtMs;
    const { slot, units } = c;
    const maxPos = limits.max_position_units ?? 2147483647;
    const maxTrades = limits.max_open_trades ?? 2147483647;
    const rate = limits.max_orders_per_minute ?? 0;
    const { position, pendLong, pendShort, claims, pending } = this;
    let want: [string | null, number, number] = [null, NaN, NaN];
    const longNext = position[slot] + pendLong[slot] + units;
    const shortNext = position[slot] - pendShort[slot] + units;
    const t0 = claims.length ? Math.max(this.now, claims[claims.length - 1]) : this.now;
    if (halt !== 0) want = ['ACCOUNT_HALTED', NaN, halt];
    else if (units > 0 && longNext > maxPos) want = ['MAX_POSITION', maxPos, longNext];
    else if (units < 0 && shortNext < -maxPos) want = ['MAX_POSITION', maxPos, -shortNext];
    else if (this.committedTrades + pending.length + 1 > maxTrades) want = ['MAX_OPEN_TRADES', maxTrades, this.committedTrades + pending.length + 1];
    else if (rate > 0 && claims.length >= rate && t0 - claims[claims.length - rate] < RATE_WINDOW_MS) want = ['ORDER_RATE', rate, rate + 1];
    const res = reserve(this.acct, slot, units, this.now);
    if (JSON.stringify([res.reason, res.limit, res.value]) !== JSON.stringify(want)) {
      throw new Error(`reserve ${JSON.stringify(c)} under ${JSON.stringify(limits)}: got ${JSON.stringify([res.reason, res.limit, res.value])}, model ${JSON.stringify(want)}`);
    }
    if (res.pending) {
      pending.push(res);
      if (units > 0) pendLong[slot] += units; else pendShort[slot] -= units;
      claims.push(t0);
    }
  }

  #settle(c: Extract<BudgetCmd, { op: 'commit' | 'release' }>): void {
    if (this.pending.length === 0) return;
    const res = this.pending.splice(c.pick % this.pending.length, 1)[0]!;
    if (res.units > 0) this.pendLong[res.slot] -= res.units; else this.pendShort[res.slot] += res.units;
    if (c.op === 'release') return release(this.acct, res);
    const fill = Math.trunc(res.units * c.fraction);
    commit(this.acct, res, fill);
    this.position[res.slot] += fill;
    if (fill !== 0) this.committedTrades++;
  }

  /** Throws unless the shared memory equals the model; returns what it read. */
  check(after: BudgetCmd | { op: string }): AccountRiskState {
    const s = readRiskState(this.acct);
    const { position, pendLong, pendShort } = this;
    const model = {
      openTrades: this.committedTrades + this.pending.length,
      instruments: [0, 1].map((i) => ({ position: position[i], longBound: position[i] + pendLong[i], shortBound: position[i] - pendShort[i] })),
    };
    const seen = { openTrades: s.openTrades, instruments: s.instruments.map(({ position, longBound, shortBound }) => ({ position, longBound, shortBound })) };
    if (JSON.stringify(seen) !== JSON.stringify(model)) throw new Error(`after ${JSON.stringify(after)}: state ${JSON.stringify(seen)}, model ${JSON.stringify(model)}`);
    return s;
  }

  /** Releases everything pending; throws when anything but the committed trades and positions is left. */
  finish(): AccountRiskState {
    for (const res of this.pending.splice(0)) release(this.acct, res);
    const end = readRiskState(this.acct);
    if (end.openTrades !== this.committedTrades || end.instruments.some((i, k) => i.longBound !== this.position[k] || i.shortBound !== this.position[k])) {
      throw new Error('leak after releasing everything');
    }
    return end;
  }
}
