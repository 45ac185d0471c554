import t from 'tap';
import fc from 'fast-check';
import {
  parseExpr, parseCondition, printExpr, compileProgram, validateWorkflow, ProgramRuntime, ruleStateLength,
  type Expr, type EvalContext, type ProgramMeta,
} from '../engine/workflow/mod.ts';
import { PipstreamError } from '../engine/errors/mod.ts';

const strip = (e: Expr): unknown => JSON.parse(JSON.stringify(e, (k, v) => (k === 'col' ? undefined : v)));

function failure(src: string): { code: string; column: number } {
  try { parseCondition(src); } catch (e) {
    if (e instanceof PipstreamError) return { code: e.code, column: e.details.column as number };
    throw e;
  }
  return { code: 'none', column: 0 };
}

t.test('parses the documented forms', async (t) => {
  t.same(strip(parseExpr('rsi(14, "1m") < 30')), {
    t: 'binary', op: '<', left: { t: 'call', name: 'rsi', args: [{ t: 'num', value: 14 }, { t: 'str', value: '1m' }] }, right: { t: 'num', value: 30 },
  });
  t.same(strip(parseExpr('1 + 2 * 3 - 4')), strip(parseExpr('(1 + (2 * 3)) - 4')));
  t.same(strip(parseExpr('!(bid > 1) || ask < 2 && mid == 1')), strip(parseExpr('(!(bid > 1)) || ((ask < 2) && (mid == 1))')));
  for (const ok of [
    'macd_signal(12, 26, 9, "1m") < macd(12,26,9,"1m")', 'bbands_upper(20, 2, "1m") > mid', 'atr(14, "1h") > 0.001',
    'abs(min(bid, ask) - max(1, 2)) >= -0.5', 'hour >= 8 && minute < 30 && weekday != 0 && position == 0',
    'spread_pips <= 1.5e0', 'stddev(20, "5m") > 2 * sma(3, "30s") / 1000', '!!(ema(5, "1d") > 1)',
  ]) t.doesNotThrow(() => parseCondition(ok), ok);
});

t.test('errors carry code and column', async (t) => {
  const cases: [string, string, number][] = [
    ['rsi(14, "1m") <', 'PS_EXPR_SYNTAX', 16],
    ['bid > 1 &&& ask', 'PS_EXPR_SYNTAX', 11],
    ['bid # 1', 'PS_EXPR_SYNTAX', 5],
    ['foo > 1', 'PS_EXPR_SYNTAX', 1],
    ['bogus(1) > 1', 'PS_EXPR_SYNTAX', 1],
    ['(bid > 1', 'PS_EXPR_SYNTAX', 9],
    ['bid > 1)', 'PS_EXPR_SYNTAX', 8],
    ['rsi(14, "1m) > 1', 'PS_EXPR_SYNTAX', 9],
    ['12abc > 1', 'PS_EXPR_SYNTAX', 1],
    ['bid + 1', 'PS_EXPR_TYPE', 1],
    ['bid > 1 && 2', 'PS_EXPR_TYPE', 9],
    ['!bid', 'PS_EXPR_TYPE', 1],
    ['-(bid > 1) > 0', 'PS_EXPR_TYPE', 1],
    ['(bid > 1) == 2', 'PS_EXPR_TYPE', 11],
    ['rsi(14) > 1', 'PS_EXPR_TYPE', 1],
    ['rsi(bid, "1m") > 1', 'PS_EXPR_TYPE', 5],
    ['rsi(14, "1x") > 1', 'PS_EXPR_TYPE', 9],
    ['rsi(1.5, "1m") > 1', 'PS_EXPR_TYPE', 5],
    ['macd(26, 12, 9, "1m") > 0', 'PS_EXPR_TYPE', 1],
    ['abs(1, 2) > 0', 'PS_EXPR_TYPE', 1],
    ['"1m" == "1m"', 'PS_EXPR_TYPE', 1],
    ['min(bid > 1, 2) > 0', 'PS_EXPR_TYPE', 5],
  ];
  for (const [src, code, column] of cases) t.same(failure(src), { code, column }, src);
  t.equal(failure('('.repeat(100) + 'bid > 1' + ')'.repeat(100)).code, 'PS_EXPR_SYNTAX', 'depth is bounded');
});

const VARS = ['bid', 'ask', 'mid', 'spread_pips', 'hour', 'minute', 'weekday', 'position'] as const;
const CALLS = ['rsi(14, "1m")', 'sma(3, "5m")', 'macd(12, 26, 9, "1m")', 'macd_signal(12, 26, 9, "1m")', 'macd_hist(12, 26, 9, "1m")',
  'bbands_upper(20, 2, "1m")', 'bbands_lower(20, 2, "1m")', 'stddev(20, "1m")', 'atr(14, "1h")', 'ema(5, "30s")'];
const callAst = CALLS.map((c) => parseExpr(c));

const { num, bool } = fc.letrec<{ num: Expr; bool: Expr }>((tie) => ({
  num: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1e6, noNaN: true })).map((v): Expr => ({ t: 'num', value: v === 0 ? 0 : v, col: 0 })),
    fc.constantFrom(...VARS).map((name): Expr => ({ t: 'var', name, col: 0 })),
    fc.constantFrom(...callAst),
    tie('num').map((arg): Expr => ({ t: 'unary', op: '-', arg, col: 0 })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/'), tie('num'), tie('num')).map(([op, left, right]): Expr => ({ t: 'binary', op, left, right, col: 0 })),
    tie('num').map((a): Expr => ({ t: 'call', name: 'abs', args: [a], col: 0 })),
    fc.tuple(fc.constantFrom('min', 'max'), tie('num'), tie('num')).map(([name, a, b]): Expr => ({ t: 'call', name, args: [a, b], col: 0 })),
  ),
  bool: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('num'), tie('num')).map(([op, left, right]): Expr => ({ t: 'binary', op, left, right, col: 0 })),
    fc.tuple(fc.constantFrom('&&', '||', '==', '!='), tie('bool'), tie('bool')).map(([op, left, right]): Expr => ({ t: 'binary', op, left, right, col: 0 })),
    tie('bool').map((arg): Expr => ({ t: 'unary', op: '!', arg, col: 0 })),
  ),
}));

t.test('property: print then parse gives the same AST', async (t) => {
  fc.assert(fc.property(fc.oneof(num, bool), (e) => {
    const back = parseExpr(printExpr(e));
    return JSON.stringify(strip(back)) === JSON.stringify(strip(e));
  }), { numRuns: 1000 });
  t.pass('1000 round trips');
});

/** Reference semantics: a direct AST interpreter (booleans as JS booleans). */
type Env = { vars: Record<string, number>; slot: (call: string) => number };
function interp(e: Expr, env: Env): number | boolean {
  switch (e.t) {
    case 'num': return e.value;
    case 'str': throw new Error('string');
    case 'var': return env.vars[e.name];
    case 'unary': return e.op === '-' ? -(interp(e.arg, env) as number) : !interp(e.arg, env);
    case 'call':
      if (e.name === 'abs') return Math.abs(interp(e.args[0], env) as number);
      if (e.name === 'min' || e.name === 'max') return Math[e.name](interp(e.args[0], env) as number, interp(e.args[1], env) as number);
      return env.slot(printExpr(e));
    case 'binary': {
      const l = interp(e.left, env) as number;
      const r = interp(e.right, env) as number;
      switch (e.op) {
        case '+': return l + r; case '-': return l - r; case '*': return l * r; case '/': return l / r;
        case '<': return l < r; case '<=': return l <= r; case '>': return l > r; case '>=': return l >= r;
        case '==': return l === r; case '!=': return l !== r;
        case '&&': return Boolean(l) && Boolean(r); case '||': return Boolean(l) || Boolean(r);
      }
    }
  }
}

/** Slot value of an indicator call, read the way the documented meta describes. */
function slotReader(meta: ProgramMeta, values: Float64Array): (call: string) => number {
  return (call) => {
    const m = /^(\w+)\((.*), "(\w+)"\)$/.exec(call)!;
    const [fn, params, tf] = [m[1], m[2].split(', ').map(Number), m[3]];
    const tfMs = Number(tf.slice(0, -1)) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[tf.slice(-1) as 's']!;
    const OUT: Record<string, [string, number]> = {
      macd: ['macd', 0], macd_signal: ['macd', 1], macd_hist: ['macd', 2],
      bbands_upper: ['bbands', 0], bbands_middle: ['bbands', 1], bbands_lower: ['bbands', 2], stddev: ['bbands', 0],
    };
    const [kind, output] = OUT[fn] ?? [fn, 0];
    const ps = fn === 'stddev' ? [params[0], 1] : params;
    const ind = meta.indicators.find((i) => i.kind === kind && JSON.stringify(i.params) === JSON.stringify(ps) && i.timeframeMs === tfMs)!;
    const v = values[ind.firstSlot + output];
    return fn === 'stddev' ? v - values[ind.firstSlot + 1] : v;
  };
}

/** Run one condition through the compiled program (schedule trigger fires on the first tick) and report whether it held. */
function runCompiled(cond: string, timeMs: number, bid: number, ask: number, pos: number, slotValues: number[]): { held: boolean; env: Env } {
  const wf = validateWorkflow({
    id: 'p', version: 1, account: 'acct', instruments: ['EUR_USD'], edges: [['s', 'c'], ['c', 'a']],
    nodes: [
      { id: 's', kind: 'trigger', type: 'schedule', start: '00:00', end: '23:59' },
      { id: 'c', kind: 'condition', type: 'expr', expr: cond },
      { id: 'a', kind: 'action', type: 'alert', side: 'buy' },
    ],
  });
  const prog = compileProgram([wf], 'EUR_USD');
  let held = false;
  const ctx: EvalContext = {
    bid, ask, mid: (bid + ask) / 2, timeMs, pipSize: 0.0001,
    indicatorValues: Float64Array.from({ length: prog.meta.slots }, (_, i) => slotValues[i % slotValues.length]),
    positionUnits: Float64Array.of(pos), emit() { held = true; },
  };
  new ProgramRuntime(prog.i32, prog.f64, new Float64Array(ruleStateLength(prog.i32)), ctx).onTick();
  const d = new Date(timeMs);
  const vars = {
    bid, ask, mid: ctx.mid, spread_pips: (ask - bid) / 0.0001, hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: d.getUTCDay(), position: pos,
  };
  return { held, env: { vars, slot: slotReader(prog.meta, ctx.indicatorValues) } };
}

const inputs = fc.record({
  timeMs: fc.integer({ min: 0, max: 20_000 }).chain((d) => fc.integer({ min: 0, max: 1438 * 60_000 }).map((ms) => d * 86_400_000 + ms)),
  bid: fc.double({ min: 0.5, max: 2, noNaN: true }),
  spread: fc.double({ min: 0, max: 0.01, noNaN: true }),
  pos: fc.constantFrom(0, 1000, -1000),
  slots: fc.array(fc.oneof(fc.constant(NaN), fc.constant(0), fc.double({ min: -100, max: 100, noNaN: true })), { minLength: 1, maxLength: 8 }),
});

t.test('property: compiled bytecode agrees with the AST interpreter', async (t) => {
  fc.assert(fc.property(bool, inputs, (e, x) => {
    const { held, env } = runCompiled(printExpr(e), x.timeMs, x.bid, x.bid + x.spread, x.pos, x.slots);
    return held === interp(e, env);
  }), { numRuns: 400 });
  // Numbers, exactly: compare the compiled value with the interpreter's through an equality condition.
  fc.assert(fc.property(num, inputs, (e, x) => {
    const src = printExpr(e);
    // Same indicators in the same first-use order as the condition below, so the same slots.
    const probe = runCompiled(`${src} == ${src} || bid > 0`, x.timeMs, x.bid, x.bid + x.spread, x.pos, x.slots);
    const v = interp(e, probe.env) as number;
    const lit = (n: number): string => (n < 0 ? `-${String(-n)}` : String(n));
    const cond = Number.isNaN(v) ? `!(${src} == ${src})` : v === Infinity ? `${src} > 1e308` : v === -Infinity ? `${src} < -1e308` : `${src} == ${lit(v)}`;
    return runCompiled(cond, x.timeMs, x.bid, x.bid + x.spread, x.pos, x.slots).held;
  }), { numRuns: 400 });
  t.pass('bytecode == interpreter on 800 random expressions');
});
