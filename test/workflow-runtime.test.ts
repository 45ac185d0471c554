import t from 'tap';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  compileProgram, validateWorkflow, ProgramRuntime, ruleStateLength, SIGNAL_MODE,
  type EvalContext, type Workflow, type WorkflowNode,
} from '../engine/workflow/mod.ts';
import { isPipstreamError } from '../engine/errors/mod.ts';

const fixture = (name: string): Workflow =>
  validateWorkflow(JSON.parse(readFileSync(new URL(`./fixtures/workflows/${name}.json`, import.meta.url), 'utf8')));

interface Emitted { action: number; trigger: number; mode: number; timeMs: number }

function harness(wfs: Workflow[], instrument = 'EUR_USD', state?: Float64Array) {
  const prog = compileProgram(wfs, instrument);
  const emitted: Emitted[] = [];
  const ctx: EvalContext = {
    bid: 1, ask: 1, mid: 1, timeMs: 0, pipSize: 0.0001,
    indicatorValues: new Float64Array(prog.meta.slots).fill(NaN),
    positionUnits: new Float64Array(prog.meta.accounts.length),
    emit(action, trigger, mode) { emitted.push({ action, trigger, mode, timeMs: ctx.timeMs }); },
  };
  const st = state ?? new Float64Array(ruleStateLength(prog.i32));
  const rt = new ProgramRuntime(prog.i32, prog.f64, st, ctx);
  const tick = (timeMs: number, bid: number, ask = bid): void => {
    ctx.timeMs = timeMs; ctx.bid = bid; ctx.ask = ask; ctx.mid = (bid + ask) / 2;
    rt.onTick();
  };
  return { prog, ctx, state: st, rt, emitted, tick };
}

const wf = (nodes: WorkflowNode[], edges: [string, string][], extra: Partial<Workflow> = {}): Workflow =>
  validateWorkflow({ id: 'w', version: 1, account: 'acct-1', instruments: ['EUR_USD'], nodes, edges, ...extra });

const MIN = 60_000;

/** Independent session oracle: local wall clock via Intl, business hours Mon-Fri. */
function inLocalHours(timeMs: number, zone: string, open: number, close: number): boolean {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', weekday: 'short', hour: 'numeric', minute: 'numeric' })
    .formatToParts(timeMs);
  const get = (k: string): string => parts.find((p) => p.type === k)!.value;
  const h = Number(get('hour')) + Number(get('minute')) / 60;
  return !['Sat', 'Sun'].includes(get('weekday')) && h >= open && h < close;
}
const londonOrNy = (ms: number): boolean =>
  inLocalHours(ms, 'Europe/London', 8, 17) || inLocalHours(ms, 'America/New_York', 8, 17);

/** Feed one RSI value per 1-minute bar (alternating 40/20 after warm-up) and return the emission times. */
function runRsi(workflow: Workflow, startMs: number, bars: number): { emitted: Emitted[]; crossings: number[] } {
  const h = harness([workflow]);
  const slot = h.prog.meta.indicators[0].firstSlot;
  const crossings: number[] = [];
  let prev = NaN;
  for (let i = 0; i < bars; i++) {
    const v = i < 14 ? NaN : i % 2 === 0 ? 40 : 20;
    h.ctx.timeMs = startMs + (i + 1) * MIN; // the tick that closed bar i
    h.ctx.indicatorValues[slot] = v;
    h.rt.onBarClose(0);
    if (prev >= 30 && v < 30) crossings.push(h.ctx.timeMs);
    prev = v;
  }
  return { emitted: h.emitted, crossings };
}

function expectedWithCooldown(crossings: number[], cooldownMs: number): number[] {
  const out: number[] = [];
  for (const c of crossings) {
    if (!londonOrNy(c)) continue;
    if (out.length > 0 && c < out[out.length - 1] + cooldownMs) continue;
    out.push(c);
  }
  return out;
}

t.test('DESIGN example: RSI(14,1m) crosses below 30 inside London/New York, cooldown 300 s', async (t) => {
  const design = fixture('rsi-reversal');
  const h = harness([design]);
  t.same(h.prog.meta.indicators, [{ kind: 'rsi', params: [14], timeframeMs: MIN, timeframeIndex: 0, firstSlot: 0, outputs: 1 }]);
  t.same(h.prog.meta.timeframesMs, [MIN]);
  t.same(h.prog.meta.actions[0], {
    workflowIndex: 0, nodeId: 'a1', type: 'confirm', side: 'buy', units: 10000, stopLossPips: 15, takeProfitPips: 30,
    cooldownMs: 300_000, expiryMs: null, accountIndex: 0, stateOffset: 2, stateKey: 'acct-1/rsi-reversal/a1',
  });

  // Thursday 2014-05-08 (BST/EDT): London 07:00-16:00 UTC, New York 12:00-21:00 UTC.
  const day = Date.UTC(2014, 4, 8);
  const { emitted, crossings } = runRsi(design, day, 1440);
  const times = emitted.map((e) => e.timeMs);
  t.ok(emitted.every((e) => e.mode === SIGNAL_MODE.SIGNAL_PENDING_CONFIRMATION && e.action === 0 && e.trigger === 0));
  t.equal(times[0], day + 7 * 60 * MIN, 'first signal on the first crossing bar at/after 07:00 UTC (bars cross every 2 min)');
  t.ok(times.every((x) => x >= day + 7 * 60 * MIN && x < day + 21 * 60 * MIN), 'only inside the sessions');
  for (let i = 1; i < times.length; i++) t.ok(times[i] - times[i - 1] >= 300_000, 'cooldown honoured');
  t.equal(times[1] - times[0], 6 * MIN, 'next crossing after the cooldown fires (crossings every 2 min)');
  t.same(times, expectedWithCooldown(crossings, 300_000));

  const noCooldown = structuredClone(design);
  delete (noCooldown.nodes[2] as { cooldown_s?: number }).cooldown_s;
  const all = runRsi(validateWorkflow(noCooldown), day, 1440);
  t.same(all.emitted.map((e) => e.timeMs), expectedWithCooldown(all.crossings, 0), 'absent cooldown: every crossing in session');
  t.equal(all.emitted.length, 14 * 30, '14 session hours x 30 crossings per hour');
});

t.test('sessions follow each centre\'s DST and cross midnight UTC', async (t) => {
  const design = fixture('rsi-reversal');
  // Winter (GMT/EST): London 08:00-17:00 UTC, New York 13:00-22:00 UTC.
  const jan = Date.UTC(2014, 0, 15);
  const w = runRsi(design, jan, 1440);
  t.equal(w.emitted[0].timeMs, jan + 8 * 60 * MIN);
  t.same(w.emitted.map((e) => e.timeMs), expectedWithCooldown(w.crossings, 300_000));
  // US already on DST, UK not yet (2014-03-12): New York 12:00-21:00 UTC.
  const mar = Date.UTC(2014, 2, 12);
  const m = runRsi(design, mar, 1440);
  t.same(m.emitted.map((e) => e.timeMs), expectedWithCooldown(m.crossings, 300_000));
  t.ok(m.emitted.some((e) => e.timeMs >= mar + 20 * 60 * MIN), 'New York open until 21:00 UTC');
  // Saturday: nothing.
  t.equal(runRsi(design, Date.UTC(2014, 4, 10), 1440).emitted.length, 0);

  // Sydney (AEST, UTC+10 in May): Monday 08:00-17:00 local = Sunday 22:00 - Monday 07:00 UTC.
  const syd = wf([
    { id: 't', kind: 'trigger', type: 'price_cross', level: 1, direction: 'above' },
    { id: 's', kind: 'condition', type: 'session', sessions: ['sydney'] },
    { id: 'a', kind: 'action', type: 'alert', side: 'buy' },
  ], [['t', 's'], ['s', 'a']]);
  const h = harness([syd]);
  const fire = (ms: number): boolean => {
    const n = h.emitted.length;
    h.tick(ms - 1, 0.9); h.tick(ms, 1.1);
    return h.emitted.length > n;
  };
  const sunday = Date.UTC(2014, 4, 11);
  t.notOk(fire(sunday + 21 * 60 * MIN + 59 * MIN), 'Sun 21:59 UTC = Mon 07:59 Sydney');
  t.ok(fire(sunday + 22 * 60 * MIN), 'Sun 22:00 UTC = Mon 08:00 Sydney');
  t.ok(fire(sunday + 26 * 60 * MIN), 'Mon 02:00 UTC');
  t.notOk(fire(sunday + 31 * 60 * MIN), 'Mon 07:00 UTC = 17:00 Sydney');
  // January (AEDT, UTC+11): Monday 08:00 local = Sunday 21:00 UTC.
  t.ok(fire(Date.UTC(2014, 0, 12, 21, 0)), 'Sun 21:00 UTC in January');
  for (const ms of [sunday + 20 * 60 * MIN, sunday + 23 * 60 * MIN, Date.UTC(2014, 0, 12, 20, 30), Date.UTC(2014, 3, 6, 12)]) {
    t.equal(fire(ms + 7), inLocalHours(ms + 7, 'Australia/Sydney', 8, 17), new Date(ms).toISOString());
  }
});

t.test('utc_hours, weekday and schedule windows crossing midnight', async (t) => {
  const night = wf([
    { id: 't', kind: 'trigger', type: 'price_cross', level: 1, direction: 'above' },
    { id: 'h', kind: 'condition', type: 'session', utc_hours: [22, 2] },
    { id: 'd', kind: 'condition', type: 'weekday', days: ['fri'] },
    { id: 'a', kind: 'action', type: 'alert', side: 'buy' },
  ], [['t', 'h'], ['h', 'd'], ['d', 'a']]);
  const h = harness([night]);
  const fire = (ms: number): boolean => { const n = h.emitted.length; h.tick(ms - 1, 0.9); h.tick(ms, 1.1); return h.emitted.length > n; };
  const fri = Date.UTC(2014, 4, 9);
  t.ok(fire(fri + 1 * 60 * MIN), 'Fri 01:00');
  t.notOk(fire(fri + 2 * 60 * MIN), 'Fri 02:00 (end exclusive)');
  t.ok(fire(fri + 22 * 60 * MIN), 'Fri 22:00');
  t.notOk(fire(fri + 24 * 60 * MIN + 30 * MIN), 'Sat 00:30 is not Friday');
  t.notOk(fire(fri + 12 * 60 * MIN), 'Fri 12:00');

  const sched = wf([
    { id: 's', kind: 'trigger', type: 'schedule', start: '23:30', end: '00:30', weekdays: ['mon'] },
    { id: 'a', kind: 'action', type: 'alert', side: 'buy' },
  ], [['s', 'a']]);
  const s = harness([sched]);
  const mon = Date.UTC(2014, 4, 12);
  const at = (ms: number): number => { s.tick(ms, 1.2); return s.emitted.length; };
  t.equal(at(mon + 23 * 60 * MIN), 0);
  t.equal(at(mon + 23 * 60 * MIN + 30 * MIN), 1, 'enters the window Monday 23:30');
  t.equal(at(mon + 23 * 60 * MIN + 50 * MIN), 1, 'no re-fire while inside');
  t.equal(at(mon + 24 * 60 * MIN + 10 * MIN), 1, 'still inside after midnight (window of Monday)');
  t.equal(at(mon + 24 * 60 * MIN + 30 * MIN), 1, 'leaves at 00:30');
  t.equal(at(mon + 48 * 60 * MIN - 20 * MIN), 1, 'Tuesday 23:40: window day not allowed');
  t.equal(at(mon + 7 * 24 * 60 * MIN + 23 * 60 * MIN + 31 * MIN), 2, 'next Monday');
});

const series = (len: number) => fc.array(fc.oneof(
  fc.constantFrom(NaN, 30, 29, 31, 30.000000001),
  fc.double({ min: 0, max: 100, noNaN: true }),
), { minLength: 0, maxLength: len });

function crossings(xs: number[], level: number, dir: 'above' | 'below'): number[] {
  const out: number[] = [];
  for (let i = 1; i < xs.length; i++) {
    const ok = dir === 'above' ? xs[i - 1] <= level && xs[i] > level : xs[i - 1] >= level && xs[i] < level;
    if (ok && !Number.isNaN(xs[i - 1]) && !Number.isNaN(xs[i])) out.push(i);
  }
  return out;
}

t.test('property: indicator_cross and price_cross fire exactly at the defined crossings', async (t) => {
  const w = wf([
    { id: 'up', kind: 'trigger', type: 'indicator_cross', indicator: { name: 'sma', params: [3], timeframe: '5m' }, direction: 'above', level: 30 },
    { id: 'dn', kind: 'trigger', type: 'indicator_cross', indicator: { name: 'sma', params: [3], timeframe: '5m' }, direction: 'below', level: 30 },
    { id: 'pu', kind: 'trigger', type: 'price_cross', direction: 'above', level: 30 },
    { id: 'pd', kind: 'trigger', type: 'price_cross', direction: 'below', level: 30 },
    { id: 'a', kind: 'action', type: 'alert', side: 'buy' },
    { id: 'b', kind: 'action', type: 'alert', side: 'sell' },
    { id: 'c', kind: 'action', type: 'alert', side: 'buy' },
    { id: 'd', kind: 'action', type: 'alert', side: 'sell' },
  ], [['up', 'a'], ['dn', 'b'], ['pu', 'c'], ['pd', 'd']]);
  fc.assert(fc.property(series(60), series(60), (bars, mids) => {
    const h = harness([w]);
    const byTrigger = (ti: number): number[] => h.emitted.filter((e) => e.trigger === ti).map((e) => e.timeMs);
    bars.forEach((v, i) => { h.ctx.timeMs = i; h.ctx.indicatorValues[0] = v; h.rt.onBarClose(0); });
    // Bar triggers must not run on ticks, nor tick triggers on bar closes.
    const finite = mids.map((m) => (Number.isNaN(m) ? 30 : m));
    finite.forEach((m, i) => h.tick(1000 + i, m));
    return JSON.stringify(byTrigger(0)) === JSON.stringify(crossings(bars, 30, 'above')) &&
      JSON.stringify(byTrigger(1)) === JSON.stringify(crossings(bars, 30, 'below')) &&
      JSON.stringify(byTrigger(2)) === JSON.stringify(crossings(finite, 30, 'above').map((i) => 1000 + i)) &&
      JSON.stringify(byTrigger(3)) === JSON.stringify(crossings(finite, 30, 'below').map((i) => 1000 + i));
  }), { numRuns: 300 });
});

t.test('property: indicator_cross_indicator fires where a crosses b', async (t) => {
  const ref = (output: string) => ({ name: 'macd' as const, params: [12, 26, 9], timeframe: '1m', output });
  const w = wf([
    { id: 'up', kind: 'trigger', type: 'indicator_cross_indicator', a: ref('line'), b: ref('signal'), direction: 'above' },
    { id: 'dn', kind: 'trigger', type: 'indicator_cross_indicator', a: ref('line'), b: ref('signal'), direction: 'below' },
    { id: 'x', kind: 'action', type: 'execute', side: 'buy', units: 1 },
    { id: 'y', kind: 'action', type: 'execute', side: 'sell', units: 1 },
  ], [['up', 'x'], ['dn', 'y']]);
  const v = fc.oneof(fc.constant(NaN), fc.integer({ min: -3, max: 3 }));
  fc.assert(fc.property(fc.array(fc.tuple(v, v), { maxLength: 60 }), (pairs) => {
    const h = harness([w]);
    pairs.forEach(([a, b], i) => { h.ctx.timeMs = i; h.ctx.indicatorValues[0] = a; h.ctx.indicatorValues[1] = b; h.rt.onBarClose(0); });
    const want = (dir: 1 | -1): number[] => pairs.flatMap(([a, b], i) => {
      if (i === 0) return [];
      const [pa, pb] = pairs[i - 1];
      if ([a, b, pa, pb].some(Number.isNaN)) return [];
      return (dir === 1 ? pa <= pb && a > b : pa >= pb && a < b) ? [i] : [];
    });
    const got = (ti: number): number[] => h.emitted.filter((e) => e.trigger === ti).map((e) => e.timeMs);
    return JSON.stringify(got(0)) === JSON.stringify(want(1)) && JSON.stringify(got(1)) === JSON.stringify(want(-1)) &&
      h.emitted.every((e) => e.mode === SIGNAL_MODE.SIGNAL_AUTO_EXECUTE);
  }), { numRuns: 300 });
});

t.test('one signal per action per firing; conditions on every path; position condition', async (t) => {
  const w = wf([
    { id: 't', kind: 'trigger', type: 'price_cross', level: 1, direction: 'above' },
    { id: 'c1', kind: 'condition', type: 'compare', left: 'spread_pips', op: '<', right: 2 },
    { id: 'c2', kind: 'condition', type: 'compare', left: 'bid', op: '>', right: 0 },
    { id: 'flat', kind: 'condition', type: 'position', state: 'flat' },
    { id: 'a', kind: 'action', type: 'execute', side: 'buy', units: 100 },
    { id: 'b', kind: 'action', type: 'alert', side: 'buy' },
  ], [['t', 'c1'], ['t', 'c2'], ['c1', 'a'], ['c2', 'a'], ['c2', 'flat'], ['flat', 'b']]);
  const h = harness([w]);
  h.tick(1, 0.99); h.tick(2, 1.01, 1.0101);
  t.same(h.emitted.map((e) => [e.action, e.mode]), [[0, 3], [1, 1]], 'a once although two paths hold');
  h.ctx.positionUnits[0] = 500;
  h.tick(3, 0.99); h.tick(4, 1.01, 1.0150);
  t.same(h.emitted.slice(2).map((e) => e.action), [0], 'spread 49 pips blocks c1 only; long blocks b');
});

t.test('restarted runtime continues from the same rule state; foreign state is reset', async (t) => {
  const w = wf([
    { id: 't', kind: 'trigger', type: 'price_cross', level: 1, direction: 'above' },
    { id: 'a', kind: 'action', type: 'alert', side: 'buy', cooldown_s: 10 },
  ], [['t', 'a']]);
  const first = harness([w]);
  first.tick(0, 0.9); first.tick(1000, 1.1);
  t.equal(first.emitted.length, 1);
  first.tick(2000, 0.9);
  const again = harness([w], 'EUR_USD', first.state);
  again.tick(3000, 1.1);
  t.equal(again.emitted.length, 0, 'cooldown survives the restart');
  again.tick(4000, 0.9); again.tick(11_000, 1.1);
  t.equal(again.emitted.length, 1, 'previous mid survived too: crossing at t = last + cooldown fires');
  const fresh = harness([w], 'EUR_USD', new Float64Array(ruleStateLength(first.prog.i32)));
  fresh.tick(0, 1.1);
  t.equal(fresh.emitted.length, 0, 'zeroed buffer is reset to "nothing seen" (no crossing from 0)');
});

t.test('indexing, program tables and limits', async (t) => {
  const p = compileProgram([fixture('rsi-reversal'), fixture('price-cross-1.3850'), fixture('macd-cross-execute'), fixture('expr-volatility')], 'EUR_USD');
  t.same(p.meta.timeframesMs, [MIN, 5 * MIN]);
  t.same(p.meta.accounts, ['acct-1', 'acct-2']);
  t.same(p.meta.workflows.map((w) => w.id), ['rsi-reversal', 'price-cross-1-3850', 'macd-cross', 'vol-breakout']);
  t.same(p.meta.triggers.map((x) => [x.nodeId, x.timeframeIndex]),
    [['t1', 0], ['up', -1], ['down', -1], ['bull', 0], ['bear', 0], ['vol', 1], ['open', -1]]);
  const kinds = p.meta.indicators.map((i) => `${i.kind}(${i.params})@${i.timeframeMs / MIN}m`);
  t.same(kinds, ['rsi(14)@1m', 'macd(12,26,9)@1m', 'bbands(20,1)@5m', 'sma(20)@5m', 'rsi(14)@5m', 'macd(12,26,9)@5m'], 'deduped; stddev(20) reads bbands(20,1)');
  t.equal(p.meta.slots, 1 + 3 + 3 + 1 + 1 + 3);
  const nzd = compileProgram([fixture('rsi-reversal'), fixture('macd-cross-execute')], 'NZD_USD');
  t.same(nzd.meta.workflows.map((w) => w.id), ['macd-cross']);
  const off = compileProgram([{ ...fixture('macd-cross-execute'), enabled: false }], 'EUR_USD');
  t.equal(off.meta.workflows.length, 0);
  const empty = harness([]);
  empty.tick(1, 1); empty.rt.onBarClose(0);
  t.equal(empty.emitted.length, 0);
  let err: unknown;
  try { compileProgram([fixture('rsi-reversal')], 'EUR_USD', { maxI32: 10 }); } catch (e) { err = e; }
  t.ok(isPipstreamError(err, 'PS_PROGRAM_TOO_LARGE'));
});

t.test('real EUR/USD ticks: price_cross 1.3850 fires in both directions', async (t) => {
  const csv = gunzipSync(readFileSync(new URL('../data/ticks/oanda-EUR_USD-2014-05.csv.gz', import.meta.url))).toString('utf8');
  const h = harness([fixture('price-cross-1.3850')]);
  let prev = NaN;
  let expected = 0;
  for (const line of csv.split('\n').slice(1)) {
    if (line === '') continue;
    const [time, bid, ask] = line.split(',').map(Number);
    h.tick(time, bid, ask);
    const mid = (bid + ask) / 2;
    if ((prev <= 1.385 && mid > 1.385) || (prev >= 1.385 && mid < 1.385)) expected++;
    prev = mid;
  }
  t.ok(h.emitted.length > 10, `fires often on real data (${h.emitted.length})`);
  t.equal(h.emitted.length, expected);
  t.ok(h.emitted.some((e) => e.action === 0) && h.emitted.some((e) => e.action === 1), 'both directions fire');
});
