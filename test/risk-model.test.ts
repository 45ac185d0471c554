import t from 'tap';
import fc from 'fast-check';
import { closeTrades, commit, createAccountRisk, readRiskState, release, reserve, type Reservation, type RiskLimits } from '../engine/risk/mod.ts';

type Cmd =
  | { op: 'reserve'; slot: number; units: number; dtMs: number }
  | { op: 'commit'; pick: number; fraction: number }
  | { op: 'release'; pick: number }
  | { op: 'close'; count: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('reserve' as const), slot: fc.integer({ min: 0, max: 1 }), units: fc.integer({ min: -30, max: 30 }).filter((u) => u !== 0), dtMs: fc.integer({ min: -5000, max: 40000 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('commit' as const), pick: fc.nat(), fraction: fc.constantFrom(0, 0.3, 0.5, 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('release' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), count: fc.integer({ min: 1, max: 2 }) }) },
);

const limitsArb: fc.Arbitrary<RiskLimits> = fc.record({
  max_position_units: fc.integer({ min: 0, max: 60 }),
  max_open_trades: fc.integer({ min: 0, max: 5 }),
  max_orders_per_minute: fc.integer({ min: 1, max: 6 }),
}, { requiredKeys: [] });

t.test('property: any sequence of reserve/commit/release/close matches a sequential model and keeps every limit', async (t) => {
  let checked = 0;
  fc.assert(fc.property(limitsArb, fc.array(cmd, { maxLength: 60 }), (limits, cmds) => {
    const acct = createAccountRisk(limits, ['EUR_USD', 'USD_JPY']);
    const maxPos = limits.max_position_units ?? 2147483647;
    const maxTrades = limits.max_open_trades ?? 2147483647;
    const rate = limits.max_orders_per_minute ?? 0;
    const position = [0, 0];
    const pendLong = [0, 0];
    const pendShort = [0, 0];
    let committedTrades = 0;
    const claims: number[] = [];
    let now = 1_000_000;
    const pending: Reservation[] = [];

    for (const c of cmds) {
      if (c.op === 'reserve') {
        now += c.dtMs;
        const { slot, units } = c;
        let want: [string | null, number, number] = [null, NaN, NaN];
        const longNext = position[slot] + pendLong[slot] + units;
        const shortNext = position[slot] - pendShort[slot] + units;
        const t0 = claims.length ? Math.max(now, claims[claims.length - 1]) : now;
        if (units > 0 && longNext > maxPos) want = ['MAX_POSITION', maxPos, longNext];
        else if (units < 0 && shortNext < -maxPos) want = ['MAX_POSITION', maxPos, -shortNext];
        else if (committedTrades + pending.length + 1 > maxTrades) want = ['MAX_OPEN_TRADES', maxTrades, committedTrades + pending.length + 1];
        else if (rate > 0 && claims.length >= rate && t0 - claims[claims.length - rate] < 60000) want = ['ORDER_RATE', rate, rate + 1];
        const res = reserve(acct, slot, units, now);
        if (JSON.stringify([res.reason, res.limit, res.value]) !== JSON.stringify(want)) throw new Error(`reserve ${JSON.stringify(c)}: got ${JSON.stringify([res.reason, res.limit, res.value])}, model ${JSON.stringify(want)}`);
        if (res.pending) {
          pending.push(res);
          if (units > 0) pendLong[slot] += units; else pendShort[slot] -= units;
          if (rate > 0) claims.push(t0);
        }
      } else if (c.op === 'commit' || c.op === 'release') {
        if (pending.length === 0) continue;
        const res = pending.splice(c.pick % pending.length, 1)[0];
        if (res.units > 0) pendLong[res.slot] -= res.units; else pendShort[res.slot] += res.units;
        if (c.op === 'release') release(acct, res);
        else {
          const fill = Math.trunc(res.units * c.fraction);
          commit(acct, res, fill);
          position[res.slot] += fill;
          if (fill !== 0) committedTrades++;
        }
      } else {
        if (committedTrades < c.count) continue;
        closeTrades(acct, c.count);
        committedTrades -= c.count;
      }
      const s = readRiskState(acct);
      const model = {
        openTrades: committedTrades + pending.length,
        instruments: [0, 1].map((i) => ({ position: position[i], longBound: position[i] + pendLong[i], shortBound: position[i] - pendShort[i] })),
      };
      const seen = { openTrades: s.openTrades, instruments: s.instruments.map(({ position, longBound, shortBound }) => ({ position, longBound, shortBound })) };
      if (JSON.stringify(seen) !== JSON.stringify(model)) throw new Error(`after ${JSON.stringify(c)}: state ${JSON.stringify(seen)}, model ${JSON.stringify(model)}`);
      if (s.openTrades > maxTrades || s.instruments.some((i) => i.longBound > maxPos || i.shortBound < -maxPos)) throw new Error(`limit exceeded after ${JSON.stringify(c)}`);
    }
    for (const res of pending.splice(0)) release(acct, res);
    const end = readRiskState(acct);
    if (end.openTrades !== committedTrades || end.instruments.some((i, k) => i.longBound !== position[k] || i.shortBound !== position[k])) throw new Error('leak after releasing everything');
    checked++;
    return true;
  }), { numRuns: 300 });
  t.equal(checked, 300);
});
