import fc from 'fast-check';
import t, { type Test } from 'tap';
import { BROKER_REASON, createOandaBroker, oandaDecimal as decimal } from '../actors/execution/mod.ts';
import type { OandaBrokerOptions, OrderRequest } from '../actors/execution/mod.ts';
import { isPipstreamError } from '../engine/errors/mod.ts';
import { startRestLoopback } from './helpers/oanda-rest-server.ts';
import type { RestLoopback } from './helpers/oanda-rest-server.ts';

const TOKEN = 'test-token';
const ACCOUNT = '101-004-1234567-001';

async function setup(t: Test, opts: Partial<OandaBrokerOptions> = {}) {
  const server = await startRestLoopback({ token: TOKEN, accountId: ACCOUNT, fillPrice: { EUR_USD: '1.10005', USD_JPY: '151.237' } });
  const broker = createOandaBroker({ restUrl: server.url, accountId: ACCOUNT, token: TOKEN, timeoutMs: 2000,
    backoffBaseMs: 1, backoffMaxMs: 5, ...opts });
  t.teardown(async () => { await broker.close(); await server.close(); });
  return { server, broker };
}

let n = 0;
function order(over: Partial<OrderRequest> = {}): OrderRequest {
  return { signalId: `sig-${process.pid}-${n++}`, account: 'acc', instrument: 'EUR_USD', side: 'buy', units: 1000,
    timeMs: 1_700_000_000_000, bid: 1.1, ask: 1.10002, ...over };
}

const posts = (s: RestLoopback) => s.requests.filter((r) => r.method === 'POST');

t.test('a market order fills: FOK, signed units, client id, SL/TP at instrument precision', async (t) => {
  const { server, broker } = await setup(t);
  const buy = order({ stopLossPips: 20, takeProfitPips: 40 });
  const out = await broker.submit(buy);
  t.match(out, { status: 'filled', price: 1.10005, units: 1000, reason: null, side: 'buy', signalId: buy.signalId,
    stopLossPrice: 1.09802, takeProfitPrice: 1.10402, oandaReason: null });
  t.equal(out.timeMs, Date.parse('2026-11-20T10:00:00.123Z'));
  t.same(posts(server)[0].body, { order: { type: 'MARKET', instrument: 'EUR_USD', units: '1000', timeInForce: 'FOK',
    positionFill: 'DEFAULT', clientExtensions: { id: buy.signalId }, stopLossOnFill: { price: '1.09802' },
    takeProfitOnFill: { price: '1.10402' } } });

  const sell = order({ instrument: 'USD_JPY', side: 'sell', units: 500, bid: 151.234, ask: 151.25, stopLossPips: 15 });
  const s = await broker.submit(sell);
  t.match(s, { status: 'filled', price: 151.237, units: 500, stopLossPrice: 151.384, takeProfitPrice: null });
  t.same(posts(server)[1].body, { order: { type: 'MARKET', instrument: 'USD_JPY', units: '-500', timeInForce: 'FOK',
    positionFill: 'DEFAULT', clientExtensions: { id: sell.signalId }, stopLossOnFill: { price: '151.384' } } });

  t.equal(await broker.submit(buy), out, 'a resubmitted order yields its original outcome');
  const again = order();
  const [a, b] = await Promise.all([broker.submit(again), broker.submit(again)]);
  t.equal(a, b);
  t.equal(posts(server).length, 3, 'no POST for a known order, one for concurrent twins');
  t.equal(server.ordersCreated, 3);
});

t.test('an invalid order is rejected locally, never sent', async (t) => {
  const { server, broker } = await setup(t);
  t.match(await broker.submit(order({ units: 0 })), { status: 'rejected', reason: BROKER_REASON.INVALID_ORDER });
  t.match(await broker.submit(order({ stopLossPips: -3 })), { status: 'rejected', reason: BROKER_REASON.INVALID_ORDER });
  t.equal(server.requests.length, 0);
});

t.test('cancels and rejects map to BROKER_REJECTED with OANDA\'s reason', async (t) => {
  const { server, broker } = await setup(t);
  server.postPlans = [{ cancelReason: 'INSUFFICIENT_MARGIN' }, { cancelReason: 'MARKET_HALTED' }, { rejectReason: 'UNITS_INVALID' }];
  for (const reason of ['INSUFFICIENT_MARGIN', 'MARKET_HALTED', 'UNITS_INVALID']) {
    const out = await broker.submit(order());
    t.match(out, { status: 'rejected', price: null, reason: BROKER_REASON.BROKER_REJECTED, oandaReason: reason });
    t.type(out.transactionId, 'string');
  }
  t.equal(posts(server).length, 3, 'a broker refusal is an outcome, not retried');
});

t.test('a client id OANDA already has yields the original outcome (another process, same signal)', async (t) => {
  const { server, broker } = await setup(t);
  const o = order({ takeProfitPips: 10 });
  const first = await broker.submit(o);
  const other = createOandaBroker({ restUrl: server.url, accountId: ACCOUNT, token: TOKEN });
  t.teardown(() => other.close());
  const second = await other.submit(o);
  t.same(second, first);
  t.equal(server.ordersCreated, 1, 'exactly one order');
  t.match(server.requests.map((r) => `${r.method} ${r.status}`), ['POST 201', 'POST 400', 'GET 200', 'GET 200']);

  const cancelled = order();
  server.postPlans = [{ cancelReason: 'MARKET_HALTED' }];
  const c1 = await broker.submit(cancelled);
  t.same(await other.submit(cancelled), c1, 'a cancelled original is found as cancelled');
});

t.test('429 is retried after Retry-After', async (t) => {
  const { server, broker } = await setup(t);
  server.postPlans = [{ status: 429, body: { errorMessage: 'Too many requests' }, retryAfter: '1' }];
  const started = Date.now();
  const out = await broker.submit(order());
  t.equal(out.status, 'filled');
  t.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  t.same(server.requests.map((r) => `${r.method} ${r.status}`), ['POST 429', 'POST 201'], '429 means not processed: no lookup');
});

t.test('a slow POST times out and is resolved by client id: exactly one order', async (t) => {
  const { server, broker } = await setup(t, { timeoutMs: 200 });
  server.postPlans = [{ delayMs: 600 }];
  const o = order();
  const out = await broker.submit(o);
  t.match(out, { status: 'filled', price: 1.10005, units: 1000 });
  t.equal(server.ordersCreated, 1);
  t.equal(posts(server).length, 1, 'never re-posted');
  t.match(server.requests.map((r) => `${r.method} ${r.path}`).slice(1),
    [`GET /v3/accounts/${ACCOUNT}/orders/@${o.signalId}`, /^GET \/v3\/accounts\/.*\/transactions\/\d+$/]);
});

t.test('a connection reset mid-response is resolved by client id: exactly one order', async (t) => {
  const { server, broker } = await setup(t);
  server.postPlans = [{ reset: true }];
  const out = await broker.submit(order({ side: 'sell', units: 250 }));
  t.match(out, { status: 'filled', price: 1.10005, units: 250 });
  t.equal(server.ordersCreated, 1);
  t.equal(posts(server).length, 1);
});

t.test('a 5xx on POST is checked by client id before the POST is sent again', async (t) => {
  const { server, broker } = await setup(t);
  server.postPlans = [{ status: 502, body: { errorMessage: 'Bad gateway' } }];
  const out = await broker.submit(order());
  t.equal(out.status, 'filled');
  t.same(server.requests.map((r) => `${r.method} ${r.status}`), ['POST 502', 'GET 404', 'POST 201']);
  t.equal(server.ordersCreated, 1);
});

t.test('an outcome still unknown after the last attempt is reported as such; a resubmit resolves it', async (t) => {
  const { server, broker } = await setup(t, { timeoutMs: 150, maxAttempts: 2 });
  server.postPlans = [{ delayMs: 400 }];
  server.getPlans = [{ delayMs: 400 }];
  const o = order();
  await t.rejects(broker.submit(o), { code: 'PS_TIMEOUT', details: { outcomeUnknown: true, clientId: o.signalId } });
  const out = await broker.submit(o);
  t.equal(out.status, 'filled');
  t.equal(server.ordersCreated, 1, 'the resubmit found the original order');
});

t.test('401 is fatal and typed, never retried', async (t) => {
  const { server } = await setup(t);
  const bad = createOandaBroker({ restUrl: server.url, accountId: ACCOUNT, token: 'wrong', backoffBaseMs: 1 });
  t.teardown(() => bad.close());
  const err = await bad.submit(order()).then(() => null, (e: unknown) => e);
  t.ok(isPipstreamError(err, 'PS_OANDA_HTTP'));
  t.match(err, { details: { status: 401, fatal: true } });
  await t.rejects(bad.summary(), { code: 'PS_OANDA_HTTP', details: { status: 401 } });
  t.equal(server.requests.length, 2);
  t.equal(bad.breakerState, 'closed', 'auth failures do not open the breaker');
});

t.test('repeated 5xx open the breaker; then orders are rejected at once, never sent', async (t) => {
  const { server, broker } = await setup(t, { maxAttempts: 1, breakerThreshold: 3, breakerHalfOpenMs: 60_000 });
  server.postPlans = [{ status: 500 }, { status: 503 }, { status: 500 }];
  for (let i = 0; i < 3; i++) await t.rejects(broker.submit(order()), { code: 'PS_OANDA_HTTP', details: { retryable: true } });
  t.equal(broker.breakerState, 'open');
  const before = server.requests.length;
  const started = performance.now();
  const err = await broker.submit(order()).then(() => null, (e: unknown) => e);
  t.ok(performance.now() - started < 50, 'fast');
  t.match(err, { code: 'PS_BROKER_UNAVAILABLE', details: { reason: 'BROKER_UNAVAILABLE' } });
  await t.rejects(broker.summary(), { code: 'PS_BROKER_UNAVAILABLE' });
  t.equal(server.requests.length, before, 'nothing queued or sent');
});

t.test('the breaker half-opens after its delay and closes on a success', async (t) => {
  const { server, broker } = await setup(t, { maxAttempts: 1, breakerThreshold: 2, breakerHalfOpenMs: 100 });
  server.getPlans = [{ status: 503 }, { status: 503 }];
  await t.rejects(broker.summary(), { code: 'PS_OANDA_HTTP' });
  await t.rejects(broker.summary(), { code: 'PS_OANDA_HTTP' });
  await t.rejects(broker.summary(), { code: 'PS_BROKER_UNAVAILABLE' });
  await new Promise((r) => setTimeout(r, 150));
  t.match(await broker.summary(), { id: ACCOUNT });
  t.equal(broker.breakerState, 'closed');
  t.equal(server.requests.length, 3);
});

t.test('reconciliation documents parse into typed objects', async (t) => {
  const { server, broker } = await setup(t);
  await broker.submit(order({ stopLossPips: 20 }));
  await broker.submit(order({ side: 'sell', units: 300 }));
  const s = await broker.summary();
  t.match(s, { id: ACCOUNT, currency: 'USD', balance: 100000, nav: 100000, marginUsed: 44, openTradeCount: 2,
    openPositionCount: 1, pendingOrderCount: 0 });
  const [p] = await broker.openPositions();
  t.match(p, { instrument: 'EUR_USD', long: { units: 1000, averagePrice: 1.10005 }, short: { units: -300, averagePrice: 1.10005 } });
  const trades = await broker.openTrades();
  t.equal(trades.length, 2);
  t.match(trades.find((x) => x.currentUnits === 1000), { price: 1.10005, initialUnits: 1000, stopLossPrice: 1.09802,
    clientId: /^sig-/, openTimeMs: Date.parse('2026-11-20T10:00:00.123Z') });
  const page = await broker.transactionsSince('0');
  t.same(page.transactions.map((x) => x.type), ['MARKET_ORDER', 'ORDER_FILL', 'MARKET_ORDER', 'ORDER_FILL']);
  t.match(page.transactions[3], { units: -300, price: 1.10005, instrument: 'EUR_USD', reason: 'MARKET_ORDER' });
  const later = await broker.transactionsSince(page.transactions[1].id);
  t.equal(later.transactions.length, 2);
  t.equal(later.lastTransactionId, page.lastTransactionId);
  t.match(await broker.accountView('acc'), { account: 'acc', brokerAccountId: ACCOUNT, openTradeCount: 2, balance: 100000,
    positions: [{ instrument: 'EUR_USD', units: 700, avgPrice: 1.10005 }], lastTransactionId: page.lastTransactionId },
  'a hedging account is seen net: both sides at once');
  server.getPlans = [{ status: 200, body: { account: { id: ACCOUNT, balance: '1e5' } } }];
  await t.rejects(broker.summary(), { code: 'PS_OANDA_RESPONSE' });
});

t.test('decimal() parses plain decimal strings exactly as the number literal, and nothing else', async (t) => {
  fc.assert(fc.property(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.stringMatching(/^\d{0,9}$/),
    (neg, whole, frac) => {
      const s = `${neg ? '-' : ''}${whole}${frac === '' ? '' : `.${frac}`}`;
      return Object.is(decimal(s), Number(s));
    }));
  fc.assert(fc.property(fc.double({ min: 0.00001, max: 1000, noNaN: true }), (x) => {
    const s = x.toFixed(5);
    return decimal(s).toFixed(5) === s;
  }));
  for (const bad of ['', '1e5', ' 1.1', '1.1 ', 'Infinity', '0x10', '1.', '.5', '+1', '1,5', 1.5, null]) {
    t.throws(() => decimal(bad), { code: 'PS_OANDA_RESPONSE' }, String(bad));
  }
});

t.test('bulkhead limit 1, queue 0: while one call is in flight, others are rejected at once with PS_BROKER_BUSY', async (t) => {
  const { server, broker } = await setup(t, { bulkheadLimit: 1, bulkheadQueue: 0 });
  server.postPlans = [{ delayMs: 300 }];
  const first = order();
  const inFlight = broker.submit(first);
  const started = performance.now();
  const err = await broker.submit(order()).then(() => null, (e: unknown) => e);
  t.ok(performance.now() - started < 50, 'rejected at once, not queued');
  t.match(err, { code: 'PS_BROKER_BUSY', details: { reason: 'BROKER_BUSY', sent: false, limit: 1, queue: 0, call: 'POST /orders' } });
  await t.rejects(broker.summary(), { code: 'PS_BROKER_BUSY', details: { call: 'GET /summary' } }, 'reads share the bulkhead');
  t.equal(broker.submit(first), inFlight, 'the same order joins its running call instead of taking a slot');
  t.match(await inFlight, { status: 'filled' });
  t.equal(posts(server).length, 1, 'the rejected order was never sent');
  t.equal(server.requests.length, 1);

  const later = await broker.submit(order());
  t.equal(later.status, 'filled', 'a slot is free again once the call ended');
  t.equal(broker.breakerState, 'closed', 'a full bulkhead is not a broker failure');
});

t.test('bulkhead queue: waiting calls run in turn, any beyond the queue are rejected', async (t) => {
  const { server, broker } = await setup(t, { bulkheadLimit: 1, bulkheadQueue: 1 });
  server.postPlans = [{ delayMs: 200 }];
  const a = broker.submit(order());
  const b = broker.submit(order());
  await t.rejects(broker.submit(order()), { code: 'PS_BROKER_BUSY', details: { limit: 1, queue: 1 } });
  t.match(await Promise.all([a, b]), [{ status: 'filled' }, { status: 'filled' }]);
  t.equal(server.ordersCreated, 2);
});

t.test('bulkhead limit 2: two calls run at once, each on its own connection', async (t) => {
  const { server, broker } = await setup(t, { bulkheadLimit: 2 });
  server.postPlans = [{ delayMs: 300 }, { delayMs: 300 }];
  const started = performance.now();
  const both = await Promise.all([broker.submit(order()), broker.submit(order())]);
  const took = performance.now() - started;
  t.match(both, [{ status: 'filled' }, { status: 'filled' }]);
  t.ok(took < 550, `concurrent, not one after the other (${Math.round(took)} ms)`);
  await t.rejects(Promise.all([broker.submit(order()), broker.submit(order()), broker.submit(order())]), { code: 'PS_BROKER_BUSY' });
  t.throws(() => createOandaBroker({ restUrl: server.url, accountId: ACCOUNT, token: TOKEN, bulkheadQueue: -1 }), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => createOandaBroker({ restUrl: server.url, accountId: ACCOUNT, token: TOKEN, bulkheadLimit: 1.5 }), { code: 'PS_BAD_ARGUMENT' });
});
