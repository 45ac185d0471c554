import t from 'tap';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { validateWorkflow, workflowIssues, workflowSchema, type WorkflowIssue } from '../engine/workflow/mod.ts';
import { isPipstreamError } from '../engine/errors/mod.ts';

const dir = new URL('./fixtures/workflows/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (f: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
const base = () => load('rsi-reversal.json') as { nodes: Record<string, unknown>[]; edges: unknown[]; [k: string]: unknown };

function errorsOf(doc: unknown): WorkflowIssue[] {
  try { validateWorkflow(doc); } catch (e) {
    if (isPipstreamError(e, 'PS_WORKFLOW_INVALID')) return e.details.errors as WorkflowIssue[];
    throw e;
  }
  return [];
}

t.test('the schema is draft 2020-12 and every fixture validates', async (t) => {
  t.equal(workflowSchema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  t.ok(fixtures.length >= 4);
  for (const f of fixtures) t.same(workflowIssues(load(f)), [], f);
});

t.test('bad documents: exact JSON-pointer paths', async (t) => {
  const cases: [string, (d: ReturnType<typeof base>) => void, WorkflowIssue[]][] = [
    ['version 0', (d) => { d.version = 0; }, [{ path: '/version', message: 'must be >= 1' }]],
    ['version 1.5', (d) => { d.version = 1.5; }, [{ path: '/version', message: 'must be integer' }]],
    ['missing account', (d) => { delete d.account; }, [{ path: '/account', message: 'is required' }]],
    ['unknown top-level', (d) => { d.owner = 'x'; }, [{ path: '/owner', message: 'is not an allowed property' }]],
    ['instrument form', (d) => { d.instruments = ['EURUSD']; }, [{ path: '/instruments/0', message: 'must match pattern "^[A-Z][A-Z0-9]{1,9}_[A-Z]{3}$"' }]],
    ['no instruments', (d) => { d.instruments = []; }, [{ path: '/instruments', message: 'must NOT have fewer than 1 items' }]],
    ['enabled not boolean', (d) => { d.enabled = 'yes'; }, [{ path: '/enabled', message: 'must be boolean' }]],
    ['missing level', (d) => { delete d.nodes[0].level; }, [{ path: '/nodes/0/level', message: 'is required' }]],
    ['level as string', (d) => { d.nodes[0].level = '30'; }, [{ path: '/nodes/0/level', message: 'must be number' }]],
    ['direction', (d) => { d.nodes[0].direction = 'down'; }, [{ path: '/nodes/0/direction', message: 'must be one of "above", "below"' }]],
    ['indicator name', (d) => { (d.nodes[0].indicator as Record<string, unknown>).name = 'vwap'; },
      [{ path: '/nodes/0/indicator/name', message: 'must be one of "sma", "ema", "rsi", "macd", "bbands", "atr", "stddev"' }]],
    ['rsi params arity', (d) => { (d.nodes[0].indicator as Record<string, unknown>).params = [14, 2]; },
      [{ path: '/nodes/0/indicator/params', message: 'must NOT have more than 1 items' }]],
    ['rsi period 0', (d) => { (d.nodes[0].indicator as Record<string, unknown>).params = [0]; },
      [{ path: '/nodes/0/indicator/params/0', message: 'must be >= 1' }]],
    ['rsi has no output', (d) => { (d.nodes[0].indicator as Record<string, unknown>).output = 'line'; },
      [{ path: '/nodes/0/indicator/output', message: 'is not allowed here' }]],
    ['timeframe', (d) => { (d.nodes[0].indicator as Record<string, unknown>).timeframe = '1w'; },
      [{ path: '/nodes/0/indicator/timeframe', message: 'must match pattern "^[1-9][0-9]{0,5}(s|m|h|d)$"' }]],
    ['node kind mismatch', (d) => { d.nodes[0].kind = 'action'; }, [{ path: '/nodes/0/kind', message: 'must be "trigger"' }]],
    ['unknown node type', (d) => { d.nodes[1].type = 'moon'; },
      [{ path: '/nodes/1/type', message: 'must be one of "price_cross", "indicator_cross", "indicator_cross_indicator", "volatility", "schedule", "compare", "session", "weekday", "position", "expr", "alert", "confirm", "execute"' }]],
    ['unknown session', (d) => { d.nodes[1].sessions = ['paris']; },
      [{ path: '/nodes/1/sessions/0', message: 'must be one of "london", "new_york", "tokyo", "sydney"' }]],
    ['session and utc_hours', (d) => { d.nodes[1].utc_hours = [1, 2]; }, [{ path: '/nodes/1/utc_hours', message: 'is not allowed here' }]],
    ['session without either', (d) => { delete d.nodes[1].sessions; }, [{ path: '/nodes/1/utc_hours', message: 'is required' }]],
    ['units 0', (d) => { d.nodes[2].units = 0; }, [{ path: '/nodes/2/units', message: 'must be >= 1' }]],
    ['units missing on confirm', (d) => { delete d.nodes[2].units; }, [{ path: '/nodes/2/units', message: 'is required' }]],
    ['side', (d) => { d.nodes[2].side = 'long'; }, [{ path: '/nodes/2/side', message: 'must be one of "buy", "sell"' }]],
    ['negative stop', (d) => { d.nodes[2].stop_loss_pips = -1; }, [{ path: '/nodes/2/stop_loss_pips', message: 'must be > 0' }]],
    ['expiry over a day', (d) => { d.nodes[2].expiry_s = 86_401; }, [{ path: '/nodes/2/expiry_s', message: 'must be <= 86400' }]],
    ['expiry on execute', (d) => { d.nodes[2].type = 'execute'; d.nodes[2].expiry_s = 60; }, [{ path: '/nodes/2/expiry_s', message: 'is not an allowed property' }]],
    ['edge shape', (d) => { d.edges[0] = ['t1']; }, [{ path: '/edges/0', message: 'must NOT have fewer than 2 items' }]],
    // semantic rules
    ['duplicate id', (d) => { d.nodes[1].id = 't1'; }, [{ path: '/nodes/1/id', message: "duplicate node id 't1' (first at /nodes/0)" }]],
    ['unknown edge target', (d) => { d.edges.push(['c1', 'zz']); }, [{ path: '/edges/2/1', message: "unknown node 'zz'" }]],
    ['unknown edge source', (d) => { d.edges.push(['zz', 'a1']); }, [{ path: '/edges/2/0', message: "unknown node 'zz'" }]],
    ['edge out of an action', (d) => { d.edges.push(['a1', 'c1']); }, [{ path: '/edges/2/0', message: "an action ('a1') cannot have outgoing edges" }]],
    ['edge into a trigger', (d) => { d.edges.push(['c1', 't1']); }, [{ path: '/edges/2/1', message: "a trigger ('t1') cannot have incoming edges" }]],
    ['duplicate edge', (d) => { d.edges.push(['t1', 'c1']); }, [{ path: '/edges/2', message: 'duplicate edge' }]],
    ['cycle', (d) => {
      d.nodes.push({ id: 'c2', kind: 'condition', type: 'position', state: 'flat' });
      d.edges.push(['c1', 'c2'], ['c2', 'c1']);
    }, [{ path: '/edges/2', message: 'edges form a cycle' }]],
    ['unreachable action', (d) => { d.edges = [['t1', 'c1']]; }, [{ path: '/nodes/2', message: "action 'a1' is not reachable from any trigger" }]],
    ['macd fast >= slow', (d) => { d.nodes[0].indicator = { name: 'macd', params: [26, 12, 9], timeframe: '1m' }; },
      [{ path: '/nodes/0/indicator/params', message: 'macd fast period must be less than slow period' }]],
    ['schedule empty window', (d) => { d.nodes[0] = { id: 't1', kind: 'trigger', type: 'schedule', start: '10:00', end: '10:00' }; },
      [{ path: '/nodes/0/end', message: 'must differ from start' }]],
    ['cross of different timeframes', (d) => {
      d.nodes[0] = { id: 't1', kind: 'trigger', type: 'indicator_cross_indicator', direction: 'above',
        a: { name: 'sma', params: [5], timeframe: '1m' }, b: { name: 'sma', params: [20], timeframe: '5m' } };
    }, [{ path: '/nodes/0/b/timeframe', message: "must equal a.timeframe ('1m')" }]],
    ['expr syntax', (d) => { d.nodes[1] = { id: 'c1', kind: 'condition', type: 'expr', expr: 'rsi(14, "1m") < ' }; },
      [{ path: '/nodes/1/expr', message: 'unexpected end of expression at column 17', code: 'PS_EXPR_SYNTAX', column: 17 }]],
    ['expr type', (d) => { d.nodes[1] = { id: 'c1', kind: 'condition', type: 'expr', expr: 'bid > 1 && ask' }; },
      [{ path: '/nodes/1/expr', message: "'&&' needs boolean operands at column 9", code: 'PS_EXPR_TYPE', column: 9 }]],
  ];
  for (const [name, mutate, expected] of cases) {
    const d = base();
    mutate(d);
    t.same(errorsOf(d), expected, name);
  }
  t.same(errorsOf(42), [{ path: '', message: 'must be object' }]);
  let err: unknown;
  try { validateWorkflow({ ...base(), version: 0 }); } catch (e) { err = e; }
  t.ok(isPipstreamError(err, 'PS_WORKFLOW_INVALID'));
  t.match((err as Error).message, /\/version: must be >= 1/);
});

const ind = fc.oneof(
  fc.record({ name: fc.constantFrom('sma', 'ema', 'rsi', 'atr', 'stddev'), params: fc.tuple(fc.integer({ min: 1, max: 500 })), timeframe: fc.constantFrom('30s', '1m', '5m', '1h', '1d') }),
  fc.record({ name: fc.constant('macd'), params: fc.constant([12, 26, 9]), timeframe: fc.constantFrom('1m', '5m'), output: fc.constantFrom('line', 'signal', 'hist') }),
  fc.record({ name: fc.constant('bbands'), params: fc.tuple(fc.integer({ min: 2, max: 50 }), fc.double({ min: 0.5, max: 4, noNaN: true })), timeframe: fc.constant('1m'), output: fc.constantFrom('upper', 'middle', 'lower') }),
);
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const trigger = fc.oneof(
  fc.record({ type: fc.constant('price_cross'), level: fc.double({ min: 0.5, max: 2, noNaN: true }), direction: fc.constantFrom('above', 'below') }),
  fc.record({ type: fc.constant('indicator_cross'), indicator: ind, direction: fc.constantFrom('above', 'below'), level: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ type: fc.constant('volatility'), indicator: fc.record({ name: fc.constantFrom('atr', 'stddev'), params: fc.tuple(fc.integer({ min: 1, max: 50 })), timeframe: fc.constant('5m') }), threshold: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ type: fc.constant('schedule'), start: fc.constant('08:00'), end: hhmm.filter((e) => e !== '08:00') }),
);
const condition = fc.oneof(
  fc.record({ type: fc.constant('compare'), left: fc.oneof(fc.constantFrom('bid', 'ask', 'mid', 'spread_pips'), ind.map((indicator) => ({ indicator }))), op: fc.constantFrom('<', '<=', '>', '>=', '==', '!='), right: fc.oneof(fc.integer(), ind.map((indicator) => ({ indicator }))) }),
  fc.record({ type: fc.constant('session'), sessions: fc.uniqueArray(fc.constantFrom('london', 'new_york', 'tokyo', 'sydney'), { minLength: 1 }) }),
  fc.record({ type: fc.constant('session'), utc_hours: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 24 })).filter(([a, b]) => a !== b) }),
  fc.record({ type: fc.constant('weekday'), days: fc.uniqueArray(fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'), { minLength: 1 }) }),
  fc.record({ type: fc.constant('position'), state: fc.constantFrom('flat', 'long', 'short') }),
  fc.record({ type: fc.constant('expr'), expr: fc.constantFrom('rsi(14, "1m") < 30', 'spread_pips < 2 && hour >= 7', '!(position > 0)') }),
);
const action = fc.record({
  type: fc.constantFrom('alert', 'confirm', 'execute'), side: fc.constantFrom('buy', 'sell'), units: fc.integer({ min: 1, max: 1e6 }),
  cooldown_s: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
}).map((a) => JSON.parse(JSON.stringify(a)));
/** trigger -> condition* -> action chains sharing a workflow. */
const workflow = fc.array(fc.tuple(trigger, fc.array(condition, { maxLength: 3 }), action), { minLength: 1, maxLength: 4 }).map((chains) => {
  const nodes: Record<string, unknown>[] = [];
  const edges: [string, string][] = [];
  chains.forEach(([tr, conds, act], c) => {
    nodes.push({ id: `t${c}`, kind: 'trigger', ...tr });
    let prev = `t${c}`;
    conds.forEach((cond, k) => { nodes.push({ id: `c${c}_${k}`, kind: 'condition', ...cond }); edges.push([prev, `c${c}_${k}`]); prev = `c${c}_${k}`; });
    nodes.push({ id: `a${c}`, kind: 'action', ...act });
    edges.push([prev, `a${c}`]);
  });
  return { id: 'gen', version: 1, account: 'acct-1', instruments: ['EUR_USD'], nodes, edges };
});

t.test('property: generated workflows validate', async (t) => {
  fc.assert(fc.property(workflow, (w) => workflowIssues(w).length === 0), { numRuns: 300 });
  t.pass('300 generated workflows valid');
});

t.test('property: mutations are reported at the mutated path', async (t) => {
  const mutation = fc.constantFrom('drop-required', 'unknown-prop', 'wrong-kind', 'bad-edge', 'dup-id', 'bad-type');
  fc.assert(fc.property(workflow, mutation, fc.nat(), (w, m, pick) => {
    const i = pick % w.nodes.length;
    const n = w.nodes[i];
    let path: string;
    switch (m) {
      case 'drop-required': {
        const req = Object.keys(n).filter((k) => k !== 'cooldown_s' && k !== 'units' || (k === 'units' && n.type !== 'alert'));
        const k = req[pick % req.length];
        delete n[k];
        path = k === 'sessions' ? `/nodes/${i}/utc_hours` : `/nodes/${i}/${k}`;
        break;
      }
      case 'unknown-prop': n.bogus = 1; path = `/nodes/${i}/bogus`; break;
      case 'wrong-kind': n.kind = n.kind === 'action' ? 'trigger' : 'action'; path = `/nodes/${i}/kind`; break;
      case 'bad-type': n.id = 'bad id!'; path = `/nodes/${i}/id`; break;
      case 'bad-edge': w.edges.push([String(n.id), 'nope']); path = `/edges/${w.edges.length - 1}/1`; break;
      default: { const j = (i + 1) % w.nodes.length; if (j === i) return true; w.nodes[j].id = n.id; path = `/nodes/${Math.max(i, j)}/id`; }
    }
    const issues = workflowIssues(w);
    return issues.length > 0 && issues.some((x) => x.path === path);
  }), { numRuns: 500 });
  t.pass('500 mutations reported at their path');
});
