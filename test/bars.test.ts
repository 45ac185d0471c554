import t from 'tap';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAR_BUILDER_SLOTS, BAR_SLOT, BarBuilder, parseTimeframe, readBarFile, ticksToBars } from '../engine/bars/mod.ts';
import { loadTickFile } from '../engine/ticks/mod.ts';

t.test('parseTimeframe', async (t) => {
  t.equal(parseTimeframe('30s'), 30_000);
  t.equal(parseTimeframe('1m'), 60_000);
  t.equal(parseTimeframe('15m'), 900_000);
  t.equal(parseTimeframe('4h'), 14_400_000);
  t.equal(parseTimeframe('1d'), 86_400_000);
  for (const bad of ['', '1', 'm', '0m', '01m', '1.5m', '1M', '1w', ' 1m', '-1m']) {
    t.throws(() => parseTimeframe(bad), { code: 'PS_BAD_ARGUMENT' }, JSON.stringify(bad));
  }
});

t.test('builder: buckets, close on the first tick of a later bucket, no empty bars', async (t) => {
  const state = new Float64Array(new SharedArrayBuffer(8 * (BAR_BUILDER_SLOTS + 3)));
  const b = new BarBuilder(state, 3, 60_000);
  t.notOk(b.onTick(120_001, 1.0));
  t.notOk(b.onTick(150_000, 1.3));
  t.notOk(b.onTick(160_000, 0.9));
  t.notOk(b.onTick(179_999, 1.1));
  t.ok(b.onTick(300_000, 2.0), 'a tick two buckets later closes the bar');
  t.same([b.closedStart, b.closedOpen, b.closedHigh, b.closedLow, b.closedClose, b.closedTicks], [120_000, 1.0, 1.3, 0.9, 1.1, 4]);
  t.equal(state[3 + BAR_SLOT.START], 300_000, 'the closing tick started the new bar');
  t.equal(state[3 + BAR_SLOT.OPEN], 2.0);
  t.notOk(b.onTick(299_999, 5), 'an earlier bucket changes nothing');
  t.equal(state[3 + BAR_SLOT.HIGH], 2.0);
  const attached = new BarBuilder(state, 3);
  t.ok(attached.onTick(360_000, 2.5), 'an attached builder continues');
  t.equal(attached.closedCount, 2);
  t.same([attached.closedStart, attached.closedOpen, attached.closedClose], [300_000, 2.0, 2.0]);
  t.throws(() => new BarBuilder(new Float64Array(BAR_BUILDER_SLOTS), 0), { code: 'PS_BAD_ARGUMENT' });
});

t.test('ticksToBars: mid, validation, negative times floor', async (t) => {
  const bars = ticksToBars({ time: [-1, 0, 59_999, 30_000, 60_000, 61_000], bid: [1, 2, 2, 9, NaN, 3], ask: [1, 2, 4, 9, 1, 3], length: 6 }, 60_000);
  t.same([...bars.time], [-60_000, 0]);
  t.same([...bars.close], [1, 3], 'the backwards tick (30000) was rejected');
  t.same([...bars.high], [1, 3]);
  t.same([...bars.low], [1, 2]);
  t.equal(bars.rejectedTicks, 2);
});

// Independent model: group by bucket, drop the last (still open) bucket.
function model(ticks: [number, number, number][], size: number): number[][] {
  const out: number[][] = [];
  let cur: number[] | null = null;
  for (const [time, bid, ask] of ticks) {
    const mid = (bid + ask) / 2;
    const start = Math.floor(time / size) * size;
    if (cur && cur[0] === start) { cur[2] = Math.max(cur[2], mid); cur[3] = Math.min(cur[3], mid); cur[4] = mid; }
    else { if (cur) out.push(cur); cur = [start, mid, mid, mid, mid]; }
  }
  return out;
}

t.test('property: ticksToBars (BarBuilder) == an independent model on generated sorted ticks', async (t) => {
  const tick = fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }));
  fc.assert(fc.property(fc.array(tick, { maxLength: 200 }), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(1000, 5000, 60_000), (raw, t0, size) => {
    let time = t0;
    const ticks = raw.map(([dt, b, a]): [number, number, number] => [(time += dt), b, a]);
    const bars = ticksToBars({ time: ticks.map((x) => x[0]), bid: ticks.map((x) => x[1]), ask: ticks.map((x) => x[2]), length: ticks.length }, size);
    const want = model(ticks, size);
    const got = Array.from({ length: bars.length }, (_, i) => [bars.time[i], bars.open[i], bars.high[i], bars.low[i], bars.close[i]]);
    t.same(got, want);
    return got.length === want.length;
  }), { numRuns: 300 });
});

t.test('real ticks: 1m bars are aligned and consistent', async (t) => {
  const ticks = await loadTickFile('data/ticks/oanda-EUR_USD-2014-05.csv.gz');
  const bars = ticksToBars(ticks, 60_000);
  t.ok(bars.length > 10_000 && bars.length < 16_000, `${bars.length} bars`);
  let ok = true;
  for (let i = 0; i < bars.length; i++) {
    ok &&= bars.time[i] % 60_000 === 0 && (i === 0 || bars.time[i] > bars.time[i - 1]) &&
      bars.low[i] <= Math.min(bars.open[i], bars.close[i]) && bars.high[i] >= Math.max(bars.open[i], bars.close[i]);
  }
  t.ok(ok);
  t.ok(bars.high.reduce((a, b) => Math.max(a, b)) < 1.4 && bars.high.reduce((a, b) => Math.max(a, b)) > 1.399, 'peak near 1.3993');
});

t.test('readBarFile: epoch ms and ISO times, extra columns, errors', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'pipstream-bars-'));
  const p = join(dir, 'a.csv');
  writeFileSync(p, 'time,open,high,low,close,volume\n0,1,2,0.5,1.5,10\n2014-05-01T00:00:00Z,1,1,1,1,0\n');
  const b = await readBarFile(p);
  t.same([...b.time], [0, Date.parse('2014-05-01T00:00:00Z')]);
  t.same([...b.close], [1.5, 1]);
  const bad = join(dir, 'b.csv');
  writeFileSync(bad, 'time,open,high,low,close\n0,1,2,0.5,1.5\n1,3,2,0.5,1.5\n');
  await t.rejects(readBarFile(bad), { code: 'PS_BAD_TICK_FILE', details: { line: 3 } });
  writeFileSync(bad, 'time,open,high,low,close\n5,1,2,0.5,1.5\n5,1,2,0.5,1.5\n');
  await t.rejects(readBarFile(bad), { code: 'PS_BAD_TICK_FILE', details: { line: 3 } });
  writeFileSync(bad, 'time,o,h,l,c\n');
  await t.rejects(readBarFile(bad), { code: 'PS_BAD_TICK_FILE', message: /time,open,high,low,close/ });
});
