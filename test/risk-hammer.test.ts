import t from 'tap';
import { Worker } from 'node:worker_threads';
import { createAccountRisk, readRiskState, RATE_WINDOW_MS } from '../engine/risk/mod.ts';
import type { HammerJob, HammerResult } from './helpers/risk-worker.ts';

const WORKERS = 4;
const ATTEMPTS = 100_000;

t.test(`${WORKERS} threads racing on one account never exceed a limit and leak nothing`, async (t) => {
  const limits = { max_position_units: 1000, max_open_trades: 12, max_orders_per_minute: 400 };
  const account = createAccountRisk(limits, ['EUR_USD', 'USD_JPY', 'GBP_USD']);
  const control = new SharedArrayBuffer(8);
  const entry = new URL('./helpers/risk-worker.mjs', import.meta.url);
  const results = await new Promise<HammerResult[]>((resolve, reject) => {
    const out: HammerResult[] = [];
    let online = 0;
    for (let w = 0; w < WORKERS; w++) {
      const job: HammerJob = { memory: account.memory, control, attempts: ATTEMPTS, seed: 0x9e3779b9 * (w + 1), maxOutstanding: 6, maxUnits: 400, msPerTick: 60 };
      const worker = new Worker(entry, { workerData: job });
      worker.once('online', () => {
        // Release every thread at once so the attempts overlap.
        if (++online === WORKERS) setTimeout(() => { Atomics.store(new Int32Array(control), 0, 1); Atomics.notify(new Int32Array(control), 0); }, 200);
      });
      worker.once('message', (r: HammerResult) => { out.push(r); if (out.length === WORKERS) resolve(out); });
      worker.once('error', reject);
    }
  });

  t.same(results.flatMap((r) => r.violations), [], 'no thread ever saw a counter past its limit');

  const state = readRiskState(account);
  state.instruments.forEach((s, i) => {
    const committed = results.reduce((sum, r) => sum + r.position[i], 0);
    t.same({ position: s.position, longBound: s.longBound, shortBound: s.shortBound },
      { position: committed, longBound: committed, shortBound: committed }, `${s.instrument}: counters = committed fills, no pending units left`);
    t.ok(Math.abs(committed) <= limits.max_position_units);
  });
  t.equal(state.openTrades, results.reduce((sum, r) => sum + r.openTrades, 0), 'open trades = committed fills - closes');
  t.equal(Math.round(state.realizedToday * 1e6), results.reduce((sum, r) => sum + r.realizedMicros, 0), 'realized P&L = sum of booked P&L');

  const times = Float64Array.from(results.flatMap((r) => [...r.rateTimes])).sort();
  t.equal(state.rateClaims, times.length, 'one rate token per successful reservation');
  let worst = Infinity;
  for (let i = limits.max_orders_per_minute; i < times.length; i++) worst = Math.min(worst, times[i] - times[i - limits.max_orders_per_minute]);
  t.ok(worst >= RATE_WINDOW_MS, `no 60 s window holds more than ${limits.max_orders_per_minute} orders (tightest: ${worst} ms)`);

  // The run must actually have contended: every limit hit, plenty of each settlement.
  const rejections: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.rejections)) rejections[k] = (rejections[k] ?? 0) + v;
  t.comment(JSON.stringify({ successes: times.length, rejections, commits: results.reduce((s, r) => s + r.commits, 0), releases: results.reduce((s, r) => s + r.releases, 0), closes: results.reduce((s, r) => s + r.closes, 0) }));
  for (const reason of ['MAX_POSITION', 'MAX_OPEN_TRADES', 'ORDER_RATE']) t.ok((rejections[reason] ?? 0) > 100, `${reason} was hit (${rejections[reason]})`);
  t.ok(times.length > 10_000, `many reservations succeeded (${times.length})`);
});
