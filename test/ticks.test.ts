import t from 'tap';
import type { Test } from 'tap';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTickFile, parseIsoTimeMs, readTickFile, TICK_REJECT, TICK_REJECT_NAMES, TickValidator } from '../engine/ticks/mod.ts';
import { isPipstreamError } from '../engine/errors/mod.ts';
import type { PipstreamError } from '../engine/errors/mod.ts';

/** Resolves to the PipstreamError `p` rejects with (fails the test if it resolves). */
async function failure(t: Test, p: Promise<unknown>): Promise<PipstreamError> {
  try {
    await p;
  } catch (err) {
    t.ok(isPipstreamError(err), 'a PipstreamError');
    return err as PipstreamError;
  }
  t.fail('expected a rejection');
  return { code: '', message: '', details: {} } as unknown as PipstreamError;
}

const dir = mkdtempSync(join(tmpdir(), 'pipstream-ticks-'));
let fileNo = 0;
function file(text: string | Buffer, ext = '.csv'): string {
  const p = join(dir, `f${fileNo++}${ext}`);
  writeFileSync(p, text);
  return p;
}

t.test('epoch-ms format, CRLF, blank lines, no trailing newline', async (t) => {
  const c = await loadTickFile(file('time_ms,bid,ask\r\n1398902400292,1.38676,1.38686\r\n\r\n1398902400920.5,1.38676,1.38687'));
  t.equal(c.length, 2);
  t.same([...c.time], [1398902400292, 1398902400920.5]);
  t.same([...c.bid], [1.38676, 1.38676]);
  t.same([...c.ask], [1.38686, 1.38687]);
  t.same([...c.line], [2, 4]);
});

t.test('ISO format with Z, offsets and nanosecond fractions', async (t) => {
  const c = await loadTickFile(file([
    'time,bid,ask',
    '2014-05-01T00:00:00.292Z,1.1,1.2',
    '2014-05-01T02:00:00.292123+02:00,1.1,1.2',
    '2014-04-30T19:00:01-0500,1.1,1.2',
    '2014-05-01T00:00:02Z,1.1,1.2',
  ].join('\n') + '\n'));
  const base = Date.parse('2014-05-01T00:00:00.292Z');
  t.equal(c.time[0], base);
  t.equal(Math.round(c.time[1] * 1000), base * 1000 + 123, 'microsecond exact');
  t.equal(c.time[2], base - 292 + 1000);
  t.equal(c.time[3], base - 292 + 2000);
  const ns = parseIsoTimeMs('2014-05-01T00:00:00.292123456Z');
  t.ok(Math.abs(ns - (base + 0.123456)) < 2.5e-4, 'nanosecond fraction kept to float64 precision');
});

t.test('parseIsoTimeMs', async (t) => {
  t.equal(parseIsoTimeMs('2014-05-01T00:00:00.292Z'), 1398902400292);
  t.equal(Math.round(parseIsoTimeMs('2024-02-29T23:59:59.999999Z') * 1000), Date.parse('2024-02-29T23:59:59.999Z') * 1000 + 999);
  t.equal(parseIsoTimeMs('1969-12-31T23:59:59.5Z'), -500);
  for (const bad of ['2014-05-01T00:00:00', '2014-13-01T00:00:00Z', '2023-02-29T00:00:00Z', '2014-05-01T24:00:00Z',
    '2014-05-01T00:00:00.Z', '2014-05-01T00:00:00Zx', 'yesterday', '2014-05-01T00:00:00+25:00']) {
    t.ok(Number.isNaN(parseIsoTimeMs(bad)), bad);
  }
  fc.assert(fc.property(fc.integer({ min: -2e12, max: 4e12 }), fc.integer({ min: 0, max: 999 }), (ms, us) => {
    const iso = new Date(ms).toISOString().replace('Z', `${String(us).padStart(3, '0')}Z`);
    return Math.round(parseIsoTimeMs(iso) * 1000) === ms * 1000 + us;
  }));
});

t.test('gzip is read transparently (by content, not name)', async (t) => {
  const text = 'time_ms,bid,ask\n1,1.5,1.6\n2,1.5,1.7\n';
  const a = await loadTickFile(file(gzipSync(text), '.csv.gz'));
  const b = await loadTickFile(file(gzipSync(text), '.csv'));
  t.same([...a.ask], [1.6, 1.7]);
  t.same([...b.ask], [1.6, 1.7]);
});

t.test('real file: row count, first and last rows, batches', async (t) => {
  let rows = 0, batches = 0, first = NaN, lastLine = 0;
  for await (const b of readTickFile('data/ticks/oanda-EUR_USD-2014-05.csv.gz')) {
    if (batches === 0) first = b.time[0];
    batches++;
    rows += b.length;
    lastLine = b.line[b.length - 1];
  }
  t.equal(rows, 532903);
  t.equal(first, 1398902400292);
  t.equal(lastLine, 532904);
  t.ok(batches > 1);
});

t.test('bad header names the expected headers', async (t) => {
  const err = await failure(t, loadTickFile(file('timestamp,bid,ask\n1,1,1\n')));
  t.equal(err.code, 'PS_BAD_TICK_FILE');
  t.match(err.message, /"time_ms,bid,ask" or "time,bid,ask"/);
  t.equal(err.details.line, 1);
  await t.rejects(loadTickFile(file('')), { code: 'PS_BAD_TICK_FILE' });
});

t.test('malformed rows: error with file and line, or skipped', async (t) => {
  const cases: [string, RegExp][] = [
    ['1,1.1,1.2\n2,1.1\n', /columns/],
    ['1,1.1,1.2\n2,1.1,1.2,9\n', /columns/],
    ['1,1.1,1.2\n2,abc,1.2\n', /number/],
    ['1,1.1,1.2\n2,1.1,\n', /number/],
    ['1,1.1,1.2\n2,1.1.1,1.2\n', /number/],
  ];
  for (const [body, reason] of cases) {
    const p = file(`time_ms,bid,ask\n${body}`);
    const err = await failure(t, loadTickFile(p));
    t.equal(err.code, 'PS_BAD_TICK_FILE', body);
    t.equal(err.details.line, 3);
    t.equal(err.details.file, p);
    t.match(err.message, `${p}:3`);
    t.match(String(err.details.reason), reason);
    const skipped: number[] = [];
    const c = await loadTickFile(p, { onMalformed: 'skip', onSkip: (line) => skipped.push(line) });
    t.equal(c.length, 1);
    t.equal(c.skipped, 1);
    t.same(skipped, [3]);
  }
  await t.rejects(loadTickFile(file('time,bid,ask\n2014-05-01 00:00:00,1,1\n')), { code: 'PS_BAD_TICK_FILE', details: { line: 2 } });
  await t.rejects(loadTickFile(join(dir, 'missing.csv')), { code: 'PS_BAD_TICK_FILE' });
});

const price = fc.double({ min: 1e-9, max: 1e6, noNaN: true, noDefaultInfinity: true });
// [epoch ms, microseconds within the ms, bid, ask]
const row = fc.tuple(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 999 }), price, price);

t.test('property: rows round-trip through both formats and small batches', async (t) => {
  await fc.assert(fc.asyncProperty(fc.array(row, { maxLength: 60 }), fc.boolean(), fc.integer({ min: 1, max: 7 }), async (rows, iso, batchRows) => {
    const times = rows.map(([ms, us]) => ms + us / 8); // fractional epoch ms stay exact
    const lines = rows.map(([ms, us, bid, ask], i) =>
      `${iso ? new Date(ms).toISOString().replace('Z', `${String(us).padStart(3, '0')}Z`) : String(times[i])},${bid},${ask}`);
    const p = file(`${iso ? 'time' : 'time_ms'},bid,ask\n${lines.join('\n')}\n`);
    const got: number[][] = [];
    for await (const b of readTickFile(p, { batchRows })) {
      for (let i = 0; i < b.length; i++) got.push([b.time[i], b.bid[i], b.ask[i], b.line[i]]);
    }
    if (got.length !== rows.length) return false;
    return rows.every(([ms, us, bid, ask], i) => {
      const timeOk = iso ? Math.round(got[i][0] * 1000) === ms * 1000 + us : got[i][0] === times[i];
      return timeOk && got[i][1] === bid && got[i][2] === ask && got[i][3] === i + 2;
    });
  }), { numRuns: 150 });
});

t.test('validator: reasons, counts, no state change on rejection', async (t) => {
  const v = new TickValidator();
  t.equal(v.check(1000, 1.1, 1.2), TICK_REJECT.OK);
  t.equal(v.check(999, 1.1, 1.2), TICK_REJECT.TIME_BACKWARDS);
  t.equal(v.lastTime, 1000, 'baseline kept');
  t.equal(v.check(1001, NaN, 1.2), TICK_REJECT.NON_FINITE_PRICE);
  t.equal(v.check(1001, 1.1, Infinity), TICK_REJECT.NON_FINITE_PRICE);
  t.equal(v.check(1001, 0, 1.2), TICK_REJECT.NON_POSITIVE_PRICE);
  t.equal(v.check(1001, 1.1, -1), TICK_REJECT.NON_POSITIVE_PRICE);
  t.equal(v.check(NaN, 1.1, 1.2), TICK_REJECT.NON_FINITE_TIME);
  t.equal(v.lastTime, 1000);
  t.equal(v.check(1000, 1.1, 1.2), TICK_REJECT.OK, 'equal time is not backwards');
  t.equal(v.accepted, 2);
  t.equal(v.rejected(TICK_REJECT.NON_FINITE_PRICE), 2);
  t.equal(v.rejected(TICK_REJECT.NON_POSITIVE_PRICE), 2);
  t.equal(v.rejected(TICK_REJECT.TIME_BACKWARDS), 1);
  t.equal(v.rejectedTotal, 6);
  t.equal(TICK_REJECT_NAMES[TICK_REJECT.TIME_BACKWARDS], 'TIME_BACKWARDS');
  t.equal(TICK_REJECT_NAMES[TICK_REJECT.NON_POSITIVE_PRICE], 'NON_POSITIVE_PRICE');
});

t.test('validator: crossed quote accepted but flagged; state in a shared buffer', async (t) => {
  const sab = new Float64Array(new SharedArrayBuffer(8 * 20));
  const v = new TickValidator(sab, 5);
  t.equal(v.check(1, 1.2, 1.1), TICK_REJECT.OK);
  t.ok(v.crossed);
  t.equal(v.crossedCount, 1);
  t.equal(v.check(2, 1.1, 1.1), TICK_REJECT.OK);
  t.notOk(v.crossed, 'locked is not crossed');
  const again = new TickValidator(sab, 5, true);
  t.equal(again.lastTime, 2);
  t.equal(again.check(1, 1.1, 1.2), TICK_REJECT.TIME_BACKWARDS, 'attached validator continues');
});

t.test('real dirty feed: crossed quotes counted, nothing rejected', async (t) => {
  const c = await loadTickFile('data/ticks/fxcm-EUR_USD-2014-05.csv.gz');
  t.equal(c.length, 1144807);
  const v = new TickValidator();
  for (let i = 0; i < c.length; i++) v.check(c.time[i], c.bid[i], c.ask[i]);
  t.equal(v.accepted + v.rejectedTotal, c.length);
  t.ok(v.crossedCount > 0.05 * c.length && v.crossedCount < 0.15 * c.length, `about 10% crossed: ${v.crossedCount}`);
});
