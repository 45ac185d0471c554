import fc from 'fast-check';
import t from 'tap';
import { Portfolio, TradingDayClock } from '../engine/portfolio/mod.ts';

/** Prices on a 0.1-pip grid around EUR/USD, units as integers: the shapes fills have. */
const price = fc.integer({ min: 100_000, max: 200_000 }).map((k) => k / 100_000);
const fill = fc.record({ units: fc.integer({ min: -500_000, max: 500_000 }).filter((u) => u !== 0), price });

const close = (a: number, b: number, scale: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

t.test('close-out: realized P&L equals the sum of cash flows; before it, realized + unrealized is the mark-to-market', async (t) => {
  fc.assert(fc.property(fc.array(fill, { minLength: 1, maxLength: 30 }), price, (fills, exit) => {
    const pf = new Portfolio();
    const p = pf.position('acct-1', 'EUR_USD');
    const ins = pf.instrument('EUR_USD');
    let cash = 0, units = 0, scale = 0;
    for (const f of fills) {
      pf.applyFill(p, f.units, f.price, 1);
      cash -= f.units * f.price;
      units += f.units;
      scale += Math.abs(f.units * f.price);
    }
    pf.mark(ins, 2, exit, exit);
    const before = pf.positionSnapshot(p);
    if (!close(before.realized + before.unrealized, cash + units * exit, scale)) return false;
    if (units !== 0) pf.applyFill(p, -units, exit, 3);
    const after = pf.positionSnapshot(p);
    const acct = pf.accountSnapshot(pf.account('acct-1'));
    return after.units === 0 && after.unrealized === 0 && acct.unrealized === 0 && after.avgPrice === 0 &&
      close(after.realized, cash + units * exit, scale) && acct.realized === after.realized && acct.equity === acct.realized;
  }), { numRuns: 500 });
  t.pass('property held');
});

t.test('average price: adding keeps it between the old average and the fill; reducing leaves it; flipping resets it', async (t) => {
  fc.assert(fc.property(fc.array(fill, { minLength: 1, maxLength: 40 }), (fills) => {
    const pf = new Portfolio();
    const p = pf.position('a', 'EUR_USD');
    for (const f of fills) {
      const u0 = pf.units(p), avg0 = pf.avgPrice(p);
      const realized = pf.applyFill(p, f.units, f.price, 1);
      const u1 = pf.units(p), avg1 = pf.avgPrice(p);
      if (!Number.isSafeInteger(u1) || u1 !== u0 + f.units) return false;
      if (u0 === 0 || Math.sign(u0) === Math.sign(f.units)) {
        const lo = u0 === 0 ? f.price : Math.min(avg0, f.price), hi = u0 === 0 ? f.price : Math.max(avg0, f.price);
        if (realized !== 0 || avg1 < lo - 1e-12 || avg1 > hi + 1e-12) return false;
      } else {
        const closed = Math.min(Math.abs(u0), Math.abs(f.units));
        if (!close(realized, (f.price - avg0) * closed * Math.sign(u0), closed)) return false;
        if (u1 === 0 && avg1 !== 0) return false;
        if (u1 !== 0 && Math.sign(u1) === Math.sign(u0) && avg1 !== avg0) return false;
        if (u1 !== 0 && Math.sign(u1) !== Math.sign(u0) && avg1 !== f.price) return false;
      }
    }
    return true;
  }), { numRuns: 500 });
  t.pass('property held');
});

t.test('worked example: add, reduce, flip; marks long at the bid and short at the ask', async (t) => {
  const pf = new Portfolio({ defaultBalance: 10_000 });
  const p = pf.position('a', 'EUR_USD');
  const ins = pf.instrument('EUR_USD');
  pf.mark(ins, 1, 1.3000, 1.3002);
  pf.applyFill(p, 10_000, 1.3002, 1);
  t.ok(close(pf.positionSnapshot(p).unrealized, -2, 1), 'long marked at the bid: minus the spread');
  pf.applyFill(p, 10_000, 1.3012, 2);
  t.ok(close(pf.avgPrice(p), 1.3007, 1));
  t.ok(close(pf.applyFill(p, -5_000, 1.3017, 3), 5, 1), 'reduce realizes (exit - avg) * units');
  t.ok(close(pf.avgPrice(p), 1.3007, 1), 'reducing keeps the average');
  t.ok(close(pf.applyFill(p, -25_000, 1.2997, 4), -15, 1), 'flip realizes the whole 15k long');
  t.same([pf.units(p), pf.avgPrice(p)], [-10_000, 1.2997], 'the rest opens short at the fill price');
  pf.mark(ins, 5, 1.2990, 1.2993);
  t.ok(close(pf.positionSnapshot(p).unrealized, 4, 1), 'short marked at the ask');
  const acct = pf.accountSnapshot(pf.account('a'));
  t.ok(close(acct.equity, 10_000 - 10 + 4, 1));
  t.throws(() => pf.applyFill(p, 1.5, 1.3, 6), { code: 'PS_FILL_INVALID' });
  t.throws(() => pf.applyFill(p, 0, 1.3, 6), { code: 'PS_FILL_INVALID' });
  t.throws(() => pf.applyFill(p, 1, NaN, 6), { code: 'PS_FILL_INVALID' });
  t.throws(() => pf.applyFill(99, 1, 1.3, 6), { code: 'PS_FILL_INVALID' });
});

t.test('positions net per account and instrument; equity sums the account only', async (t) => {
  const pf = new Portfolio({ defaultBalance: 1_000 });
  const a1 = pf.position('a', 'EUR_USD'), a2 = pf.position('a', 'GBP_USD'), b1 = pf.position('b', 'EUR_USD');
  t.equal(pf.position('a', 'EUR_USD'), a1);
  pf.applyFill(a1, 1_000, 1.2, 1);
  pf.applyFill(a2, -1_000, 1.6, 1);
  pf.applyFill(b1, -2_000, 1.2, 1);
  pf.mark(pf.instrument('EUR_USD'), 2, 1.21, 1.21);
  const a = pf.account('a'), b = pf.account('b');
  t.ok(close(pf.equity(a), 1_000 + 10 + 0, 1));
  t.ok(close(pf.equity(b), 1_000 - 20, 1));
  t.equal(pf.openPositions(a), 2);
  t.equal(pf.openPositions(b), 1);
});

t.test('equity peak and drawdown from the peak', async (t) => {
  const pf = new Portfolio({ defaultBalance: 1_000 });
  const p = pf.position('a', 'EUR_USD'), ins = pf.instrument('EUR_USD'), a = pf.account('a');
  pf.applyFill(p, 100_000, 1.3, 1);
  pf.mark(ins, 2, 1.302, 1.302); // +200
  pf.mark(ins, 3, 1.299, 1.299); // -100
  let s = pf.accountSnapshot(a);
  t.ok(close(s.equityPeak, 1_200, 1));
  t.ok(close(s.equity, 900, 1));
  t.ok(close(s.drawdownPct, 25, 1));
  pf.mark(ins, 4, 1.3005, 1.3005); // +50
  s = pf.accountSnapshot(a);
  t.ok(close(s.drawdownPct, 12.5, 1), 'drawdown shrinks as equity recovers');
  t.ok(close(s.maxDrawdownPct, 25, 1), 'max drawdown is kept');
  pf.mark(ins, 5, 1.304, 1.304);
  t.equal(pf.drawdownPct(a), 0, 'a new peak');
});

const NY = (iso: string): number => Date.parse(iso);

t.test('trading day starts at 17:00 New York in EST and EDT', async (t) => {
  const c = new TradingDayClock();
  t.equal(c.nextStartAfter(NY('2014-03-07T12:00:00Z')), NY('2014-03-07T22:00:00Z'), 'Fri 2014-03-07 17:00 EST');
  t.equal(c.nextStartAfter(NY('2014-03-08T23:00:00Z')), NY('2014-03-09T21:00:00Z'), 'Sun 2014-03-09, first EDT day');
  t.equal(c.nextStartAfter(NY('2014-03-10T12:00:00Z')), NY('2014-03-10T21:00:00Z'), 'Mon 2014-03-10 17:00 EDT');
  t.equal(c.nextStartAfter(NY('2014-11-02T05:00:00Z')), NY('2014-11-02T22:00:00Z'), 'Sun 2014-11-02, first EST day');
  t.equal(c.nextStartAfter(NY('2014-11-03T12:00:00Z')), NY('2014-11-03T22:00:00Z'), 'Mon 2014-11-03 17:00 EST');
  t.equal(c.nextStartAfter(NY('2014-11-03T22:00:00Z')), NY('2014-11-04T22:00:00Z'), 'strictly after');
  t.equal(c.startAtOrBefore(NY('2014-11-03T22:00:00Z')), NY('2014-11-03T22:00:00Z'), 'at or before');
  t.equal(c.startAtOrBefore(NY('2014-03-10T20:59:59.999Z')), NY('2014-03-09T21:00:00Z'));
  t.equal(new TradingDayClock({ zone: 'Europe/London', startMinute: 0 }).nextStartAfter(NY('2014-07-01T12:00:00Z')),
    NY('2014-07-01T23:00:00Z'), 'other zones: London midnight in BST');
  t.throws(() => new TradingDayClock({ zone: 'Mars/Olympus' }), { code: 'PS_BAD_ARGUMENT' });
});

t.test('daily P&L resets exactly at 17:00 New York (EST and EDT)', async (t) => {
  for (const [name, resetIso] of [['EST', '2014-03-07T22:00:00Z'], ['EDT', '2014-03-10T21:00:00Z'], ['EST after fall back', '2014-11-03T22:00:00Z']]) {
    const reset = NY(resetIso);
    const pf = new Portfolio({ defaultBalance: 10_000 });
    const p = pf.position('a', 'EUR_USD'), ins = pf.instrument('EUR_USD'), a = pf.account('a');
    pf.mark(ins, reset - 3_600_000, 1.3, 1.3);
    pf.applyFill(p, 10_000, 1.3, reset - 3_600_000);
    pf.mark(ins, reset - 1, 1.301, 1.301);
    t.ok(close(pf.dailyPnl(a), 10, 1), `${name}: +10 before the reset`);
    t.equal(pf.nextDayStartMs, reset, `${name}: next reset precomputed`);
    pf.mark(ins, reset, 1.3015, 1.3015);
    t.ok(close(pf.dailyPnl(a), 5, 1), `${name}: at 17:00 the day restarts from the equity just before it`);
    t.equal(pf.accountSnapshot(a).dayStartMs, reset);
    t.ok(close(pf.equity(a), 10_015, 1), `${name}: equity is not reset`);
  }
});

t.test('daily P&L across a weekend gap restarts once from the last equity', async (t) => {
  const pf = new Portfolio({ defaultBalance: 0 });
  const p = pf.position('a', 'EUR_USD'), ins = pf.instrument('EUR_USD'), a = pf.account('a');
  pf.applyFill(p, -1_000, 1.3, NY('2014-03-07T20:00:00Z'));
  pf.mark(ins, NY('2014-03-07T21:59:00Z'), 1.29, 1.29);
  pf.mark(ins, NY('2014-03-09T21:30:00Z'), 1.28, 1.28);
  t.ok(close(pf.dailyPnl(a), 10, 1));
  t.equal(pf.accountSnapshot(a).dayStartMs, NY('2014-03-09T21:00:00Z'));
  t.equal(pf.nextDayStartMs, NY('2014-03-10T21:00:00Z'));
});

t.test('adoptPosition: sets units and average without realizing; marks at the last quote; later fills realize against it', async (t) => {
  fc.assert(fc.property(fc.array(fill, { minLength: 0, maxLength: 20 }), fc.integer({ min: -500_000, max: 500_000 }), price, price,
    (fills, units, avg, quote) => {
      const pf = new Portfolio({ defaultBalance: 1_000 });
      const p = pf.position('a', 'EUR_USD'), other = pf.position('a', 'GBP_USD');
      pf.applyFill(other, 1_000, 1.5, 1);
      for (const f of fills) pf.applyFill(p, f.units, f.price, 1);
      pf.mark(pf.instrument('EUR_USD'), 2, quote, quote);
      const before = pf.accountSnapshot(pf.account('a'));
      const realizedBefore = pf.positionSnapshot(p).realized;
      if (pf.adoptPosition('a', 'EUR_USD', units, avg) !== p) return false;
      const s = pf.positionSnapshot(p);
      const acct = pf.accountSnapshot(pf.account('a'));
      if (s.units !== units || s.avgPrice !== (units === 0 ? 0 : avg) || s.realized !== realizedBefore) return false;
      if (!close(s.unrealized, (quote - s.avgPrice) * units, Math.abs(units))) return false;
      if (acct.realized !== before.realized || acct.balance !== before.balance) return false;
      if (!close(acct.unrealized, s.unrealized + pf.positionSnapshot(other).unrealized, Math.abs(units))) return false;
      if (units === 0) return true;
      const realized = pf.applyFill(p, -units, quote, 3);
      return close(realized, (quote - avg) * units, Math.abs(units)) && pf.positionSnapshot(p).unrealized === 0;
    }), { numRuns: 300 });
  t.pass('property held');
});

t.test('adoptPosition before any quote, positionsOf, adoptBalance', async (t) => {
  const pf = new Portfolio({ defaultBalance: 10_000 });
  pf.adoptPosition('a', 'USD_JPY', -2_000, 151.2);
  t.match(pf.positionSnapshot(pf.position('a', 'USD_JPY')), { units: -2_000, avgPrice: 151.2, unrealized: 0, realized: 0 },
    'no quote yet: marked at its own average');
  pf.adoptPosition('a', 'EUR_USD', 0, NaN);
  t.same(pf.positionsOf('a').map((p) => [p.instrument, p.units, p.avgPrice]), [['USD_JPY', -2_000, 151.2], ['EUR_USD', 0, 0]]);
  t.same(pf.positionsOf('nobody'), []);
  t.throws(() => pf.adoptPosition('a', 'EUR_USD', 1.5, 1.1), { code: 'PS_FILL_INVALID' });
  t.throws(() => pf.adoptPosition('a', 'EUR_USD', 100, 0), { code: 'PS_FILL_INVALID' });
  t.throws(() => pf.adoptPosition('a', 'EUR_USD', 100, Infinity), { code: 'PS_FILL_INVALID' });
  t.same(pf.tradeUnits(pf.position('a', 'USD_JPY')), [-2_000], 'one trade unless told');
  const other = new Portfolio();
  const jpy = other.adoptPosition('b', 'USD_JPY', -2_000, 151.2, [-500, -1_000, -500]);
  t.equal(other.trades(jpy), 3, "the broker's trades");
  other.applyFill(jpy, 1_200, 151.1, 1);
  t.same(other.tradeUnits(jpy), [-300, -500], 'reduced oldest first, as the broker does');
  t.throws(() => other.adoptPosition('b', 'USD_JPY', -800, 151.2, []), { code: 'PS_FILL_INVALID' }, 'a position is at least one trade');
  t.throws(() => other.adoptPosition('b', 'USD_JPY', -800, 151.2, [-900]), { code: 'PS_FILL_INVALID' }, 'trades add up to the position');
  t.throws(() => other.adoptPosition('b', 'USD_JPY', -800, 151.2, [-900, 100]), { code: 'PS_FILL_INVALID' }, 'all of its side');
  t.throws(() => other.adoptPosition('b', 'USD_JPY', 0, 0, [1]), { code: 'PS_FILL_INVALID' }, 'flat is none');
  t.same(other.tradeUnits(jpy), [-300, -500], 'unchanged by a refused adoption');

  const p = pf.position('a', 'EUR_USD');
  pf.applyFill(p, 1_000, 1.1, 1);
  pf.applyFill(p, -1_000, 1.101, 2); // +1 realized
  pf.adoptBalance('a', 9_990);
  const s = pf.accountSnapshot(pf.account('a'));
  t.ok(close(s.balance + s.realized, 9_990, 1e4), 'the cash balance is the broker\'s');
  t.ok(close(s.realized, 1, 1), 'realized P&L still counts the engine\'s own fills');
  t.ok(close(s.equity, 9_990, 1e4));
  t.throws(() => pf.adoptBalance('a', NaN), { code: 'PS_BAD_ARGUMENT' });
});
