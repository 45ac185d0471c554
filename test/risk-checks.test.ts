import t from 'tap';
import {
  RiskReason, RiskVerdict, Reservation, adoptOpenTrades, adoptPosition, adoptRealizedToday, applyBrokerFill, attachAccountRisk, checkInstrumentOrder, clearDrawdownHalt, closeTrades, commit,
  createAccountRisk, instrumentChecks, markEquity, markUnrealized, readRiskState, recordRealized, release, reserve, resetTradingDay,
} from '../engine/risk/mod.ts';

const limits = {
  account: 'acct-1', instruments: ['EUR_USD', 'USD_JPY'], max_order_units: 100000, max_position_units: 30000, max_open_trades: 3,
  max_daily_loss: 1000, max_drawdown_pct: 10, max_spread_pips: 5, max_orders_per_minute: 4,
};
const verdict = (v: RiskVerdict) => ({ reason: v.reason, limit: v.limit, value: v.value });

t.test('instrument-level checks: each reason with its limit and value', async (t) => {
  const eur = instrumentChecks(limits, 'EUR_USD');
  const jpy = instrumentChecks(limits, 'USD_JPY');
  const out = new RiskVerdict();
  t.equal(checkInstrumentOrder(eur, 1.1, 1.1003, 100000, out), true);
  t.same(verdict(out), { reason: null, limit: NaN, value: NaN });
  t.equal(checkInstrumentOrder(instrumentChecks(limits, 'GBP_USD'), 1.3, 1.3001, 1, out), false);
  t.same(verdict(out), { reason: RiskReason.INSTRUMENT_NOT_ALLOWED, limit: NaN, value: NaN });
  t.same(out.toJSON(), { reason: 'INSTRUMENT_NOT_ALLOWED', limit: null, value: null });
  t.equal(checkInstrumentOrder(eur, 1.1002, 1.1, 1000, out), false);
  t.equal(out.reason, 'NOT_TRADEABLE');
  t.equal(out.limit, 0);
  t.ok(Math.abs(out.value - -2) < 1e-9, `crossed by 2 pips: ${out.value}`);
  t.equal(checkInstrumentOrder(eur, 1.1, 1.1001, -100001, out), false);
  t.same(verdict(out), { reason: 'MAX_ORDER_UNITS', limit: 100000, value: 100001 });
  t.equal(checkInstrumentOrder(eur, 1.1, 1.10051, 1000, out), false);
  t.equal(out.reason, 'MAX_SPREAD');
  t.equal(out.limit, 5);
  t.ok(Math.abs(out.value - 5.1) < 1e-9, `5.1 pips: ${out.value}`);
  t.equal(checkInstrumentOrder(eur, 1.1, 1.1005, 1000, out), true, 'a spread of exactly the limit passes');
  t.equal(checkInstrumentOrder(jpy, 150, 150.05, 1000, out), true, 'JPY pip is 0.01');
  t.equal(checkInstrumentOrder(jpy, 150, 150.06, 1000, out), false);
  t.equal(out.reason, 'MAX_SPREAD');
  t.equal(checkInstrumentOrder(instrumentChecks({}, 'GBP_USD'), 1.3, 1.4, 1e9, out), true, 'no limits, no rejection');
});

t.test('budget: MAX_POSITION, MAX_OPEN_TRADES and settle', async (t) => {
  const { max_orders_per_minute: _, ...noRate } = limits;
  const acct = createAccountRisk(noRate, ['EUR_USD', 'USD_JPY']);
  const a = reserve(acct, 0, 20000, 0);
  t.ok(a.ok && a.pending);
  const b = reserve(acct, 0, 10001, 0);
  t.same(verdict(b), { reason: 'MAX_POSITION', limit: 30000, value: 30001 });
  t.notOk(b.pending);
  t.equal(reserve(acct, 0, -30000, 0).ok, true, 'a sell may take the position to -30000 while the buy is pending');
  const third = reserve(acct, 1, -1, 0);
  t.ok(third.ok);
  const c = reserve(acct, 1, 1, 0);
  t.same(verdict(c), { reason: 'MAX_OPEN_TRADES', limit: 3, value: 4 });
  t.equal(readRiskState(acct).openTrades, 3, 'the rejected reservation left nothing behind');
  t.same(readRiskState(acct).instruments[1], { instrument: 'USD_JPY', position: 0, longBound: 0, shortBound: -1 });
  release(acct, third);
  t.same(readRiskState(acct).instruments[1], { instrument: 'USD_JPY', position: 0, longBound: 0, shortBound: 0 });
  t.same(readRiskState(acct).instruments[0], { instrument: 'EUR_USD', position: 0, longBound: 20000, shortBound: -30000 });
  commit(acct, a, 15000);
  t.same(readRiskState(acct).instruments[0], { instrument: 'EUR_USD', position: 15000, longBound: 15000, shortBound: -15000 });
  t.equal(readRiskState(acct).openTrades, 2);
  t.throws(() => commit(acct, a, 1), { code: 'PS_RISK_RESERVATION_INVALID' });
  t.throws(() => release(acct, a), { code: 'PS_RISK_RESERVATION_INVALID' });
  const d = reserve(acct, 1, -5, 0);
  t.throws(() => commit(acct, d, 1), { code: 'PS_RISK_RESERVATION_INVALID' }, 'fill on the wrong side');
  t.throws(() => commit(acct, d, -6), { code: 'PS_RISK_RESERVATION_INVALID' }, 'fill larger than reserved');
  commit(acct, d, 0);
  t.equal(readRiskState(acct).openTrades, 2, 'an unfilled order frees its trade slot');
  closeTrades(acct, 1, -12.5);
  t.equal(readRiskState(acct).openTrades, 1);
  t.equal(readRiskState(acct).realizedToday, -12.5);
  t.throws(() => closeTrades(acct, 5), { code: 'PS_RISK_RESERVATION_INVALID' });
  t.throws(() => reserve(acct, 2, 1, 0), { code: 'PS_RISK_RESERVATION_INVALID' });
  t.throws(() => reserve(acct, 0, 0, 0), { code: 'PS_RISK_RESERVATION_INVALID' });
  t.throws(() => reserve(acct, 0, 1.5, 0), { code: 'PS_RISK_RESERVATION_INVALID' });
});

t.test('budget: DAILY_LOSS counts realized and unrealized since the day start; latches until the day resets', async (t) => {
  const acct = createAccountRisk(limits, ['EUR_USD']);
  markUnrealized(acct, -300);
  resetTradingDay(acct);
  recordRealized(acct, -500);
  markUnrealized(acct, -600);
  t.equal(reserve(acct, 0, 1, 0).reason, null, 'a loss of 800 is below the cap');
  markUnrealized(acct, -800.000001);
  const r = reserve(acct, 0, 1, 0);
  t.equal(r.reason, 'DAILY_LOSS');
  t.equal(r.limit, 1000);
  t.ok(Math.abs(r.value - 1000.000001) < 1e-9, String(r.value));
  markUnrealized(acct, 0);
  t.equal(reserve(acct, 0, 1, 0).reason, 'DAILY_LOSS', 'latched');
  resetTradingDay(acct);
  t.equal(reserve(acct, 0, 1, 60000).reason, null);
  t.equal(readRiskState(acct).dailyLoss, 0);
});

t.test('budget: MAX_DRAWDOWN from the equity peak', async (t) => {
  const acct = createAccountRisk(limits, ['EUR_USD']);
  markEquity(acct, 10000);
  markEquity(acct, 12000);
  markEquity(acct, 10900);
  t.equal(reserve(acct, 0, 1, 0).reason, null, '9.17% drawdown');
  markEquity(acct, 10800);
  const r = reserve(acct, 0, 1, 0);
  t.same(verdict(r), { reason: 'MAX_DRAWDOWN', limit: 10, value: 10 });
  t.same(readRiskState(acct).halted, { dailyLoss: false, drawdown: true, manual: false, reconciliation: false });
  clearDrawdownHalt(acct);
  t.equal(reserve(acct, 0, 1, 1).reason, null);
  t.equal(readRiskState(acct).equityPeak, 10800);
});

t.test('budget: ORDER_RATE over a sliding 60 s window; a rejected order takes no token', async (t) => {
  const acct = createAccountRisk(limits, ['EUR_USD']);
  const times = [0, 10, 20, 59_000];
  for (const ms of times) {
    const r = reserve(acct, 0, 1, ms);
    t.ok(r.ok, `order at ${ms}`);
    release(acct, r);
  }
  const r = reserve(acct, 0, 1, 59_999);
  t.same(verdict(r), { reason: 'ORDER_RATE', limit: 4, value: 5 });
  t.same(readRiskState(acct).instruments[0], { instrument: 'EUR_USD', position: 0, longBound: 0, shortBound: 0 }, 'position undone');
  t.equal(readRiskState(acct).openTrades, 0, 'trade slot undone');
  const late = reserve(acct, 0, 1, 60_000);
  t.ok(late.ok, 'the first order left the window');
  t.equal(late.timeMs, 60_000);
  const behind = reserve(acct, 0, 1, 30_000);
  t.equal(behind.reason, 'ORDER_RATE', 'a clock behind the last claim gets no extra budget');
  t.equal(reserve(acct, 0, 1, 60_010).ok, true);
  const reused = new Reservation();
  t.equal(reserve(acct, 0, 1, 60_011, reused), reused, 'the handle passed in is the one returned');
  t.equal(reused.reason, 'ORDER_RATE');
});

t.test('attach: another view of the same memory; a mismatch is refused', async (t) => {
  const acct = createAccountRisk(limits, ['EUR_USD', 'USD_JPY']);
  const other = attachAccountRisk(structuredClone(acct.memory));
  const r = reserve(other, 1, -700, 0);
  t.ok(r.ok);
  t.equal(readRiskState(acct).instruments[1].shortBound, -700);
  t.equal(acct.slotOf('USD_JPY'), 1);
  t.equal(acct.slotOf('GBP_USD'), -1);
  t.throws(() => attachAccountRisk({ ...acct.memory, capacity: 1 }), { code: 'PS_RISK_MEMORY_INVALID' });
  t.throws(() => attachAccountRisk({ ...acct.memory, buffer: new SharedArrayBuffer(acct.memory.buffer.byteLength) }), { code: 'PS_RISK_MEMORY_INVALID' });
});

t.test('a fill the broker made (a stop-loss): the position and both bounds move, no reservation, no limit applies', async (t) => {
  const acct = createAccountRisk({ max_position_units: 30000, max_open_trades: 3 }, ['EUR_USD']);
  const slot = acct.slotOf('EUR_USD');
  const res = new Reservation();
  t.equal(reserve(acct, slot, 30000, 1000, res).ok, true);
  commit(acct, res, 30000);
  t.equal(reserve(acct, slot, 1000, 1001, new Reservation()).reason, 'MAX_POSITION', 'full');
  applyBrokerFill(acct, slot, -10000);
  closeTrades(acct, 1);
  t.match(readRiskState(acct).instruments[0], { position: 20000, longBound: 20000, shortBound: 20000 });
  t.equal(readRiskState(acct).openTrades, 0);
  t.equal(reserve(acct, slot, 10000, 1002, new Reservation()).ok, true, 'room again for what the stop closed');
  t.equal(reserve(acct, slot, 1, 1003, new Reservation()).reason, 'MAX_POSITION', 'and no more');
});

t.test('a position and trades the budget did not book (held before it, or adopted from the broker) count against the limits', async (t) => {
  const acct = createAccountRisk({ max_position_units: 30000, max_open_trades: 3 }, ['EUR_USD']);
  const slot = acct.slotOf('EUR_USD');
  const pending = reserve(acct, slot, 5000, 1000, new Reservation());
  t.ok(pending.ok, 'an order in flight');
  t.equal(adoptPosition(acct, slot, 20000), 20000, 'the position moves by what the budget did not know');
  t.match(readRiskState(acct).instruments[0], { position: 20000, longBound: 25000, shortBound: 20000 }, 'the order in flight keeps its room');
  t.equal(adoptOpenTrades(acct, 2), false, 'no trade count while a reservation is pending (it holds a slot the broker does not know)');
  t.equal(readRiskState(acct).openTrades, 1);
  commit(acct, pending, 5000);
  t.equal(adoptOpenTrades(acct, 2), true, 'set once the account is quiet');
  t.equal(readRiskState(acct).openTrades, 2);
  t.equal(reserve(acct, slot, 5001, 1001, new Reservation()).reason, 'MAX_POSITION', '25,000 held: 5,001 more is over');
  const last = reserve(acct, slot, 5000, 1002, new Reservation());
  t.ok(last.ok, 'exactly up to the limit');
  t.equal(reserve(acct, slot, -1, 1003, new Reservation()).reason, 'MAX_OPEN_TRADES', 'the adopted trades count too');
  release(acct, last);
  t.equal(adoptPosition(acct, slot, -4000), -29000, 'a short adopted from a long');
  t.match(readRiskState(acct).instruments[0], { position: -4000, longBound: -4000, shortBound: -4000 });
  t.equal(adoptOpenTrades(acct, 0), true);
  t.throws(() => adoptPosition(acct, slot, 0.5), { code: 'PS_RISK_RESERVATION_INVALID' });
  t.throws(() => adoptOpenTrades(acct, -1), { code: 'PS_RISK_RESERVATION_INVALID' });
  t.equal(readRiskState(acct).openTrades, 0, 'a refused adoption changes nothing');
});

t.test("today's realized P&L the budget did not book (before a restart) counts toward the daily loss limit", async (t) => {
  const acct = createAccountRisk({ max_daily_loss: 1000 }, ['EUR_USD']);
  adoptRealizedToday(acct, -600);
  t.match(readRiskState(acct), { realizedToday: -600, dailyLoss: 600, halted: { dailyLoss: false } });
  recordRealized(acct, -300);
  t.equal(readRiskState(acct).dailyLoss, 900, 'later losses add to it');
  adoptRealizedToday(acct, -1000);
  t.ok(readRiskState(acct).halted.dailyLoss, 'the limit reached by what was adopted halts at once');
  t.equal(reserve(acct, 0, 1000, 1, new Reservation()).reason, 'DAILY_LOSS');
});
