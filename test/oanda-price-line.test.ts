import t from 'tap';
import fc from 'fast-check';
import { parseDecimal, parseRfc3339Ms, parseUnixTimeMs } from '../actors/ingest/mod.ts';

const GRAMMAR = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

t.test('parseDecimal: known values and rejections', async (t) => {
  t.equal(parseDecimal('1.38676'), 1.38676);
  t.equal(parseDecimal('101.234'), 101.234);
  t.equal(parseDecimal('0'), 0);
  t.equal(parseDecimal('-0.5'), -0.5);
  t.equal(parseDecimal('0.1'), 0.1);
  t.equal(parseDecimal('9007199254740993'), 9007199254740992); // beyond 2^53: Number() path, correctly rounded
  t.equal(parseDecimal('0.30000000000000000000000000001'), 0.3);
  for (const bad of ['1e5', 'NaN', '', ' 1.2', '1.2 ', '+1', '1.', '.5', '01', '00.1', '0x10', 'Infinity', '-', '-.1',
    '1..2', '1.2.3', '1,5', '\u0661', '1_000']) {
    t.ok(Number.isNaN(parseDecimal(bad)), `rejects ${JSON.stringify(bad)}`);
  }
});

t.test('parseDecimal equals Number() on every grammatical decimal', async (t) => {
  const digits = (min: number, max: number) =>
    fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));
  const intPart = fc.oneof(fc.constant('0'),
    fc.tuple(fc.constantFrom(...'123456789'), digits(0, 20)).map(([a, b]) => a + b));
  const decimal = fc.tuple(fc.boolean(), intPart, fc.option(digits(1, 30), { nil: undefined }))
    .map(([neg, i, f]) => `${neg ? '-' : ''}${i}${f === undefined ? '' : `.${f}`}`);
  fc.assert(fc.property(decimal, (s) => Object.is(parseDecimal(s), Number(s))), { numRuns: 20000 });
  t.pass('20000 generated decimals');
});

t.test('parseDecimal round-trips FX prices and shortest double strings', async (t) => {
  // FX shape: up to 7 significant digits, 0-6 decimals, the hot path.
  fc.assert(fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 6 }), (m, k) => {
    const s = (m / 10 ** k).toFixed(k);
    return parseDecimal(s) === Number(s);
  }), { numRuns: 20000 });
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
    const s = String(d);
    if (!GRAMMAR.test(s)) return Number.isNaN(parseDecimal(s)); // exponent forms are outside the grammar
    return Object.is(parseDecimal(s), d) || (d === 0 && parseDecimal(s) === 0);
  }), { numRuns: 20000 });
  t.pass('round trips hold');
});

t.test('parseDecimal: grammar oracle over a hostile alphabet', async (t) => {
  const s = fc.array(fc.constantFrom(...'0123456789.-+e E\tx'), { maxLength: 12 }).map((a) => a.join(''));
  fc.assert(fc.property(s, (x) => {
    const v = parseDecimal(x);
    return GRAMMAR.test(x) ? Object.is(v, Number(x)) : Number.isNaN(v);
  }), { numRuns: 30000 });
  t.pass('accepts exactly the grammar');
});

const YEAR0 = -62167219200000; // 0000-01-01T00:00:00Z
const YEAR9999 = 253402300799999; // 9999-12-31T23:59:59.999Z

t.test('parseRfc3339Ms matches Date on millisecond ISO strings', async (t) => {
  t.equal(parseRfc3339Ms('2014-05-01T00:00:00.292000000Z'), 1398902400292);
  t.equal(parseRfc3339Ms('2014-05-01T00:00:00Z'), 1398902400000);
  t.equal(parseRfc3339Ms('2014-05-01t02:00:00.5+02:00'), 1398902400500);
  t.equal(parseRfc3339Ms('2014-04-30T19:30:00-04:30'), 1398902400000);
  t.equal(parseRfc3339Ms('2016-02-29T12:00:00.000001Z'), Date.UTC(2016, 1, 29, 12) + 0.001);
  fc.assert(fc.property(fc.integer({ min: YEAR0, max: YEAR9999 }), (ms) =>
    parseRfc3339Ms(new Date(ms).toISOString()) === ms), { numRuns: 20000 });
  t.pass('Date agreement');
});

t.test('parseRfc3339Ms keeps microseconds, truncates below, honours offsets', async (t) => {
  const instant = fc.record({
    sec: fc.integer({ min: 0, max: 4102444799 }), // 1970 .. 2099
    ns: fc.integer({ min: 0, max: 999_999_999 }),
    fracDigits: fc.integer({ min: 1, max: 9 }),
    offsetMin: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
  });
  fc.assert(fc.property(instant, ({ sec, ns, fracDigits, offsetMin }) => {
    const frac = String(ns).padStart(9, '0').slice(0, fracDigits);
    const us = Math.floor(Number(frac.padEnd(9, '0')) / 1000);
    const expected = (sec * 1e6 + us) / 1000;
    const local = new Date((sec + offsetMin * 60) * 1000).toISOString().slice(0, 19);
    const sign = offsetMin < 0 ? '-' : '+';
    const abs = Math.abs(offsetMin);
    const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    const z = `${new Date(sec * 1000).toISOString().slice(0, 19)}.${frac}Z`;
    const unix = `${sec}.${frac}`;
    return parseRfc3339Ms(z) === expected && parseRfc3339Ms(`${local}.${frac}${off}`) === expected &&
      parseUnixTimeMs(unix) === expected && Math.abs(expected - (sec * 1000 + Number(frac.padEnd(9, '0')) / 1e6)) < 0.002;
  }), { numRuns: 20000 });
  t.pass('µs precision');
});

t.test('time parsers reject malformed strings', async (t) => {
  for (const bad of ['', '2014-05-01', '2014-05-01T00:00:00', '2014-05-01 00:00:00Z', '2014-02-29T00:00:00Z',
    '2014-13-01T00:00:00Z', '2014-00-01T00:00:00Z', '2014-05-32T00:00:00Z', '2014-05-01T24:00:00Z',
    '2014-05-01T00:60:00Z', '2014-05-01T00:00:60Z', '2014-05-01T00:00:00.Z', '2014-05-01T00:00:00.1234567890Z',
    '2014-05-01T00:00:00+0200', '2014-05-01T00:00:00+24:00', '2014-05-01T00:00:00Zx', '2014-5-01T00:00:00Z',
    ' 2014-05-01T00:00:00Z', '2014-05-01T00:00:00.12a4Z', '1398902400.292000000']) {
    t.ok(Number.isNaN(parseRfc3339Ms(bad)), `RFC3339 rejects ${JSON.stringify(bad)}`);
  }
  t.equal(parseUnixTimeMs('1398902400.292000000'), 1398902400292);
  t.equal(parseUnixTimeMs('1398902400'), 1398902400000);
  for (const bad of ['', '.5', '1398902400.', '1398902400.1234567890', '-1398902400', '1e9', ' 1', '01',
    '2014-05-01T00:00:00Z', '123456789012.5', '1398902400.29a']) {
    t.ok(Number.isNaN(parseUnixTimeMs(bad)), `UNIX rejects ${JSON.stringify(bad)}`);
  }
  const alphabet = fc.array(fc.constantFrom(...'0123456789-:.TZ+ '), { maxLength: 32 }).map((a) => a.join(''));
  const shape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
  fc.assert(fc.property(alphabet, (s) => shape.test(s) || Number.isNaN(parseRfc3339Ms(s))), { numRuns: 30000 });
});
