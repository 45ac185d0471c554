/**
 * Paper book checkpoints (engine/node/book-checkpoint.ts): the parser takes what the writer writes and refuses
 * anything else with the path of the first bad field (property tests); a checkpoint is only taken when both
 * books hold every fill; the portfolio loads one into the right trading day.
 */
import fc from 'fast-check';
import t from 'tap';
import { PaperBroker } from '../actors/execution/mod.ts';
import { type BookCheckpoint, parseBookCheckpoint, takeBookCheckpoint } from '../engine/node/book-checkpoint.ts';
import { Portfolio } from '../engine/portfolio/mod.ts';

const ACCOUNT = 'acct-cp';
const price = fc.double({ min: 0.5, max: 200, noNaN: true });
const money = fc.double({ min: -1e7, max: 1e7, noNaN: true });
const side = fc.constantFrom(1, -1);

const trade = (sign: number) => fc.record({
  units: fc.integer({ min: 1, max: 1e7 }).map((u) => sign * u),
  stopLoss: fc.option(price, { nil: null }), takeProfit: fc.option(price, { nil: null }),
  orderId: fc.uuid(), signalId: fc.string({ minLength: 1, maxLength: 40 }), openedMs: fc.integer({ min: 0, max: 2 ** 42 }),
});
const quote = fc.option(fc.tuple(price, price), { nil: null });
const position = side.chain((sign) => fc.tuple(fc.array(trade(sign), { maxLength: 5 }), price, money, quote)).map(([trades, avg, realized, q]) => {
  const units = trades.reduce((s, x) => s + x.units, 0);
  return { units, avgPrice: units === 0 ? 0 : avg, realized, trades, bid: q?.[0] ?? null, ask: q?.[1] ?? null };
});
const checkpoint: fc.Arbitrary<BookCheckpoint> = fc.record({
  takenAtMs: fc.integer({ min: 0, max: 2 ** 42 }), lastTransactionId: fc.integer({ min: 0, max: 2 ** 40 }),
  realized: money, realizedToday: money, dayStartMs: fc.option(fc.integer({ min: 0, max: 2 ** 42 }), { nil: null }),
  equityPeak: fc.option(money, { nil: null }), maxDrawdownPct: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  dayStartEquity: fc.option(money, { nil: null }),
  riskMarks: fc.option(fc.record({ equityPeak: money, unrealizedDayStart: money, manualHalt: fc.boolean() }), { nil: null }),
  positions: fc.uniqueArray(fc.tuple(fc.constantFrom('EUR_USD', 'USD_JPY', 'GBP_USD', 'AUD_USD'), position), { selector: ([i]) => i, maxLength: 4 })
    .map((xs) => xs.map(([instrument, p]) => ({ instrument, ...p }))),
}).map((c) => ({ v: 1 as const, broker: 'paper', account: ACCOUNT, ...c }));

t.test('what is written parses back to itself', async (t) => {
  fc.assert(fc.property(checkpoint, (cp) => {
    t.same(parseBookCheckpoint(JSON.stringify(cp), 'paper', ACCOUNT), cp);
  }), { numRuns: 300 });
});

/** One wrong field and the path the error must name. */
const damage: Array<[string, (d: any) => void]> = [
  ['v', (d) => { d.v = 2; }],
  ['broker', (d) => { d.broker = 'oanda'; }],
  ['account', (d) => { d.account = 'someone-else'; }],
  ['lastTransactionId', (d) => { d.lastTransactionId = -1; }],
  ['realized', (d) => { d.realized = '12'; }],
  ['realizedToday', (d) => { delete d.realizedToday; }],
  ['dayStartMs', (d) => { d.dayStartMs = 'today'; }],
  ['takenAtMs', (d) => { d.takenAtMs = null; }],
  ['equityPeak', (d) => { d.equityPeak = 'high'; }],
  ['riskMarks', (d) => { d.riskMarks = 5; }],
  ['riskMarks.unrealizedDayStart', (d) => { d.riskMarks = { equityPeak: 1, unrealizedDayStart: 'x' }; }],
  ['riskMarks.manualHalt', (d) => { d.riskMarks = { equityPeak: 1, unrealizedDayStart: 0, manualHalt: 'yes' }; }],
  ['positions', (d) => { d.positions = {}; }],
  ['positions[0].units', (d) => { d.positions[0].units = 1.5; }],
  ['positions[0].avgPrice', (d) => { d.positions[0].avgPrice = -1; }],
  ['positions[0].instrument', (d) => { d.positions[0].instrument = ''; }],
  ['positions[0].trades', (d) => { d.positions[0].trades.push({ ...d.positions[0].trades[0] }); }],
  ['positions[0].trades[0].units', (d) => { d.positions[0].trades[0].units = -d.positions[0].trades[0].units; }],
  ['positions[0].trades[0].stopLoss', (d) => { d.positions[0].trades[0].stopLoss = 0; }],
  ['positions[0].trades[0].orderId', (d) => { d.positions[0].trades[0].orderId = 7; }],
  ['positions[0].trades[0].openedMs', (d) => { d.positions[0].trades[0].openedMs = 'x'; }],
  ['positions[0].bid', (d) => { d.positions[0].bid = -1; }],
];

t.test('anything else is refused with the path of the wrong field (PS_BOOK_RESTORE)', async (t) => {
  const open = checkpoint.filter((cp) => cp.positions.length > 0 && cp.positions[0]!.trades.length > 0);
  fc.assert(fc.property(open, fc.constantFrom(...damage), (cp, [path, hurt]) => {
    const doc = JSON.parse(JSON.stringify(cp));
    hurt(doc);
    let err: any = null;
    try {
      parseBookCheckpoint(JSON.stringify(doc), 'paper', ACCOUNT);
    } catch (e) {
      err = e;
    }
    t.equal(err?.code, 'PS_BOOK_RESTORE', path);
    t.ok(err?.message.includes(`not valid: ${path} `), `${path}: ${err?.message}`);
  }), { numRuns: 200 });
  for (const text of ['', 'null', '[]', '{"v":1']) t.throws(() => parseBookCheckpoint(text, 'paper', ACCOUNT), { code: 'PS_BOOK_RESTORE' }, JSON.stringify(text));
  // The first checkpoints had no peaks: still read, as "not recorded".
  const cp = fc.sample(checkpoint, 1)[0]!;
  const { equityPeak: _a, maxDrawdownPct: _b, dayStartEquity: _c, riskMarks: _d, ...first } = cp;
  t.match(parseBookCheckpoint(JSON.stringify(first), 'paper', ACCOUNT), { equityPeak: null, maxDrawdownPct: null, dayStartEquity: null, riskMarks: null });
});

t.test('a checkpoint is taken only when the portfolio booked every fill the broker made', async (t) => {
  const broker = new PaperBroker();
  const pf = new Portfolio();
  const fill = (i: number, side: 'buy' | 'sell', units: number) => broker.fill({
    signalId: `s${i}`, account: ACCOUNT, instrument: 'EUR_USD', side, units, timeMs: 1_000 * i, bid: 1.1, ask: 1.1001, stopLossPips: 5,
  });
  const a = fill(1, 'buy', 1000);
  t.equal(takeBookCheckpoint(broker, pf, ACCOUNT, 0, 5), null, 'the broker made one fill, none booked');
  pf.applyFill(pf.position(ACCOUNT, 'EUR_USD'), 1000, a.price!, a.timeMs, a.signalId);
  const cp = takeBookCheckpoint(broker, pf, ACCOUNT, 1, 5);
  t.match(cp, {
    v: 1, broker: 'paper', account: ACCOUNT, takenAtMs: 5, lastTransactionId: 1, equityPeak: 0, riskMarks: null,
    positions: [{ instrument: 'EUR_USD', units: 1000, avgPrice: 1.1001, trades: [{ units: 1000, stopLoss: 1.0996, signalId: 's1' }] }],
  });
  fill(2, 'sell', 400);
  pf.applyFill(pf.position(ACCOUNT, 'EUR_USD'), -500, 1.1, 2000);
  t.throws(() => takeBookCheckpoint(broker, pf, ACCOUNT, 2, 5), { code: 'PS_BOOK_CHECKPOINT', message: /disagree \(broker 600 units.*portfolio 500/ });
});

t.test('the portfolio loads a book into its trading day', async (t) => {
  const day = (pf: Portfolio, ms: number) => pf.clock.startAtOrBefore(ms);
  const T = Date.UTC(2014, 4, 6, 12); // a Tuesday, noon UTC: its trading day started at 17:00 New York on Monday
  const book = (dayStartMs: number) => ({
    realized: 50, realizedToday: 20, dayStartMs, equityPeak: 1200, maxDrawdownPct: 7.5,
    positions: [{ instrument: 'EUR_USD', units: 3000, avgPrice: 1.1, realized: 50, trades: [1000, 2000], tradeIds: ['a', 'b'] }],
  });

  const fresh = new Portfolio({ defaultBalance: 1000 });
  fresh.loadAccountBook(ACCOUNT, book(day(fresh, T)));
  const a = fresh.account(ACCOUNT);
  t.equal(fresh.realizedToday(a), 20, 'the same trading day: what it realized today still counts');
  t.match(fresh.accountSnapshot(a), { realized: 50, dayStartMs: day(fresh, T), equityPeak: 1200, drawdownPct: 12.5, maxDrawdownPct: 12.5 },
    'the equity peak as it was: equity (1,000 + 50 realized) is 12.5 % below it, more than the 7.5 % largest drawdown before');
  t.same(fresh.tradeUnits(fresh.position(ACCOUNT, 'EUR_USD')), [1000, 2000]);
  fresh.mark(fresh.instrument('EUR_USD'), fresh.clock.nextStartAfter(T), 1.1, 1.1001);
  t.equal(fresh.realizedToday(a), 0, 'the next trading day starts from nothing');
  const pos = fresh.position(ACCOUNT, 'EUR_USD');
  fresh.applyFill(pos, -2000, 1.1010, fresh.clock.nextStartAfter(T) + 1, '', 'b');
  t.same(fresh.tradeUnits(pos), [1000], 'a close names its trade across the load (the loaded ids are kept)');

  const later = new Portfolio();
  later.mark(later.instrument('EUR_USD'), fresh.clock.nextStartAfter(T) + 60_000, 1.1, 1.1001);
  later.loadAccountBook(ACCOUNT, book(day(later, T)));
  t.equal(later.realizedToday(later.account(ACCOUNT)), 0, "a book of an earlier day: nothing of today's");
  t.equal(later.accountSnapshot(later.account(ACCOUNT)).realized, 50);

  const earlier = new Portfolio();
  earlier.applyFill(earlier.position('other', 'EUR_USD'), 1000, 1.1, day(earlier, T) - 3_600_000);
  earlier.applyFill(earlier.position('other', 'EUR_USD'), -1000, 1.2, day(earlier, T) - 1_000);
  t.ok(earlier.realizedToday(earlier.account('other')) > 99, 'another account realized on the day before');
  earlier.loadAccountBook(ACCOUNT, book(day(earlier, T)));
  t.equal(earlier.realizedToday(earlier.account(ACCOUNT)), 20, 'a book of a later day moves the portfolio on to it ...');
  t.equal(earlier.realizedToday(earlier.account('other')), 0, '... as a tick of that day would');

  t.throws(() => earlier.loadAccountBook('other', book(day(earlier, T))), { code: 'PS_BAD_ARGUMENT' }, 'only into an account without fills');
  const wrong = book(day(earlier, T));
  wrong.positions[0]!.trades = [1000, 1000];
  t.throws(() => new Portfolio().loadAccountBook(ACCOUNT, wrong), { code: 'PS_FILL_INVALID' }, 'trades that do not make up the position');
});
