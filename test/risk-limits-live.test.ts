import t from 'tap';
import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPipstreamError } from '../engine/errors/mod.ts';
import {
  applyLimits, attachAccountRisk, checkInstrumentOrder, checkSignalAge, commit, createAccountRisk, ensureInstrumentSlot, haltTrading, instrumentChecks, markEquity,
  markUnrealized, RATE_WINDOW_MS, readRiskState, release, reserve, resetTradingDay, resumeTrading, RiskHalt, RiskVerdict,
  type RiskLimits,
} from '../engine/risk/mod.ts';
import { type BudgetCmd, budgetCmds, BudgetModel, limitsArb } from './helpers/risk-budget-model.ts';

const verdict = (v: RiskVerdict) => ({ reason: v.reason, limit: v.limit, value: v.value });

/** JSON-pointer paths of the PS_RISK_LIMITS_INVALID that `fn` throws, sorted. */
function pathsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isPipstreamError(e, 'PS_RISK_LIMITS_INVALID')) return (e.details.errors as { path: string }[]).map((x) => x.path).sort();
    throw e;
  }
  throw new Error('nothing was thrown');
}

t.test('a limit lowered below the usage keeps what is open and rejects whatever would grow it', async (t) => {
  const acct = createAccountRisk({ max_position_units: 1000, max_open_trades: 5 }, ['EUR_USD']);
  const held = reserve(acct, 0, 900, 0);
  commit(acct, held, 900);
  const v0 = acct.limitsVersion;
  const applied = applyLimits(acct, { max_position_units: 500, max_open_trades: 1 });
  t.equal(applied.version, v0 + 2, 'every change bumps the version by 2');
  t.same(readRiskState(acct).instruments[0], { instrument: 'EUR_USD', position: 900, longBound: 900, shortBound: 900 }, 'counters kept');
  t.same(verdict(reserve(acct, 0, -1, 1)), { reason: 'MAX_OPEN_TRADES', limit: 1, value: 2 }, 'one trade open, one allowed');
  applyLimits(acct, { max_position_units: 500 });
  t.same(verdict(reserve(acct, 0, 1, 2)), { reason: 'MAX_POSITION', limit: 500, value: 901 }, 'a buy would grow the long');
  const sell = reserve(acct, 0, -900, 3);
  t.ok(sell.ok, 'a sell that only shrinks it passes');
  t.equal(sell.limitsVersion, acct.limitsVersion, 'checked against the limits in force');
  t.equal(sell.exposure, 0, 'the short bound it reached');
  commit(acct, sell, -900);
  t.same(verdict(reserve(acct, 0, -501, 4)), { reason: 'MAX_POSITION', limit: 500, value: 501 }, 'flat: the new limit holds both ways');
  t.ok(reserve(acct, 0, -500, 5).ok);
  applyLimits(acct, { max_position_units: 2000 });
  t.ok(reserve(acct, 0, -1500, 6).ok, 'raised: at once');
});

t.test('the order rate follows changes; every order is counted, so a limit set later sees the minute before', async (t) => {
  const acct = createAccountRisk({}, ['EUR_USD']);
  for (let i = 0; i < 5; i++) release(acct, reserve(acct, 0, 1, i * 1000));
  applyLimits(acct, { max_orders_per_minute: 5 });
  t.same(verdict(reserve(acct, 0, 1, 10_000)), { reason: 'ORDER_RATE', limit: 5, value: 6 }, 'five orders of the last minute count');
  applyLimits(acct, { max_orders_per_minute: 7 });
  for (let i = 0; i < 2; i++) release(acct, reserve(acct, 0, 1, 10_000));
  t.equal(reserve(acct, 0, 1, 10_000).reason, 'ORDER_RATE', 'raised to 7: two more');
  applyLimits(acct, { max_orders_per_minute: 3 });
  t.equal(reserve(acct, 0, 1, 60_999).reason, 'ORDER_RATE', 'lowered to 3 with 6 in the window');
  t.ok(reserve(acct, 0, 1, 70_000).ok, 'the window has room again');
  applyLimits(acct, { max_orders_per_minute: 10000 });
  let n = 0;
  while (reserve(acct, 0, 1, 80_000).ok) n++;
  t.equal(n, 10000 - 1, 'the largest rate a document may set fits the ring (one claim is in the window)');
  t.equal(readRiskState(acct).rateClaims, 5 + 2 + 1 + n);
});

t.test('instrument checks built on the account follow whitelist, order units and spread; fixed ones do not', async (t) => {
  // Exactly two slots: GBP_USD below finds none free.
  const acct = createAccountRisk({ instruments: ['EUR_USD'], max_order_units: 1000, max_spread_pips: 2 }, ['EUR_USD', 'USD_JPY'], 2);
  const other = attachAccountRisk(structuredClone(acct.memory));
  const eur = instrumentChecks(other, 'EUR_USD');
  const jpy = instrumentChecks(other, 'USD_JPY');
  const fixed = instrumentChecks(acct.limits, 'EUR_USD');
  const out = new RiskVerdict();
  t.equal(checkInstrumentOrder(jpy, 150, 150.01, 10, out), false);
  t.equal(out.reason, 'INSTRUMENT_NOT_ALLOWED');
  t.equal(checkInstrumentOrder(eur, 1.1, 1.1003, 1001, out), false);
  t.same(verdict(out), { reason: 'MAX_ORDER_UNITS', limit: 1000, value: 1001 });

  const applied = applyLimits(acct, { instruments: ['USD_JPY', 'GBP_USD'], max_spread_pips: 3 });
  t.same(applied.unslotted, ['GBP_USD'], 'a whitelisted instrument without a slot is reported');
  t.equal(checkInstrumentOrder(jpy, 150, 150.01, 10, out), true, 'another thread\'s checks see the new whitelist');
  t.equal(checkInstrumentOrder(eur, 1.1, 1.1003, 10, out), false);
  t.equal(out.reason, 'INSTRUMENT_NOT_ALLOWED', 'and the removal');
  t.equal(checkInstrumentOrder(instrumentChecks(other, 'GBP_USD'), 1.3, 1.3001, 10, out), false);
  t.equal(out.reason, 'INSTRUMENT_NOT_ALLOWED', 'no slot: never allowed on this memory');
  t.equal(checkInstrumentOrder(jpy, 150, 150.03, 1e9, out), true, 'order units limit gone; 3 pips allowed');
  t.equal(checkInstrumentOrder(fixed, 1.1, 1.1003, 1001, out), false, 'checks on a plain document keep its limits');
  t.same(verdict(out), { reason: 'MAX_ORDER_UNITS', limit: 1000, value: 1001 });
  t.same(other.limits, { instruments: ['USD_JPY'], max_spread_pips: 3 }, 'the limits in force, whitelist restricted to slots');
});

t.test('max_signal_age_ms: read by every thread as it is applied; absent, any age passes', async (t) => {
  const acct = createAccountRisk({ max_signal_age_ms: 5000 }, ['EUR_USD']);
  const other = attachAccountRisk(structuredClone(acct.memory));
  const out = new RiskVerdict();
  t.equal(checkSignalAge(other, 5000, out), true, 'exactly the limit passes');
  t.equal(checkSignalAge(other, 5001, out), false);
  t.same(verdict(out), { reason: 'SIGNAL_STALE', limit: 5000, value: 5001 });
  applyLimits(acct, { max_signal_age_ms: 60_000, max_spread_pips: 2 });
  t.equal(checkSignalAge(other, 59_000, out), true, 'the raised limit reaches the other view');
  t.same(other.limits, { max_signal_age_ms: 60_000, max_spread_pips: 2 }, 'the limits in force name it');
  applyLimits(acct, { max_spread_pips: 2 });
  t.equal(checkSignalAge(other, 86_400_000, out), true, 'no limit: a day-old signal passes');
  t.same(other.limits, { max_spread_pips: 2 });
});

t.test('slots named after creation (an instrument the node starts trading, a whitelist naming one): every thread sees them', async (t) => {
  const acct = createAccountRisk({ max_order_units: 1000 }, ['EUR_USD'], 3);
  const other = attachAccountRisk(structuredClone(acct.memory));
  const gbp = instrumentChecks(other, 'GBP_USD');
  const out = new RiskVerdict();
  t.equal(checkInstrumentOrder(gbp, 1.3, 1.3001, 10, out), false);
  t.equal(out.reason, 'INSTRUMENT_NOT_ALLOWED', 'no slot yet');
  t.equal(ensureInstrumentSlot(acct, 'GBP_USD'), 1, 'the next free slot');
  t.equal(ensureInstrumentSlot(acct, 'GBP_USD'), 1, 'idempotent');
  t.equal(checkInstrumentOrder(gbp, 1.3, 1.3001, 10, out), true, 'checks built before see it (no whitelist: allowed)');
  t.equal(other.slotOf('GBP_USD'), 1);
  t.ok(reserve(other, 1, 500, 0).ok, 'and its budget works');
  const applied = applyLimits(acct, { instruments: ['GBP_USD', 'AUD_USD', 'NZD_USD'] });
  t.same(applied.unslotted, ['NZD_USD'], 'a whitelist names slots while any is free');
  t.same(other.instruments, ['EUR_USD', 'GBP_USD', 'AUD_USD']);
  t.equal(checkInstrumentOrder(instrumentChecks(other, 'AUD_USD'), 0.9, 0.9001, 10, out), true, 'whitelisted and slotted: allowed');
  t.equal(checkInstrumentOrder(instrumentChecks(other, 'EUR_USD'), 1.1, 1.1001, 10, out), false, 'not whitelisted');
  t.equal(ensureInstrumentSlot(acct, 'USD_JPY'), -1, 'every slot named');
  t.throws(() => ensureInstrumentSlot(acct, 'eurusd'), { code: 'PS_BAD_ARGUMENT' });
});

t.test('applyLimits refuses invalid limits and another account, changing nothing', async (t) => {
  const acct = createAccountRisk({ account: 'acct-1', max_position_units: 10, max_daily_loss: 100.5 }, ['EUR_USD']);
  const before = acct.limitsVersion;
  t.same(pathsOf(() => applyLimits(acct, { max_position_units: -1, max_units: 3 } as RiskLimits)), ['/max_position_units', '/max_units']);
  t.same(pathsOf(() => applyLimits(acct, { account: 'acct-2' })), ['/account']);
  t.equal(acct.limitsVersion, before);
  t.same(acct.limits, { account: 'acct-1', max_position_units: 10, max_daily_loss: 100.5 });
  t.same(attachAccountRisk(acct.memory).limits, acct.limits, 'an attached view reads the same limits');
});

t.test('loss limits lowered below the current loss halt at once, and stay latched when raised again', async (t) => {
  const acct = createAccountRisk({}, ['EUR_USD']);
  resetTradingDay(acct);
  markUnrealized(acct, -300);
  markEquity(acct, 10_000);
  markEquity(acct, 9_000);
  t.ok(reserve(acct, 0, 1, 0).ok);
  applyLimits(acct, { max_daily_loss: 250 });
  t.same(verdict(reserve(acct, 0, 1, 1)), { reason: 'DAILY_LOSS', limit: 250, value: 300 });
  applyLimits(acct, { max_daily_loss: 1000, max_drawdown_pct: 5 });
  t.equal(reserve(acct, 0, 1, 2).reason, 'DAILY_LOSS', 'latched until the day resets');
  resetTradingDay(acct);
  t.same(verdict(reserve(acct, 0, 1, 3)), { reason: 'MAX_DRAWDOWN', limit: 5, value: 10 }, 'the drawdown limit latched too');
  t.same(readRiskState(acct).halted, { dailyLoss: false, drawdown: true, manual: false, reconciliation: false });
});

t.test('halt and resume: ACCOUNT_HALTED while any operator bit is set, in every attached view', async (t) => {
  const acct = createAccountRisk({ max_daily_loss: 100 }, ['EUR_USD']);
  const other = attachAccountRisk(structuredClone(acct.memory));
  const pending = reserve(acct, 0, 10, 0);
  haltTrading(other, RiskHalt.MANUAL);
  t.same(verdict(reserve(acct, 0, 1, 1)), { reason: 'ACCOUNT_HALTED', limit: NaN, value: RiskHalt.MANUAL });
  commit(acct, pending, 10);
  t.same(readRiskState(acct).instruments[0].position, 10, 'a pending order settles while halted');
  haltTrading(acct, RiskHalt.RECONCILIATION);
  t.same(readRiskState(acct).halted, { dailyLoss: false, drawdown: false, manual: true, reconciliation: true });
  resumeTrading(acct, RiskHalt.MANUAL);
  t.same(verdict(reserve(other, 0, 1, 2)), { reason: 'ACCOUNT_HALTED', limit: NaN, value: RiskHalt.RECONCILIATION }, 'reconciliation still holds it');
  markUnrealized(acct, -150);
  t.equal(reserve(acct, 0, 1, 3).reason, 'ACCOUNT_HALTED', 'an operator halt is reported before a loss halt');
  resumeTrading(other, RiskHalt.RECONCILIATION);
  t.equal(reserve(acct, 0, 1, 4).reason, 'DAILY_LOSS', 'resuming does not lift a loss latch');
  resetTradingDay(acct);
  t.ok(reserve(acct, 0, 1, 5).ok);
  for (const bad of [0, RiskHalt.DAILY_LOSS, RiskHalt.DRAWDOWN | RiskHalt.MANUAL, 16, 1.5]) {
    t.throws(() => haltTrading(acct, bad), { code: 'PS_BAD_ARGUMENT' }, `halt bits ${bad}`);
    t.throws(() => resumeTrading(acct, bad), { code: 'PS_BAD_ARGUMENT' });
  }
});

// ---- property: a sequential model with limit changes and halts ------------------------------------------

type Cmd = BudgetCmd | { op: 'apply'; limits: RiskLimits } | { op: 'halt' | 'resume'; bits: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  ...budgetCmds([8, 4, 3, 2]),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('apply' as const), limits: limitsArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('halt' as const, 'resume' as const), bits: fc.constantFrom(RiskHalt.MANUAL, RiskHalt.RECONCILIATION, RiskHalt.MANUAL | RiskHalt.RECONCILIATION) }) },
);

t.test('property: limit changes and halts match a sequential model; nothing leaks', async (t) => {
  let checked = 0;
  fc.assert(fc.property(limitsArb, fc.array(cmd, { maxLength: 80 }), (initial, cmds) => {
    const acct = createAccountRisk(initial, ['EUR_USD', 'USD_JPY'], 2);
    let limits = initial;
    let halt = 0;
    const model = new BudgetModel(acct);
    for (const c of cmds) {
      if (c.op === 'apply') {
        const before = acct.limitsVersion;
        if (applyLimits(acct, c.limits).version !== before + 2) throw new Error('the version did not move by 2');
        limits = c.limits;
      } else if ('bits' in c) {
        if (c.op === 'halt') haltTrading(acct, c.bits); else resumeTrading(acct, c.bits);
        halt = c.op === 'halt' ? halt | c.bits : halt & ~c.bits;
      } else {
        model.step(c, limits, halt);
      }
      model.check(c);
    }
    const end = model.finish();
    if (end.rateClaims !== model.claims.length) throw new Error(`rate claims ${end.rateClaims}, model ${model.claims.length}`);
    checked++;
    return true;
  }), { numRuns: 300 });
  t.equal(checked, 300);
});

// ---- threads: limits changed and the account halted while workers hammer it -------------------------------

interface Step { limits: RiskLimits; halt?: number }

interface LiveResult {
  successes: number;
  rejections: Record<string, number>;
  checkRejections: Record<string, number>;
  haltedRejections: number;
  violations: string[];
  position: number[];
  openTrades: number;
  realizedMicros: number;
  times: number[];
  versions: number[];
  versionsSeen: number[];
  commits: number;
  releases: number;
  closes: number;
}

const WORKERS = 3;
const STEPS = 40;
const STEP_MS = 30;
const SLOTS = ['EUR_USD', 'USD_JPY', 'GBP_USD'];

/** A deterministic schedule: steps 3, 8, 13 ... are only ever in force while the account is halted. */
function schedule(): Step[] {
  let seed = 0x2545f491;
  const pick = <T>(xs: readonly T[]): T => {
    seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
    return xs[seed % xs.length];
  };
  const steps: Step[] = [];
  for (let i = 0; i < STEPS; i++) {
    const doc: RiskLimits = {
      max_position_units: pick([0, 200, 500, 1000, 1000, 2000]),
      max_open_trades: pick([0, 3, 8, 8, 16]),
    };
    const rate = pick([undefined, 50, 200, 200, 800]);
    if (rate !== undefined) doc.max_orders_per_minute = rate;
    const units = pick([undefined, undefined, 150, 400]);
    if (units !== undefined) doc.max_order_units = units;
    const spread = pick([undefined, undefined, undefined, 1, 2, 5]);
    if (spread !== undefined) doc.max_spread_pips = spread;
    const whitelist = pick([undefined, undefined, SLOTS, ['EUR_USD'], ['USD_JPY', 'GBP_USD', 'AUD_USD']]);
    if (whitelist !== undefined) doc.instruments = whitelist;
    steps.push(i % 5 === 3 ? { limits: doc, halt: pick([RiskHalt.MANUAL, RiskHalt.RECONCILIATION]) } : { limits: doc });
  }
  return steps;
}

t.test(`${WORKERS} threads: every decision uses the limits in force, changes reach every thread, nothing leaks`, async (t) => {
  const steps = schedule();
  // No spare slot: the workers' model covers these instruments (other whitelisted ones stay unslotted).
  const account = createAccountRisk(steps[0].limits, SLOTS, SLOTS.length);
  t.equal(account.limitsVersion, 2, 'the schedule\'s versions are 2 + 2 i');
  const control = new SharedArrayBuffer(12);
  const flags = new Int32Array(control);
  const entry = new URL('./helpers/risk-live-worker.mjs', import.meta.url);
  let ready!: () => void;
  const allReady = new Promise<void>((r) => { ready = r; });
  const results = new Promise<LiveResult[]>((resolve, reject) => {
    const out: LiveResult[] = [];
    let loaded = 0;
    for (let w = 0; w < WORKERS; w++) {
      const worker = new Worker(entry, {
        workerData: { memory: account.memory, control, schedule: steps, seed: 0x9e3779b9 * (w + 1), maxOutstanding: 6, maxUnits: 400, msPerTick: 60, bid: 1.1, spreadPips: 1.5 },
      });
      worker.on('message', (m: { ready: true } | { result: LiveResult }) => {
        if ('ready' in m) {
          if (++loaded === WORKERS) ready();
          return;
        }
        out.push(m.result);
        if (out.length === WORKERS) resolve(out);
      });
      worker.once('error', reject);
    }
  });
  // Start every thread at once, once all have loaded, so the hammering spans every limits change.
  await allReady;
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);

  for (let i = 1; i < steps.length; i++) {
    await sleep(STEP_MS);
    const halt = steps[i].halt;
    if (halt === undefined) {
      t.equal(applyLimits(account, steps[i].limits).version, 2 + 2 * i);
      continue;
    }
    // Halted before its version is in force, resumed only after the next version replaced it.
    haltTrading(account, halt);
    applyLimits(account, steps[i].limits);
    await sleep(STEP_MS);
    applyLimits(account, steps[++i].limits);
    resumeTrading(account, halt);
  }
  await sleep(STEP_MS);
  Atomics.store(flags, 2, 1);
  const all = await results;

  t.same(all.flatMap((r) => r.violations), [], 'every reservation and check fits the limits of the version it was made under');
  for (const [w, r] of all.entries()) {
    t.ok(r.versionsSeen.length >= steps.length * 0.6, `worker ${w} reserved under ${r.versionsSeen.length} of ${steps.length} versions, in order`);
  }

  const state = readRiskState(account);
  state.instruments.forEach((s, i) => {
    const committed = all.reduce((sum, r) => sum + r.position[i], 0);
    t.same({ position: s.position, longBound: s.longBound, shortBound: s.shortBound },
      { position: committed, longBound: committed, shortBound: committed }, `${s.instrument}: counters = committed fills, no pending units left`);
  });
  t.equal(state.openTrades, all.reduce((sum, r) => sum + r.openTrades, 0), 'open trades = committed fills - closes');
  t.equal(Math.round(state.realizedToday * 1e6), all.reduce((sum, r) => sum + r.realizedMicros, 0), 'realized P&L = sum of booked P&L');
  t.same(state.halted, { dailyLoss: false, drawdown: false, manual: false, reconciliation: false });
  t.same(account.limits, { ...steps[steps.length - 1].limits, ...(steps[steps.length - 1].limits.instruments ? { instruments: steps[steps.length - 1].limits.instruments!.filter((n) => SLOTS.includes(n)) } : {}) },
    'the last limits are in force');

  // Rate: a claim made under a limit of n had at most n - 1 earlier claims within the window before it.
  const claims = all.flatMap((r) => r.times.map((time, k) => ({ time, version: r.versions[k] })));
  t.equal(state.rateClaims, claims.length, 'one rate token per successful reservation');
  const times = Float64Array.from(claims.map((c) => c.time)).sort();
  const firstAbove = (x: number, strict: boolean) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? times[mid] > x : times[mid] >= x) hi = mid; else lo = mid + 1;
    }
    return lo;
  };
  let rateViolations = 0;
  for (const c of claims) {
    const n = steps[(c.version - 2) / 2].limits.max_orders_per_minute;
    if (n !== undefined && firstAbove(c.time, false) - firstAbove(c.time - RATE_WINDOW_MS, true) > n - 1) rateViolations++;
  }
  t.equal(rateViolations, 0, 'no claim went past the rate limit of its version');

  const rejections: Record<string, number> = {};
  for (const r of all) for (const [k, v] of [...Object.entries(r.rejections), ...Object.entries(r.checkRejections)]) rejections[k] = (rejections[k] ?? 0) + v;
  t.comment(JSON.stringify({ successes: claims.length, rejections }));
  for (const reason of ['MAX_POSITION', 'MAX_OPEN_TRADES', 'ORDER_RATE', 'ACCOUNT_HALTED', 'INSTRUMENT_NOT_ALLOWED', 'MAX_ORDER_UNITS', 'MAX_SPREAD']) {
    t.ok((rejections[reason] ?? 0) > 0, `${reason} was hit (${rejections[reason]})`);
  }
  t.ok(claims.length > 5000, `many reservations succeeded (${claims.length})`);
});
