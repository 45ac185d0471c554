import t from 'tap';
import { connectBus } from '../engine/bus/mod.ts';
import { decodeRejectedTickEvent } from '../engine/events/mod.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { type EngineSignal, Supervisor } from '../engine/supervisor/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import type { TickColumns } from '../engine/ticks/mod.ts';
import {
  FXCM_FILE, INSTRUMENT, OANDA_FILE, fixtureWorkflow, pushRange, referenceRun, silentLogger, ticksOf, waitFor,
} from './helpers/engine.ts';

const workflows = () => [fixtureWorkflow('macd-cross-execute.json'), fixtureWorkflow('price-cross-1.3850.json')];
const N = 200_000;
const BAD_SEQ = 10_000_000;

t.test('bad ticks are rejected, counted, dead-lettered through the node, and change no state', async (t) => {
  const ticks = await ticksOf(OANDA_FILE);
  const clean = await referenceRun(ticks, workflows(), N);
  const cleanSup = await statsOfCleanRun(ticks);
  t.ok(clean.length > 100, `${clean.length} signals in the clean run`);

  // Bad ticks right before signal ticks (where a wrong mid or time would fire or suppress a trigger), and elsewhere.
  const kinds: Array<{ reason: string; make: (i: number) => [number, number, number] }> = [
    { reason: 'NON_FINITE_PRICE', make: (i) => [ticks.time[i], Number.NaN, ticks.ask[i]] },
    { reason: 'NON_FINITE_PRICE', make: (i) => [ticks.time[i], ticks.bid[i], Number.POSITIVE_INFINITY] },
    { reason: 'NON_POSITIVE_PRICE', make: (i) => [ticks.time[i], 0, ticks.ask[i]] },
    { reason: 'NON_POSITIVE_PRICE', make: (i) => [ticks.time[i], -1.39, -1.38] },
    { reason: 'NON_POSITIVE_PRICE', make: (i) => [ticks.time[i], 1.5, -2] },
    { reason: 'TIME_BACKWARDS', make: (i) => [ticks.time[i - 1] - 3_600_000, 1.2, 1.2001] },
    { reason: 'TIME_BACKWARDS', make: (i) => [ticks.time[i - 1] - 1, 1.5, 1.5001] },
    { reason: 'NON_FINITE_TIME', make: (i) => [Number.NaN, ticks.bid[i], ticks.ask[i]] },
    { reason: 'NON_FINITE_TIME', make: (i) => [Number.POSITIVE_INFINITY, ticks.bid[i], ticks.ask[i]] },
  ];
  const spots = [...clean.map((s) => s.tick_seq).filter((q) => q > 0).slice(0, 40), 1, 5000, 77_777, N - 1];
  // Pushed (and numbered) in this order: by position in the file, then as listed.
  const bad = spots.map((i, k) => ({ i, tick: kinds[k % kinds.length].make(i), reason: kinds[k % kinds.length].reason }))
    .sort((x, y) => x.i - y.i);
  // Sequence numbers of bad ticks lie outside the good ones, so good signals keep their ids.
  const expected = bad.map((b, k) => ({ seq: BAD_SEQ + k, reason: b.reason }));
  const at = new Map<number, Array<[number, number, number]>>();
  for (const b of bad) at.set(b.i, [...(at.get(b.i) ?? []), b.tick]);

  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  const dlq: Array<{ subject: string; seq: number; reason: string; bid: number; ask: number; timeMs: number }> = [];
  const sub = bus.subscribe(Subjects.deadLetter(Subjects.price(INSTRUMENT)), (m) => {
    const r = decodeRejectedTickEvent(m.data).rejectedTick!;
    dlq.push({ subject: m.subject, seq: Number(r.seq), reason: r.reason ?? '', bid: r.bid ?? 0, ask: r.ask ?? 0, timeMs: r.timeMs ?? 0 });
  });
  const signals: EngineSignal[] = [];
  const node = new PipstreamNode({ bus, logger: silentLogger(), onSignal: (s) => signals.push(s) });
  t.teardown(async () => { sub.unsubscribe(); await bus.close(); });
  await node.addInstrument(INSTRUMENT);
  await node.putWorkflows(workflows());
  const sup = node.supervisor;
  let next = BAD_SEQ;
  const results: string[] = [];
  await pushRange(sup, ticks, 0, N, {
    before: (i) => {
      for (const [time, bid, ask] of at.get(i) ?? []) results.push(sup.push(INSTRUMENT, time, bid, ask, next++));
      return undefined;
    },
  });
  await sup.drain(INSTRUMENT);
  const st = sup.stats(INSTRUMENT);
  await node.stop();

  t.ok(results.every((r) => r === 'rejected'), `push() said 'rejected' for all ${results.length} bad ticks`);
  t.equal(st.rejected_ticks, expected.length, 'stats().rejected_ticks counts them');
  t.equal(st.ticks, N, 'only the good ticks were processed');
  t.equal(st.bars, cleanSup.bars, 'bars identical to the clean run');
  t.equal(st.last_seq, N - 1);
  t.same(signals, clean, 'signals identical to the clean run');
  t.ok(await waitFor(() => dlq.length === expected.length, 2000), `one RejectedTickEvent per bad tick (${dlq.length})`);
  t.same(dlq.map((d) => ({ seq: d.seq, reason: d.reason })), expected, 'in order, with the seq and the reason');
  t.ok(dlq.every((d) => d.subject === 'prices.forex.EUR_USD.dlq'), 'on prices.forex.EUR_USD.dlq');
  const dl = await bus.streamInfo('DEAD_LETTERS');
  t.equal(dl.messages, expected.length, 'stored in the DEAD_LETTERS stream');
});

async function statsOfCleanRun(ticks: TickColumns) {
  const sup = new Supervisor({ logger: silentLogger() });
  await sup.addInstrument(INSTRUMENT);
  await sup.setWorkflows(INSTRUMENT, workflows());
  await pushRange(sup, ticks, 0, N);
  await sup.drain(INSTRUMENT);
  const st = sup.stats(INSTRUMENT);
  await sup.stop();
  return st;
}

t.test('crossed quotes (FXCM) are accepted; signals on them are not tradeable', async (t) => {
  const ticks = await ticksOf(FXCM_FILE);
  let crossed = 0;
  for (let i = 0; i < ticks.length; i++) if (ticks.ask[i] < ticks.bid[i]) crossed++;
  t.ok(crossed > ticks.length * 0.05, `${crossed} of ${ticks.length} quotes are crossed`);
  const signals: EngineSignal[] = [];
  const sup = new Supervisor({ onSignal: (s) => signals.push(s), logger: silentLogger() });
  await sup.addInstrument(INSTRUMENT);
  await sup.setWorkflows(INSTRUMENT, workflows());
  await pushRange(sup, ticks, 0, ticks.length);
  await sup.drain(INSTRUMENT);
  const st = sup.stats(INSTRUMENT);
  await sup.stop();
  t.equal(st.rejected_ticks, 0, 'crossed quotes are not rejected');
  t.equal(st.ticks, ticks.length, 'all processed');
  const onCrossed = signals.filter((s) => s.ask < s.bid);
  t.ok(onCrossed.length > 0, `${onCrossed.length} of ${signals.length} signals fired on a crossed quote`);
  t.ok(onCrossed.every((s) => s.tradeable === false), 'those are tradeable:false');
  t.ok(signals.filter((s) => s.ask >= s.bid).every((s) => s.tradeable === true), 'all others are tradeable:true');
  t.ok(signals.every((s) => s.bid === ticks.bid[s.tick_seq] && s.ask === ticks.ask[s.tick_seq]), 'each signal carries its tick\'s quote');
});
