import t from 'tap';
import { BROKER_REASON, PaperBroker, orderIdFor, orderLine, tickColumnsPriceSource } from '../actors/execution/mod.ts';
import type { OrderRequest } from '../actors/execution/mod.ts';
import { TradeBook } from '../engine/node/trade-book.ts';
import { Portfolio } from '../engine/portfolio/mod.ts';
import { loadTickFile } from '../engine/ticks/mod.ts';

const oanda = await loadTickFile(new URL('../data/ticks/oanda-EUR_USD-2014-05.csv.gz', import.meta.url).pathname);
const fxcm = await loadTickFile(new URL('../data/ticks/fxcm-EUR_USD-2014-05.csv.gz', import.meta.url).pathname);

function orderAt(ticks: typeof oanda, i: number, side: 'buy' | 'sell', extra: Partial<OrderRequest> = {}): OrderRequest {
  return {
    signalId: `sig-${i}-${side}`, account: 'acct-1', instrument: 'EUR_USD', side, units: 10_000,
    timeMs: ticks.time[i], bid: ticks.bid[i], ask: ticks.ask[i], ...extra,
  };
}

/** Indices of uncrossed ticks spread over the file. */
const sample: number[] = [];
for (let i = 0; i < oanda.length && sample.length < 200; i += 2_500) if (oanda.ask[i] >= oanda.bid[i]) sample.push(i);

t.test('a buy fills at the triggering tick ask, a sell at its bid (real OANDA ticks)', async (t) => {
  const broker = new PaperBroker();
  t.ok(sample.length > 100);
  for (const i of sample) {
    const b = broker.fill(orderAt(oanda, i, 'buy'));
    const s = broker.fill(orderAt(oanda, i, 'sell'));
    if (b.status !== 'filled' || b.price !== oanda.ask[i] || b.timeMs !== oanda.time[i]) t.fail(`buy at tick ${i}: ${JSON.stringify(b)}`);
    if (s.status !== 'filled' || s.price !== oanda.bid[i] || s.timeMs !== oanda.time[i]) t.fail(`sell at tick ${i}: ${JSON.stringify(s)}`);
  }
  const first = broker.fill(orderAt(oanda, 0, 'buy'));
  t.same([first.price, first.reason, first.slippagePips], [1.38686, null, 0]);
});

t.test('never fills on a crossed quote (real FXCM ticks and a synthetic one)', async (t) => {
  const broker = new PaperBroker();
  let crossed = 0;
  for (let i = 0; i < fxcm.length && crossed < 50; i++) {
    if (!(fxcm.ask[i] < fxcm.bid[i])) continue;
    crossed++;
    for (const side of ['buy', 'sell'] as const) {
      const o = broker.fill(orderAt(fxcm, i, side));
      if (o.status !== 'rejected' || o.reason !== 'CROSSED_QUOTE' || o.price !== null) t.fail(`tick ${i}: ${JSON.stringify(o)}`);
    }
  }
  t.equal(crossed, 50, 'the FXCM file has crossed quotes');
  const o = broker.fill({ signalId: 's', account: 'a', instrument: 'EUR_USD', side: 'buy', units: 1, timeMs: 1, bid: 1.3001, ask: 1.3 });
  t.same([o.status, o.reason, o.price], ['rejected', BROKER_REASON.CROSSED_QUOTE, null]);
  const locked = broker.fill({ signalId: 's2', account: 'a', instrument: 'EUR_USD', side: 'buy', units: 1, timeMs: 1, bid: 1.3, ask: 1.3 });
  t.equal(locked.status, 'filled', 'a locked quote (ask = bid) is not crossed');
});

t.test('fixed slippage is adverse and rounded to a tenth of a pip; stop-loss and take-profit from the fill', async (t) => {
  const broker = new PaperBroker({ slippage: { kind: 'fixed', pips: 0.5 } });
  const b = broker.fill(orderAt(oanda, 0, 'buy', { stopLossPips: 15, takeProfitPips: 30 }));
  t.same([b.price, b.stopLossPrice, b.takeProfitPrice, b.slippagePips], [1.38691, 1.38541, 1.38991, 0.5]);
  const s = broker.fill(orderAt(oanda, 0, 'sell', { stopLossPips: 15, takeProfitPips: 30 }));
  t.same([s.price, s.stopLossPrice, s.takeProfitPrice], [1.38671, 1.38821, 1.38371]);
  const jpy = new PaperBroker().fill({ signalId: 'j', account: 'a', instrument: 'USD_JPY', side: 'buy', units: 1, timeMs: 1,
    bid: 102.151, ask: 102.163, stopLossPips: 20 });
  t.same([jpy.price, jpy.stopLossPrice, jpy.takeProfitPrice], [102.163, 101.963, null], 'JPY pip is 0.01');
});

t.test('random slippage is deterministic per order id and seed, within [0, max]', async (t) => {
  const model = { kind: 'random', maxPips: 2, seed: 7 } as const;
  const a = new PaperBroker({ slippage: model }), b = new PaperBroker({ slippage: model });
  const c = new PaperBroker({ slippage: { ...model, seed: 8 } });
  const slips = new Set<number>();
  let differsBySeed = 0;
  for (const i of sample) {
    const oa = a.fill(orderAt(oanda, i, 'buy')), ob = b.fill(orderAt(oanda, i, 'buy')), oc = c.fill(orderAt(oanda, i, 'buy'));
    if (oa.price !== ob.price || oa.id !== ob.id) t.fail(`tick ${i}: ${oa.price} vs ${ob.price}`);
    if (oa.slippagePips < 0 || oa.slippagePips > 2 || Math.round(oa.slippagePips * 10) !== oa.slippagePips * 10) t.fail(`slip ${oa.slippagePips}`);
    if (Math.abs(oa.price! - (oanda.ask[i] + oa.slippagePips * 1e-4)) > 1e-9) t.fail(`tick ${i}: price ${oa.price}`);
    if (oa.slippagePips !== oc.slippagePips) differsBySeed++;
    slips.add(oa.slippagePips);
  }
  t.ok(slips.size > 10, `draws vary across orders (${slips.size} distinct)`);
  t.ok(differsBySeed > sample.length / 2, 'another seed gives other draws');
});

t.test('latency model fills at the first tick at or after time + latency', async (t) => {
  const prices = tickColumnsPriceSource({ EUR_USD: oanda });
  const broker = new PaperBroker({ latency: { kind: 'fixed', ms: 750 }, prices });
  let later = 0;
  for (const i of sample.slice(0, 50)) {
    let j = i;
    while (j < oanda.length && oanda.time[j] < oanda.time[i] + 750) j++;
    const o = broker.fill(orderAt(oanda, i, 'buy'));
    if (oanda.ask[j] < oanda.bid[j]) {
      t.equal(o.reason, 'CROSSED_QUOTE');
      continue;
    }
    if (o.status !== 'filled' || o.timeMs !== oanda.time[j] || o.price !== oanda.ask[j]) t.fail(`tick ${i}: ${JSON.stringify(o)} vs tick ${j}`);
    if (j > i) later++;
  }
  t.ok(later >= 45, `fills moved to a later tick (${later} of 50)`);
  const last = oanda.length - 1;
  t.equal(broker.fill(orderAt(oanda, last, 'sell')).reason, 'NO_PRICE', 'no tick after the end of the file');
  const zero = new PaperBroker({ latency: { kind: 'fixed', ms: 0 }, prices }).fill(orderAt(oanda, sample[3], 'sell'));
  t.same([zero.timeMs, zero.price], [oanda.time[sample[3]], oanda.bid[sample[3]]], '0 latency: the triggering tick');
  const r1 = new PaperBroker({ latency: { kind: 'random', maxMs: 5_000, seed: 1 }, prices });
  const r2 = new PaperBroker({ latency: { kind: 'random', maxMs: 5_000, seed: 1 }, prices });
  for (const i of sample.slice(0, 30)) t.same(r1.fill(orderAt(oanda, i, 'buy')), r2.fill(orderAt(oanda, i, 'buy')));
  t.throws(() => new PaperBroker({ latency: { kind: 'fixed', ms: 10 } }), { code: 'PS_BAD_ARGUMENT' }, 'latency needs a price source');
  t.throws(() => new PaperBroker({ slippage: { kind: 'fixed', pips: -1 } }), { code: 'PS_BAD_ARGUMENT' });
});

t.test('order ids come from the signal; a resubmitted order yields its original outcome', async (t) => {
  const broker = new PaperBroker({ slippage: { kind: 'random', maxPips: 3, seed: 1 } });
  const o = orderAt(oanda, sample[5], 'buy');
  const first = await broker.submit(o);
  t.equal(first.id, orderIdFor(o.signalId, o.timeMs));
  t.match(first.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  t.equal(new PaperBroker().fill(o).id, first.id, 'same id in another run');
  t.not(orderIdFor('other', o.timeMs), first.id);
  const again = await broker.submit({ ...o, bid: 2, ask: 2.1 });
  t.equal(again, first, 'duplicate returns the original outcome');
});

t.test('malformed orders are rejected with INVALID_ORDER', async (t) => {
  const broker = new PaperBroker();
  const base = orderAt(oanda, 0, 'buy');
  for (const bad of [{ units: 0 }, { units: 1.5 }, { units: -10 }, { side: 'hold' as 'buy' }, { ask: NaN }, { bid: 0 },
    { stopLossPips: -5 }, { takeProfitPips: Infinity }]) {
    const o = broker.fill({ ...base, ...bad, signalId: JSON.stringify(bad) });
    t.same([o.status, o.reason], ['rejected', 'INVALID_ORDER'], JSON.stringify(bad));
  }
});

t.test('the --orders line has the contract keys in order', async (t) => {
  const broker = new PaperBroker();
  const filled = broker.fill(orderAt(oanda, 0, 'buy'));
  const line = orderLine(filled);
  t.same(Object.keys(JSON.parse(line)), ['id', 'signal_id', 'instrument', 'side', 'units', 'price', 'status', 'reason', 'time_ms']);
  t.same(JSON.parse(line), { id: filled.id, signal_id: 'sig-0-buy', instrument: 'EUR_USD', side: 'buy', units: 10_000,
    price: 1.38686, status: 'filled', reason: null, time_ms: 1398902400292 });
  const crossed = broker.fill({ ...orderAt(oanda, 0, 'sell'), bid: 1.4, ask: 1.39 });
  t.match(orderLine(crossed), /"price":null,"status":"rejected","reason":"CROSSED_QUOTE"/);
});

t.test('accountView: the positions its fills built net exactly as the Portfolio does; trades close FIFO', async (t) => {
  const broker = new PaperBroker();
  const pf = new Portfolio();
  const trades: number[] = [];
  for (const [k, i] of sample.slice(0, 120).entries()) {
    const side = (k * 7) % 3 === 0 ? 'sell' : 'buy';
    const units = 1_000 * (1 + ((k * 13) % 5));
    const o = broker.fill(orderAt(oanda, i, side, { signalId: `view-${k}`, units }));
    if (o.status !== 'filled') continue;
    const signed = side === 'buy' ? units : -units;
    pf.applyFill(pf.position('acct-1', 'EUR_USD'), signed, o.price!, o.timeMs);
    // FIFO model: reduce the oldest opposite trades, open a trade with the rest.
    let rest = signed;
    while (rest !== 0 && trades.length > 0 && Math.sign(trades[0]) !== Math.sign(rest)) {
      const take = Math.sign(rest) * Math.min(Math.abs(rest), Math.abs(trades[0]));
      trades[0] += take;
      rest -= take;
      if (trades[0] === 0) trades.shift();
    }
    if (rest !== 0) trades.push(rest);
  }
  const view = await broker.accountView('acct-1');
  const p = pf.positionSnapshot(pf.position('acct-1', 'EUR_USD'));
  t.same(view.positions, p.units === 0 ? [] : [{ instrument: 'EUR_USD', units: p.units, avgPrice: p.avgPrice, trades }]);
  t.equal(view.openTradeCount, trades.length);
  t.same(pf.tradeUnits(pf.position('acct-1', 'EUR_USD')), trades, "the Portfolio's trades are the broker's");
  t.match(view, { account: 'acct-1', brokerAccountId: 'acct-1', balance: null, transactions: [] });
  t.equal(view.lastTransactionId, '120', 'one fill transaction per filled order');
  const since = await broker.accountView('acct-1', '118');
  t.same(since.transactions.map((x) => x.id), ['119', '120']);
  t.match(since.transactions[1], { type: 'ORDER_FILL', clientOrderId: 'view-119', instrument: 'EUR_USD' });
  broker.fill(orderAt(oanda, sample[0], 'buy', { signalId: 'view-0', units: 999 }));
  t.equal((await broker.accountView('acct-1')).lastTransactionId, '120', 'a resubmitted order is not booked twice');
  t.same((await broker.accountView('nobody')).positions, []);
});

t.test('a long run keeps a bounded history: the latest outcomes answer resubmissions, fills are numbered on, reconciliation reads the kept ones', async (t) => {
  const broker = new PaperBroker({ remember: 3 });
  const orders = sample.slice(0, 10).map((i, k) => orderAt(oanda, i, k % 3 === 2 ? 'sell' : 'buy'));
  const outcomes = orders.map((o) => broker.fill(o));
  t.ok(outcomes.every((o) => o.status === 'filled'));
  t.equal(broker.fill(orders[9]!), outcomes[9], 'the latest order resubmitted: its original outcome');
  t.equal(broker.fill(orders[7]!), outcomes[7], 'so are the ones before it, up to `remember`');
  const all = await broker.accountView('acct-1', '0');
  t.equal(all.lastTransactionId, '10', 'fills are numbered from the start');
  t.ok(all.transactions.length >= 3 && all.transactions.length < 6, `at most 2 × remember fills kept (${all.transactions.length})`);
  t.same(all.transactions.map((x) => x.id), Array.from({ length: all.transactions.length }, (_, k) => String(11 - all.transactions.length + k)),
    'the newest ones, in order');
  t.same((await broker.accountView('acct-1', '8')).transactions.map((x) => x.id), ['9', '10'], 'since an id: what came after it');
  const net = orders.reduce((n, o) => n + (o.side === 'buy' ? o.units : -o.units), 0);
  t.equal((await broker.accountView('acct-1')).positions.reduce((n, p) => n + p.units, 0), net, 'positions are never dropped');
  t.throws(() => new PaperBroker({ remember: 0 }), { code: 'PS_BAD_ARGUMENT' });
});

t.test('quote(): a trade closes at the first tick that reaches its stop-loss or take-profit, at that tick\'s price', async (t) => {
  const broker = new PaperBroker();
  const q = (bid: number, ask: number, timeMs = 2000) => broker.quote('EUR_USD', timeMs, bid, ask);
  const base = { account: 'acct-1', instrument: 'EUR_USD', units: 1000, timeMs: 1000, bid: 1.1, ask: 1.1001 } as const;
  const long = broker.fill({ ...base, signalId: 'long', side: 'buy', stopLossPips: 10, takeProfitPips: 20 });
  t.match(long, { price: 1.1001, stopLossPrice: 1.0991, takeProfitPrice: 1.1021 });
  const short = broker.fill({ ...base, signalId: 'short', side: 'sell', units: 400, stopLossPips: 5 });
  t.match(short, { price: 1.1, stopLossPrice: 1.1005, takeProfitPrice: null });
  // The short reduced the long first-in first-out: one trade of 600 long with the long's levels; the short opened none.
  t.equal((await broker.accountView('acct-1')).openTradeCount, 1);
  t.same(q(1.1005, 1.1006), [], 'the short\'s stop belongs to no open trade: nothing');
  t.same(q(1.102, 1.1019), [], 'a crossed quote closes nothing');
  t.same(q(1.0992, 1.0993), [], 'above the stop, below the target: nothing');
  const [close, ...more] = q(1.0985, 1.0987, 3000);
  t.same(more, []);
  t.match(close, { signalId: 'long', account: 'acct-1', side: 'sell', units: 600, price: 1.0985, status: 'filled', reason: BROKER_REASON.STOP_LOSS, timeMs: 3000 },
    'at the tick\'s bid, past the level (a gap)');
  t.equal(close.id.length, 36);
  t.not(close.id, long.id, 'an id of its own, derived from the opening order\'s');
  t.same(q(1.08, 1.0801), [], 'closed once');
  const view = await broker.accountView('acct-1', '2');
  t.same(view.positions, []);
  t.equal(view.openTradeCount, 0);
  t.match(view.transactions, [{ type: 'ORDER_FILL', units: -600, price: 1.0985, clientOrderId: null, reason: 'STOP_LOSS_ORDER' }],
    'a fill the engine did not place, as OANDA reports its stop-loss fills');

  // A short's take-profit: at the ask once it is at or below the target.
  const s2 = broker.fill({ ...base, signalId: 'short-2', side: 'sell', takeProfitPips: 10, timeMs: 4000 });
  t.match(s2, { price: 1.1, takeProfitPrice: 1.099 });
  t.same(q(1.0989, 1.0991, 4500), [], 'the ask above the target');
  t.same(q(1.0988, 1.099, 3999), [], 'a tick older than the trade closes nothing (the same ticks run again after a restart)');
  t.match(q(1.0988, 1.099, 5000), [{ signalId: 'short-2', side: 'buy', units: 1000, price: 1.099, reason: BROKER_REASON.TAKE_PROFIT }]);
  t.same(broker.quote('USD_JPY', 5000, 101, 101.01), [], 'another instrument: nothing');
});

t.test("a stop-loss or take-profit closes its own trade, wherever it stands, at the broker and in the Portfolio alike", async (t) => {
  const broker = new PaperBroker();
  // The books of a trade path (a fill on the portfolio, the broker's closes booked as they come), and a portfolio
  // that books the closes as a plain fill (first-in first-out), for the case this test must contain.
  const fifo = new Portfolio();
  let closes = 0, diverged = false;
  const book = new TradeBook(new Portfolio(), broker, {
    budgetOf: () => null,
    onClose: (c) => {
      closes++;
      fifo.applyFill(fifo.position('acct-1', 'EUR_USD'), c.side === 'buy' ? c.units : -c.units, c.price!, c.timeMs);
      return true;
    },
  });
  const pos = book.position('acct-1', 'EUR_USD');
  for (let i = 0, k = 0; i < 60_000; i++) {
    if (!(oanda.ask[i] >= oanda.bid[i])) continue;
    if (i % 150 === 0) {
      const side = k % 3 === 2 ? 'sell' : 'buy';
      const units = 1_000 * (1 + ((k * 7) % 4));
      const o = broker.fill(orderAt(oanda, i, side, { signalId: `own-${k}`, units, stopLossPips: 4 + (k % 5), takeProfitPips: 3 + ((k * 3) % 7) }));
      k++;
      if (o.status === 'filled') {
        const signed = side === 'buy' ? units : -units;
        book.book('acct-1', 'EUR_USD', signed, o.price!, o.timeMs, false, o.signalId);
        fifo.applyFill(fifo.position('acct-1', 'EUR_USD'), signed, o.price!, o.timeMs);
      }
    }
    book.mark('EUR_USD', oanda.time[i], oanda.bid[i], oanda.ask[i]);
    const held = (await broker.accountView('acct-1')).positions[0]?.trades ?? [];
    if (book.portfolio.tradeUnits(pos).join() !== held.join()) {
      t.fail(`tick ${i}: the portfolio's trades [${book.portfolio.tradeUnits(pos).join(', ')}] are not the broker's [${held.join(', ')}]`);
      return;
    }
    diverged ||= fifo.tradeUnits(fifo.position('acct-1', 'EUR_USD')).join() !== held.join();
  }
  t.ok(closes > 20, `${closes} trades closed at their stop-loss or take-profit`);
  t.ok(diverged, 'among them, trades that were not the oldest (booked first-in first-out, the portfolio would have kept the wrong ones)');
  t.equal(book.portfolio.units(pos), fifo.units(fifo.position('acct-1', 'EUR_USD')), 'the units are the same either way');
});
