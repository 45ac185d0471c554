import t from 'tap';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPipstreamError } from '../engine/errors/mod.ts';
import { limitsIssues, loadLimitsFile, validateLimits, type LimitsIssue } from '../engine/risk/mod.ts';

const contractExample = {
  account: 'acct-1', instruments: ['EUR_USD'], max_order_units: 100000, max_position_units: 30000, max_open_trades: 20,
  max_daily_loss: 1000, max_drawdown_pct: 10, max_spread_pips: 5, max_orders_per_minute: 120,
};

function errorsOf(doc: unknown): LimitsIssue[] {
  try { validateLimits(doc); } catch (e) {
    if (isPipstreamError(e, 'PS_RISK_LIMITS_INVALID')) return e.details.errors as LimitsIssue[];
    throw e;
  }
  return [];
}

t.test('the DESIGN contract example and the empty document are valid', async (t) => {
  t.same(validateLimits(contractExample), contractExample);
  t.same(validateLimits({}), {});
});

t.test('bad documents: exact JSON-pointer paths', async (t) => {
  const cases: [string, unknown, LimitsIssue[]][] = [
    ['not an object', [], [{ path: '', message: 'must be object' }]],
    ['unknown key', { max_units: 5 }, [{ path: '/max_units', message: 'is not an allowed property' }]],
    ['escaped key', { 'a/b': 1 }, [{ path: '/a~1b', message: 'is not an allowed property' }]],
    ['empty account', { account: '' }, [{ path: '/account', message: 'must NOT have fewer than 1 characters' }]],
    ['instrument form', { instruments: ['EUR_USD', 'eurusd'] }, [{ path: '/instruments/1', message: 'must match pattern "^[A-Z][A-Z0-9]{1,9}_[A-Z]{3}$"' }]],
    ['duplicate instrument', { instruments: ['EUR_USD', 'EUR_USD'] }, [{ path: '/instruments', message: 'must NOT have duplicate items (items ## 1 and 0 are identical)' }]],
    ['fractional units', { max_order_units: 1.5 }, [{ path: '/max_order_units', message: 'must be integer' }]],
    ['zero order units', { max_order_units: 0 }, [{ path: '/max_order_units', message: 'must be >= 1' }]],
    ['position beyond Int32', { max_position_units: 2 ** 31 }, [{ path: '/max_position_units', message: 'must be <= 2147483647' }]],
    ['negative trades', { max_open_trades: -1 }, [{ path: '/max_open_trades', message: 'must be >= 0' }]],
    ['loss as string', { max_daily_loss: '1000' }, [{ path: '/max_daily_loss', message: 'must be number' }]],
    ['drawdown 0', { max_drawdown_pct: 0 }, [{ path: '/max_drawdown_pct', message: 'must be > 0' }]],
    ['drawdown over 100', { max_drawdown_pct: 101 }, [{ path: '/max_drawdown_pct', message: 'must be <= 100' }]],
    ['negative spread', { max_spread_pips: -0.1 }, [{ path: '/max_spread_pips', message: 'must be >= 0' }]],
    ['rate too high', { max_orders_per_minute: 10001 }, [{ path: '/max_orders_per_minute', message: 'must be <= 10000' }]],
    ['signal age 0', { max_signal_age_ms: 0 }, [{ path: '/max_signal_age_ms', message: 'must be >= 1' }]],
    ['signal age over an hour', { max_signal_age_ms: 3_600_001 }, [{ path: '/max_signal_age_ms', message: 'must be <= 3600000' }]],
    ['two problems', { max_open_trades: 'x', max_spread_pips: null },
      [{ path: '/max_open_trades', message: 'must be integer' }, { path: '/max_spread_pips', message: 'must be number' }]],
  ];
  for (const [name, doc, want] of cases) t.same(errorsOf(doc), want, name);
  t.throws(() => validateLimits({ max_open_trades: -1 }), { code: 'PS_RISK_LIMITS_INVALID', message: 'invalid risk limits: /max_open_trades: must be >= 0' });
});

const validValue: Record<string, fc.Arbitrary<unknown>> = {
  account: fc.string({ minLength: 1, maxLength: 128 }),
  instruments: fc.uniqueArray(fc.constantFrom('EUR_USD', 'USD_JPY', 'GBP_USD', 'XAU_USD', 'AUD_CAD'), { maxLength: 5 }),
  max_order_units: fc.integer({ min: 1, max: 2147483647 }),
  max_position_units: fc.integer({ min: 0, max: 2147483647 }),
  max_open_trades: fc.integer({ min: 0, max: 2147483647 }),
  max_daily_loss: fc.double({ min: 0, max: 9e9, noNaN: true }),
  max_drawdown_pct: fc.double({ min: 1e-9, max: 100, noNaN: true }),
  max_spread_pips: fc.double({ min: 0, max: 1e6, noNaN: true }),
  max_orders_per_minute: fc.integer({ min: 1, max: 10000 }),
  max_signal_age_ms: fc.integer({ min: 1, max: 3_600_000 }),
};
const invalidValue: Record<string, fc.Arbitrary<unknown>> = {
  account: fc.constantFrom('', 42, null, ['acct']),
  instruments: fc.constantFrom(['EURUSD'], 'EUR_USD', [1], ['EUR_USD', 'EUR_USD']),
  max_order_units: fc.oneof(fc.integer({ max: 0 }), fc.constant(0.5), fc.constant(2 ** 31), fc.constant('1')),
  max_position_units: fc.oneof(fc.integer({ max: -1 }), fc.constant(1.25), fc.constant(null)),
  max_open_trades: fc.oneof(fc.integer({ max: -1 }), fc.constant(2.5), fc.constant(true)),
  max_daily_loss: fc.oneof(fc.double({ max: -1e-9, noNaN: true, noDefaultInfinity: true }), fc.constant(1e10), fc.constant('1')),
  max_drawdown_pct: fc.oneof(fc.double({ max: 0, noNaN: true, noDefaultInfinity: true }), fc.double({ min: 100.001, max: 1e9, noNaN: true })),
  max_spread_pips: fc.oneof(fc.double({ max: -1e-9, noNaN: true, noDefaultInfinity: true }), fc.constant({})),
  max_orders_per_minute: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 10001 }), fc.constant(1.5)),
  max_signal_age_ms: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 3_600_001 }), fc.constant(2.5), fc.constant('5000')),
};
const keys = Object.keys(validValue);
const validDoc = fc.record(validValue, { requiredKeys: [] });

t.test('property: any document built from valid values (any subset of keys) is valid', async () => {
  fc.assert(fc.property(validDoc, (doc) => limitsIssues(doc).length === 0));
});

t.test('property: one invalid value is reported at exactly its path, nothing else', async () => {
  fc.assert(fc.property(validDoc, fc.constantFrom(...keys).chain((k) => fc.tuple(fc.constant(k), invalidValue[k])), (doc, [key, bad]) => {
    const issues = limitsIssues({ ...doc, [key]: bad });
    return issues.length > 0 && issues.every((i) => i.path === `/${key}` || i.path.startsWith(`/${key}/`));
  }));
});

t.test('loadLimitsFile: valid file, bad JSON, missing file, invalid content', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'risk-limits-'));
  const ok = join(dir, 'ok.json');
  writeFileSync(ok, JSON.stringify(contractExample));
  t.same(loadLimitsFile(ok), contractExample);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"max_open_trades": ');
  t.throws(() => loadLimitsFile(bad), { code: 'PS_RISK_LIMITS_INVALID', details: { file: bad } });
  t.throws(() => loadLimitsFile(join(dir, 'missing.json')), { code: 'PS_RISK_LIMITS_INVALID' });
  const invalid = join(dir, 'invalid.json');
  writeFileSync(invalid, '{"max_spread_pips": -1}');
  t.throws(() => loadLimitsFile(invalid), { code: 'PS_RISK_LIMITS_INVALID', details: { file: invalid, errors: [{ path: '/max_spread_pips', message: 'must be >= 0' }] } });
});
