import t from 'tap';
import fc from 'fast-check';
import { indicatorUpdater, parseIndicatorSpec, updateIndicator } from '../engine/indicators/mod.ts';
import { computeBatch } from '../engine/indicators/batch.ts';
import { ticksToBars } from '../engine/bars/mod.ts';
import { loadTickFile } from '../engine/ticks/mod.ts';
import { deviation, incremental } from './helpers/indicators.ts';


/** Max |a - b| relative to the price level (the middle band; the O(1) variance's documented bound is ~6e-14 of it). */
function relativeToLevel(a: Float64Array, b: Float64Array, middle: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(b[i])) max = Math.max(max, Math.abs(a[i] - b[i]) / Math.abs(middle[i]));
  return max;
}

t.test('indicatorUpdater(kind) gives exactly what updateIndicator gives', async (t) => {
  const bars = ticksToBars(await loadTickFile('data/ticks/oanda-EUR_USD-2014-05.csv.gz'), 60_000);
  for (const text of ['sma:20', 'ema:10', 'rsi:14', 'macd:12:26:9', 'bbands:20:2', 'atr:14', 'trange', 'ema:1', 'atr:1']) {
    const spec = parseIndicatorSpec(text);
    const a = incremental(spec, bars.high, bars.low, bars.close, indicatorUpdater(spec.kind));
    const b = incremental(spec, bars.high, bars.low, bars.close, updateIndicator);
    t.ok(a.every((o, k) => o.every((v, i) => Object.is(v, b[k][i]))), `${text}: identical`);
  }
});

/**
 * Walks whose volatility switches between regimes (calm, wild, flat), so the
 * sliding variance collapses after large moves: the case where an O(1) update
 * loses digits unless it recomputes.
 */
function regimes(start: number, step: number) {
  const regime = fc.record({ len: fc.integer({ min: 1, max: 60 }), scale: fc.constantFrom(0, 1, 1, 10, 1000, 1e5) });
  return fc.tuple(fc.array(regime, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 64, maxLength: 64 }))
    .map(([rs, moves]) => {
      let p = start, j = 0;
      const close: number[] = [];
      for (const r of rs) for (let i = 0; i < r.len; i++) {
        p += moves[j++ % 64] * step * r.scale;
        if (!(p > 0)) p = start; // stay a price
        close.push(p);
      }
      return close;
    });
}

t.test('property: O(1) Bollinger == two-pass batch through volatility regime changes', async (t) => {
  const spec = fc.constantFrom('bbands:20:2', 'bbands:5:1.5', 'bbands:2:2', 'bbands:50:3').map(parseIndicatorSpec);
  for (const [start, step] of [[1.3, 1e-5], [100, 1e-3], [1e-4, 1e-9], [1.3, 1e-8]]) {
    fc.assert(fc.property(regimes(start, step), spec, (close, s) => {
      const inc = incremental(s, close, close, close, indicatorUpdater('bbands')), bat = computeBatch(s, close, close, close);
      return inc.every((o, k) => deviation(o, bat[k]) <= 1e-10 && relativeToLevel(o, bat[k], bat[1]) <= 1e-12);
    }), { numRuns: 300 });
    t.pass(`regime walks at ${start} step ${step}`);
  }
});

t.test('Bollinger stays exact over a long series with 1e6 jumps and flat stretches', async (t) => {
  const n = 200_000;
  const close = Float64Array.from({ length: n }, (_, i) => {
    const base = 1.3 + 1e-5 * Math.sin(i * 0.37) + (i % 7) * 1e-6;
    if (i % 5000 < 40) return 1.3; // flat: the width must come back to ~0, not to old rounding noise
    return i > n / 2 && i % 1000 < 30 ? base + 1e6 * (i % 2) : base;
  });
  const spec = parseIndicatorSpec('bbands:20:2');
  const inc = incremental(spec, close, close, close, indicatorUpdater('bbands')), bat = computeBatch(spec, close, close, close);
  for (let k = 0; k < 3; k++) {
    const d = relativeToLevel(inc[k], bat[k], bat[1]);
    t.ok(d <= 1e-12, `output ${k}: ${d}`);
  }
  const flat = 5000 * 30 + 39; // a window of 20 equal closes well after the jumps
  t.ok(inc[0][flat] - inc[2][flat] <= 1e-15, `flat window width ${inc[0][flat] - inc[2][flat]}`);
  t.ok(inc[0][flat + 25] - inc[2][flat + 25] > 1e-6, 'and the width returns with the moves');
});
