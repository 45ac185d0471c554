import t, { type Test } from 'tap';
import { PaperBroker, Reconciler, createOandaBroker, engineAccountView, reconcile } from '../actors/execution/mod.ts';
import type { Broker, OandaBrokerOptions, OrderOutcome, OrderRequest, ReconcileReport, ReconcilerOptions } from '../actors/execution/mod.ts';
import { Portfolio } from '../engine/portfolio/mod.ts';
import { startRestLoopback } from './helpers/oanda-rest-server.ts';

const TOKEN = 'test-token';
const ACCOUNT = '101-004-7654321-001';
/** The engine's name for the account (what orders carry). */
const ACC = 'acc-1';

async function setup(t: Test, opts: Partial<OandaBrokerOptions> = {}) {
  // Mutable: each order fills at the price set for its instrument at the time.
  const prices: Record<string, string> = { EUR_USD: '1.10005', USD_JPY: '151.237', GBP_USD: '1.27001' };
  const server = await startRestLoopback({ token: TOKEN, accountId: ACCOUNT, fillPrice: prices, netting: true });
  const broker = createOandaBroker({ restUrl: server.url, accountId: ACCOUNT, token: TOKEN, timeoutMs: 2000,
    backoffBaseMs: 1, backoffMaxMs: 5, ...opts });
  const portfolio = new Portfolio({ defaultBalance: 100_000 });
  t.teardown(async () => { await broker.close(); await server.close(); });
  return { server, broker, portfolio, prices };
}

let n = 0;
function order(over: Partial<OrderRequest> = {}): OrderRequest {
  return { signalId: `rec-${process.pid}-${n++}`, account: ACC, instrument: 'EUR_USD', side: 'buy', units: 1000,
    timeMs: 1_700_000_000_000, bid: 1.1, ask: 1.10002, ...over };
}

/** What the execution path does with a fill: book it into the Portfolio. */
function book(pf: Portfolio, o: OrderOutcome): void {
  if (o.status !== 'filled') throw new Error(`not filled: ${JSON.stringify(o)}`);
  pf.applyFill(pf.position(o.account, o.instrument), o.side === 'buy' ? o.units : -o.units, o.price!, o.timeMs);
}

async function trade(broker: Broker, pf: Portfolio, over: Partial<OrderRequest> = {}): Promise<OrderOutcome> {
  const out = await broker.submit(order(over));
  book(pf, out);
  return out;
}

function reconciler(broker: Broker, portfolio: Portfolio, over: Partial<ReconcilerOptions> = {}) {
  const reports: ReconcileReport[] = [];
  const r = new Reconciler({ broker, portfolio, account: ACC, policy: 'adopt', onReport: (x) => reports.push(x), ...over });
  return { r, reports };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

t.test('the same state on both sides: an empty report', async (t) => {
  const { broker, portfolio, prices } = await setup(t);
  await trade(broker, portfolio);
  prices.EUR_USD = '1.10012';
  await trade(broker, portfolio, { units: 3000 });
  await trade(broker, portfolio, { instrument: 'USD_JPY', side: 'sell', units: 500, bid: 151.23, ask: 151.25 });

  const view = await broker.accountView(ACC);
  t.match(view, { account: ACC, brokerAccountId: ACCOUNT, openTradeCount: 3, balance: 100000, transactions: [] });
  t.same(view.positions.map((p) => [p.instrument, p.units]), [['EUR_USD', 4000], ['USD_JPY', -500]]);
  t.equal(view.positions[0].avgPrice, 1.1001, 'OANDA rounds the average (1.1001025) to a tenth of a pip');
  t.same(reconcile(engineAccountView(portfolio, ACC, { openTradeCount: 3, balance: true }), view), [],
    'the rounded average is within the default tolerance');

  const { r, reports } = reconciler(broker, portfolio, { policy: 'halt', halt: () => { t.fail('no halt on a match'); }, compareBalance: true,
    openTradeCount: () => 3 });
  const report = await r.start();
  await r.stop();
  t.match(report, { ok: true, differences: [], action: 'none', error: null, account: ACC, broker: 'oanda', brokerAccountId: ACCOUNT,
    sinceTransactionId: null, transactions: [], unseenFills: [] });
  t.type(report.lastTransactionId, 'string');
  t.same(reports, [report]);
  t.same(JSON.parse(JSON.stringify(report)), report, 'JSON-serialisable');
});

t.test('differences: units, average price, an instrument unknown to the engine, a position missing at the broker', async (t) => {
  const { server, broker, portfolio } = await setup(t);
  await trade(broker, portfolio);
  const mark = (await broker.accountView(ACC)).lastTransactionId;
  // Made on the platform by hand: pipstream never saw these fills.
  const extra = server.injectFill({ instrument: 'EUR_USD', units: 500, price: '1.10100' });
  const gbp = server.injectFill({ instrument: 'GBP_USD', units: -2000, price: '1.27001' });
  // Booked by the engine only.
  portfolio.applyFill(portfolio.position(ACC, 'USD_JPY'), 700, 151.25, 1);

  const { r } = reconciler(broker, portfolio, { policy: 'halt', halt: () => {}, sinceTransactionId: mark, openTradeCount: () => 2 });
  const report = await r.run();
  t.equal(report.ok, false);
  t.same(report.differences, [
    { kind: 'UNITS_MISMATCH', instrument: 'EUR_USD', field: 'units', engine: 1000, broker: 1500 },
    { kind: 'AVG_PRICE_MISMATCH', instrument: 'EUR_USD', field: 'avgPrice', engine: 1.10005, broker: 1.10037 },
    { kind: 'UNKNOWN_TO_ENGINE', instrument: 'GBP_USD', field: 'units', engine: 0, broker: -2000 },
    { kind: 'MISSING_AT_BROKER', instrument: 'USD_JPY', field: 'units', engine: 700, broker: 0 },
    { kind: 'OPEN_TRADES_MISMATCH', instrument: null, field: 'openTradeCount', engine: 2, broker: 3 },
  ]);
  t.same(report.unseenFills, [extra, gbp], 'the fills the engine never saw since the last reconciliation');
  t.same(report.transactions.map((x) => [x.type, x.clientOrderId]), [['MARKET_ORDER', null], ['ORDER_FILL', null],
    ['MARKET_ORDER', null], ['ORDER_FILL', null]]);
  t.match(report.transactions[1], { id: extra, instrument: 'EUR_USD', units: 500, price: 1.101 });
  t.equal(report.sinceTransactionId, mark);
});

t.test('an account view is read again when a transaction lands between its reads', async (t) => {
  const { server, broker } = await setup(t);
  // The positions read answers late; the fill lands after it was taken, before the trades read.
  server.getPlans = [{ delayMs: 0 }, { delayMs: 150 }];
  const reading = broker.accountView(ACC);
  while (server.getPlans.length > 0) await sleep(5);
  const fill = server.injectFill({ instrument: 'EUR_USD', units: 1000, price: '1.10005' });
  const view = await reading;
  t.match(view, { positions: [{ instrument: 'EUR_USD', units: 1000 }], openTradeCount: 1, lastTransactionId: fill });
  t.equal(server.requests.length, 8, 'two rounds of four reads');
});

t.test('average price tolerance: in pips of the instrument, configurable', async (t) => {
  const { broker, portfolio } = await setup(t);
  await broker.submit(order());
  await broker.submit(order({ instrument: 'USD_JPY', units: 100 }));
  portfolio.applyFill(portfolio.position(ACC, 'EUR_USD'), 1000, 1.100054, 1); // 0.04 pip off
  portfolio.applyFill(portfolio.position(ACC, 'USD_JPY'), 100, 151.2375, 1); // 0.05 pip off (a JPY pip is 0.01)
  const view = await broker.accountView(ACC);
  const engine = engineAccountView(portfolio, ACC);
  t.same(reconcile(engine, view), []);
  t.same(reconcile(engine, view, { avgPricePips: 0.04 }).map((d) => [d.kind, d.instrument]), [['AVG_PRICE_MISMATCH', 'USD_JPY']]);
  t.same(reconcile(engine, view, { avgPricePips: 0 }).length, 2);
  t.throws(() => reconcile(engine, view, { avgPricePips: -1 }), { code: 'PS_BAD_ARGUMENT' });
});

t.test("'adopt' makes the Portfolio equal to the broker, with P&L consistent", async (t) => {
  const { server, broker, portfolio } = await setup(t);
  await trade(broker, portfolio); // long 1000 @ 1.10005 on both sides
  await trade(broker, portfolio, { instrument: 'USD_JPY', units: 200, bid: 151.23, ask: 151.25 });
  server.injectFill({ instrument: 'EUR_USD', units: 3000, price: '1.10105' }); // 4000 @ 1.10080 at the broker
  server.injectFill({ instrument: 'USD_JPY', units: -200, price: '151.737', reason: 'STOP_LOSS_ORDER' }); // closed: +100 realized
  server.injectFill({ instrument: 'GBP_USD', units: -1000, price: '1.27001' });
  portfolio.applyFill(portfolio.position(ACC, 'AUD_USD'), 1000, 0.65, 1); // engine-only
  const eur = portfolio.instrument('EUR_USD');
  portfolio.mark(eur, 2, 1.1009, 1.1011);
  const realizedBefore = portfolio.accountSnapshot(portfolio.account(ACC)).realized;

  const { r, reports } = reconciler(broker, portfolio, { compareBalance: true });
  const first = await r.run();
  t.equal(first.action, 'adopted');
  t.same(first.differences.map((d) => [d.kind, d.instrument]), [['MISSING_AT_BROKER', 'AUD_USD'], ['UNITS_MISMATCH', 'EUR_USD'],
    ['AVG_PRICE_MISMATCH', 'EUR_USD'], ['UNKNOWN_TO_ENGINE', 'GBP_USD'], ['MISSING_AT_BROKER', 'USD_JPY'], ['BALANCE_MISMATCH', null]]);

  const view = await broker.accountView(ACC);
  t.same(engineAccountView(portfolio, ACC).positions, view.positions, 'the Portfolio holds exactly what the broker holds, trades included');
  const second = await r.run();
  t.match(second, { ok: true, differences: [], action: 'none' }, 'nothing left to reconcile');
  t.equal(reports.length, 2);

  // P&L: nothing realized by adopting; the cash balance is the broker's; unrealized is marked at the last quote.
  const acct = portfolio.accountSnapshot(portfolio.account(ACC));
  t.equal(acct.realized, realizedBefore);
  t.equal(acct.balance + acct.realized, 100_100, 'the broker balance, stop-loss profit included');
  const e = portfolio.positionSnapshot(portfolio.position(ACC, 'EUR_USD'));
  t.match(e, { units: 4000, avgPrice: 1.1008 });
  t.ok(Math.abs(e.unrealized - (1.1009 - 1.1008) * 4000) < 1e-9, 'long marked at the last bid against the adopted average');
  const g = portfolio.positionSnapshot(portfolio.position(ACC, 'GBP_USD'));
  t.equal(g.unrealized, 0, 'no quote yet: marked at its own average');
  const sum = portfolio.positionsOf(ACC).reduce((s, p) => s + p.unrealized, 0);
  t.ok(Math.abs(acct.unrealized - sum) < 1e-9, 'account unrealized is the sum of its positions');
  t.ok(Math.abs(acct.equity - (acct.balance + acct.realized + acct.unrealized)) < 1e-9);
  t.equal(portfolio.positionSnapshot(portfolio.position(ACC, 'AUD_USD')).unrealized, 0, 'a position adopted flat has no P&L');

  // Later fills realize against the adopted average.
  const realized = portfolio.applyFill(portfolio.position(ACC, 'EUR_USD'), -4000, 1.1010, 3);
  t.ok(Math.abs(realized - (1.1010 - 1.1008) * 4000) < 1e-9);
});

t.test("'halt' calls the hook with the report and leaves the Portfolio alone", async (t) => {
  const { server, broker, portfolio } = await setup(t);
  await trade(broker, portfolio);
  server.injectFill({ instrument: 'EUR_USD', units: -1000, price: '1.09805', reason: 'STOP_LOSS_ORDER' });
  const calls: [string, ReconcileReport][] = [];
  const { r } = reconciler(broker, portfolio, { policy: 'halt', halt: async (account, report) => { calls.push([account, report]); } });
  const report = await r.run();
  t.equal(calls.length, 1);
  t.equal(calls[0][0], ACC);
  t.same(calls[0][1].differences, report.differences);
  t.same(report.differences, [{ kind: 'MISSING_AT_BROKER', instrument: 'EUR_USD', field: 'units', engine: 1000, broker: 0 }]);
  t.match(report, { action: 'halted', ok: false, error: null });
  t.equal(portfolio.units(portfolio.position(ACC, 'EUR_USD')), 1000, 'not adopted');

  const failing = reconciler(broker, portfolio, { policy: 'halt', halt: () => { throw new Error('risk memory gone'); } });
  t.match(await failing.r.run(), { action: 'failed', error: { code: 'PS_RECONCILE_FAILED', details: { stage: 'policy' } },
    differences: [{ kind: 'MISSING_AT_BROKER' }] }, 'a failing hook is reported, not thrown');
  t.throws(() => new Reconciler({ broker, portfolio, account: ACC, policy: 'halt' }), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => new Reconciler({ broker: { name: 'x', submit: broker.submit.bind(broker) }, portfolio, account: ACC, policy: 'adopt' }),
    { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => new Reconciler({ broker, portfolio, account: ACC, policy: 'adopt', intervalMs: 0 }), { code: 'PS_BAD_ARGUMENT' });
});

t.test('periodic runs note the transactions since the previous one; stop() ends them', async (t) => {
  const { server, broker, portfolio } = await setup(t);
  await trade(broker, portfolio);
  const { r, reports } = reconciler(broker, portfolio, { policy: 'halt', halt: () => {}, intervalMs: 40 });
  const first = await r.start();
  t.match(first, { ok: true, transactions: [], sinceTransactionId: null });
  await trade(broker, portfolio, { side: 'sell', units: 400 });
  const manual = server.injectFill({ instrument: 'GBP_USD', units: 1000, price: '1.27001' });
  while (!reports.some((x) => x.unseenFills.length > 0)) await sleep(10);
  const count = reports.length;
  // Every 40 ms; a run itself takes a few HTTP round trips, longer on a loaded machine.
  const deadline = Date.now() + 10_000;
  while (reports.length < count + 1 && Date.now() < deadline) await sleep(10);
  t.ok(reports.length >= count + 1, 'keeps running');
  const later = reports.slice(1);
  t.equal(later[0].sinceTransactionId, first.lastTransactionId, 'from where the previous run ended');
  for (let i = 1; i < later.length; i++) t.equal(later[i].sinceTransactionId, later[i - 1].lastTransactionId);
  // A run may land between the engine's order and the manual fill: count over all runs.
  t.same(later.flatMap((x) => x.unseenFills), [manual], 'only the fill the engine did not place is unseen');
  t.same(later.flatMap((x) => x.transactions).map((x) => [x.type, x.clientOrderId === null]), [
    ['MARKET_ORDER', false], ['ORDER_FILL', false], ['MARKET_ORDER', true], ['ORDER_FILL', true]], 'each transaction reported once');
  t.same(reports.at(-1)!.differences.map((d) => [d.kind, d.instrument]), [['UNKNOWN_TO_ENGINE', 'GBP_USD']]);
  await r.stop();
  const stopped = reports.length;
  await sleep(100);
  t.equal(reports.length, stopped, 'no run after stop()');
});

t.test('a broker failure (HTTP 503, timeout) is reported with its code; the next period succeeds', async (t) => {
  const { server, broker, portfolio } = await setup(t, { maxAttempts: 1, timeoutMs: 150 });
  await trade(broker, portfolio);
  const { r, reports } = reconciler(broker, portfolio, { policy: 'halt', halt: () => { t.fail('no halt without a view'); }, intervalMs: 30 });
  await r.run();
  const mark = r.last!.lastTransactionId;
  server.getPlans = [{ status: 503, body: { errorMessage: 'Service unavailable' } }];
  const failed = await r.start();
  t.match(failed, { ok: false, action: 'failed', differences: [],
    error: { code: 'PS_OANDA_HTTP', details: { status: 503, stage: 'broker' } } });
  while (reports.length < 3) await sleep(5);
  t.match(reports[2], { ok: true, error: null, sinceTransactionId: mark }, 'the next period succeeds, from the same mark');

  server.getPlans = [{ delayMs: 400 }];
  const before = reports.length;
  while (reports.length < before + 2) await sleep(5);
  t.match(reports[before], { action: 'failed', error: { code: 'PS_TIMEOUT', details: { stage: 'broker' } } });
  t.match(reports[before + 1], { ok: true });
  await r.stop();
});

t.test('stop() resolves once the run in progress has ended', async (t) => {
  const { server, broker, portfolio } = await setup(t);
  const { r, reports } = reconciler(broker, portfolio, { intervalMs: 20 });
  await r.start();
  server.getPlans = [{ delayMs: 200 }];
  while (server.getPlans.length > 0) await sleep(5);
  await r.stop();
  t.equal(reports.length, 2, 'the slow run finished before stop() resolved');
  t.match(reports[1], { ok: true });
});

t.test('a full bulkhead fails the run with PS_BROKER_BUSY; the next run succeeds', async (t) => {
  const { server, broker, portfolio } = await setup(t, { bulkheadLimit: 1 });
  server.postPlans = [{ delayMs: 300 }];
  const pending = trade(broker, portfolio);
  const { r } = reconciler(broker, portfolio);
  t.match(await r.run(), { action: 'failed', error: { code: 'PS_BROKER_BUSY', details: { stage: 'broker', sent: false } } });
  await pending;
  t.match(await r.run(), { ok: true });
});

t.test('paper broker: its fills reconcile; what the engine booked alone is found and adopted', async (t) => {
  const broker = new PaperBroker();
  const portfolio = new Portfolio();
  const q = { bid: 1.1, ask: 1.10002 };
  for (const [side, units] of [['buy', 1000], ['buy', 3000], ['sell', 1500]] as const) book(portfolio, broker.fill(order({ side, units, ...q })));
  book(portfolio, broker.fill(order({ instrument: 'USD_JPY', side: 'sell', units: 100, bid: 151.2, ask: 151.21 })));
  const view = await broker.accountView(ACC);
  t.same(view.positions, [{ instrument: 'EUR_USD', units: 2500, avgPrice: 1.10002, trades: [2500] }, { instrument: 'USD_JPY', units: -100, avgPrice: 151.2, trades: [-100] }]);
  t.equal(view.openTradeCount, 2, 'FIFO: the sell closed the first buy and reduced the second');
  t.equal(view.balance, null);
  t.same(reconcile(engineAccountView(portfolio, ACC), view), []);
  t.same((await broker.accountView('other')).positions, [], 'per account');

  const { r } = reconciler(broker, portfolio, { sinceTransactionId: '2' });
  const first = await r.run();
  t.match(first, { ok: true, lastTransactionId: '4', unseenFills: [] });
  t.same(first.transactions.map((x) => [x.id, x.units]), [['3', -1500], ['4', -100]]);
  portfolio.applyFill(portfolio.position(ACC, 'EUR_USD'), 500, 1.2, 2);
  const second = await r.run();
  t.same(second.differences.map((d) => d.kind), ['UNITS_MISMATCH', 'AVG_PRICE_MISMATCH']);
  t.equal(second.action, 'adopted');
  t.same(engineAccountView(portfolio, ACC).positions, (await broker.accountView(ACC)).positions);
  t.match(await r.run(), { ok: true, transactions: [] });
});
