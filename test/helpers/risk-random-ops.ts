/**
 * The random operations both risk hammer workers (risk-worker.ts, risk-live-worker.mjs) apply to shared
 * account risk memory besides reserving: settle an outstanding reservation (release, or commit a random
 * part of it with a random realized P&L) and close a trade, tallying the effects so a test can prove that
 * nothing leaked.
 */
import { type AccountRisk, closeTrades, commit, type Reservation, release } from '../../engine/risk/mod.ts';

/** Deterministic xorshift32 in [0, 1) and an integer in [lo, hi]. */
export function xorshift(seed: number): { rand: () => number; randInt: (lo: number, hi: number) => number } {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
  return { rand, randInt: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)) };
}

export interface Tally {
  position: number[];
  openTrades: number;
  realizedMicros: number;
  commits: number;
  releases: number;
  closes: number;
}

type Rng = ReturnType<typeof xorshift>;

/** Releases or commits one random outstanding reservation (moved to `spare` for reuse). */
export function settleOne(account: AccountRisk, outstanding: Reservation[], spare: Reservation[], tally: Tally, rng: Rng): void {
  const k = rng.randInt(0, outstanding.length - 1);
  const res = outstanding[k]!;
  outstanding[k] = outstanding[outstanding.length - 1]!;
  outstanding.pop();
  if (rng.rand() < 0.5) {
    release(account, res);
    tally.releases++;
  } else {
    const fill = Math.round(res.units * [0, 0.5, 1, rng.rand()][rng.randInt(0, 3)]!);
    const pnlMicros = rng.randInt(-500, 500) * 10_000;
    commit(account, res, fill, pnlMicros / 1e6);
    tally.position[res.slot]! += fill;
    if (fill !== 0) tally.openTrades++;
    tally.realizedMicros += pnlMicros;
    tally.commits++;
  }
  spare.push(res);
}

/** Closes one open trade with a random realized P&L. */
export function closeOne(account: AccountRisk, tally: Tally, rng: Rng): void {
  const pnlMicros = rng.randInt(-500, 500) * 10_000;
  closeTrades(account, 1, pnlMicros / 1e6);
  tally.openTrades--;
  tally.realizedMicros += pnlMicros;
  tally.closes++;
}
