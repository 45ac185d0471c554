/** Booking fills on the portfolio and the risk budget together: trade counts as a broker keeps them, never touching orders in flight. */
import t from 'tap';
import { bookFill, Portfolio } from '../engine/portfolio/mod.ts';
import { commit, createAccountRisk, readRiskState, release, reserve, Reservation } from '../engine/risk/mod.ts';

const T = Date.UTC(2014, 4, 5, 10);

t.test('trades open on adding fills and close on reducing, flat and flipping fills; pending reservations stay', async (t) => {
  const p = new Portfolio({ defaultBalance: 10_000 });
  const risk = createAccountRisk({ max_open_trades: 10 }, ['EUR_USD']);
  const pos = p.position('a', 'EUR_USD');
  const fill = (units: number, price: number) => {
    const res = reserve(risk, 0, units, T, new Reservation());
    t.ok(res.pending, `reserved ${units}`);
    commit(risk, res, units);
    return bookFill(p, pos, units, price, T, risk);
  };
  const open = () => readRiskState(risk).openTrades;
  fill(1000, 1.1);
  fill(1000, 1.2);
  t.equal(p.trades(pos), 2);
  t.equal(open(), 2, 'two adding fills, two open trades');
  // An order in flight holds a trade slot that no fill may close.
  const inFlight = reserve(risk, 0, 500, T, new Reservation());
  t.equal(open(), 3);
  t.equal(fill(-500, 1.3), (1.3 - 1.15) * 500, 'a reducing fill realizes against the average');
  t.same(p.tradeUnits(pos), [500, 1000], 'the oldest trade reduced, still open (first in, first out, as brokers do)');
  t.equal(open(), 3, 'the reducing fill closed only itself; the order in flight still holds its slot');
  fill(-700, 1.3);
  t.same(p.tradeUnits(pos), [800], 'the oldest closed, the next reduced');
  t.equal(open(), 2);
  fill(700, 1.1);
  fill(-1500, 1.25);
  t.equal(p.units(pos), 0);
  t.equal(open(), 1, 'flat: every trade of the position closed, the one in flight stays');
  release(risk, inFlight);
  t.equal(open(), 0, 'nothing leaked');
  fill(-1000, 1.25);
  fill(2500, 1.2);
  t.equal(p.units(pos), 1500);
  t.equal(p.trades(pos), 1, 'a flip leaves one trade: the fill that flipped');
  t.equal(open(), 1);
  t.ok(readRiskState(risk).realizedToday !== 0, 'realized P&L booked on the budget');
});
