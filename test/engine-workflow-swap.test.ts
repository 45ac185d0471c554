import t from 'tap';
import { connectBus } from '../engine/bus/mod.ts';
import { encodeWorkflowChangedEvent, EventType, makeEnvelope } from '../engine/events/mod.ts';
import { feedDirect } from '../engine/node/feed.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { type EngineSignal, Supervisor } from '../engine/supervisor/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import type { TickColumns } from '../engine/ticks/mod.ts';
import type { Workflow } from '../engine/workflow/mod.ts';
import {
  INSTRUMENT, OANDA_FILE, batchesOf, capturingLogger, fixtureWorkflow, pushRange, referenceRun, silentLogger, sleep, ticksOf,
  versionless, waitFor,
} from './helpers/engine.ts';

const priceV1 = () => fixtureWorkflow('price-cross-1.3850.json');
const priceV2 = () => fixtureWorkflow('price-cross-1.3850.json', { version: 2 });
const macdV2 = () => fixtureWorkflow('macd-cross-execute.json');
const macdV3 = () => fixtureWorkflow('macd-cross-execute.json', { version: 3 });
const BAR_MS = 60_000;

let ticks: TickColumns;
let priceRef: EngineSignal[];
let macdRef: EngineSignal[];
t.before(async () => {
  ticks = await ticksOf(OANDA_FILE);
  priceRef = await referenceRun(ticks, [priceV1()]);
  macdRef = await referenceRun(ticks, [macdV3()]);
});

/** Runs the file through a supervisor with `first`, swapping to `second` just before tick `at` is pushed. */
async function swapRun(first: Workflow[], second: Workflow[], at: number, settle: boolean) {
  const signals: EngineSignal[] = [];
  const sup = new Supervisor({ onSignal: (s) => signals.push(s), logger: silentLogger() });
  await sup.addInstrument(INSTRUMENT);
  await sup.setWorkflows(INSTRUMENT, first);
  let inFlight = -1;
  let version = -1;
  let swappedAt = -1;
  await pushRange(sup, ticks, 0, ticks.length, {
    before: (i) => {
      if (swappedAt >= 0 || i < at) return undefined;
      // Without `settle`: at `at`, let the worker drain and fall asleep; the next 1,000 ticks are pushed
      // without ringing its doorbell (it wakes on its own only every 200 ms), so they are still in the
      // ring when the swap is published.
      if (!settle && i === at) return (async () => { await waitFor(() => sup.stats(INSTRUMENT).ticks === i); await sleep(20); })();
      if (!settle && i < at + 1000) return undefined;
      swappedAt = i;
      return (async () => {
        // `settle`: let the worker get close to `at`, so the swap tick is known to within a few ticks.
        if (settle) await waitFor(() => sup.stats(INSTRUMENT).ticks >= at - 64);
        inFlight = i - sup.stats(INSTRUMENT).ticks;
        version = await sup.setWorkflows(INSTRUMENT, second);
      })();
    },
    quiet: (i) => !settle && i > at && i < at + 1000,
  });
  await sup.drain(INSTRUMENT);
  const stats = sup.stats(INSTRUMENT);
  await sup.stop();
  return { signals, stats, inFlight, version, swappedAt };
}

t.test('hot swap while ticks flow: no tick dropped or doubled, new version on the signals after the swap', async (t) => {
  // A swap point whose ring window (up to 64k ticks in flight) holds no price cross: the comparison is exact.
  const at = firstIndex(200_000, (i) => !priceRef.some((s) => s.tick_seq > i - 70_000 && s.tick_seq <= i + 5005));
  const r = await swapRun([priceV1()], [priceV2(), macdV2()], at, false);
  t.ok(r.inFlight > 0, `${r.inFlight} ticks in flight at the swap`);
  t.equal(r.version, 2, 'setWorkflows resolved with the new program version');
  t.equal(r.stats.program_version, 2);
  t.equal(r.stats.ticks, ticks.length, 'stats().ticks = ticks pushed: each processed exactly once');
  t.equal(r.stats.rejected_ticks, 0);
  const price = r.signals.filter((s) => s.workflow_id === 'price-cross-1-3850');
  t.same(price.map(versionless), priceRef.map(versionless), 'price-cross signals unchanged across the swap (but for the version)');
  const firstV2 = price.findIndex((s) => s.workflow_version === 2);
  t.ok(firstV2 > 0, 'both versions fired');
  t.ok(price.slice(0, firstV2).every((s) => s.workflow_version === 1) && price.slice(firstV2).every((s) => s.workflow_version === 2),
    'versions switch once, in tick order');
  t.ok(price[firstV2].tick_seq > at - 70_000, 'the first v2 signal comes after the swap');
  t.notOk(price.slice(firstV2).some((s) => priceRef.some((p) => p.id === s.id)), 'v2 signals have ids of their own (the version is part of the id)');
  const macd = r.signals.filter((s) => s.workflow_id === 'macd-cross');
  t.ok(macd.length > 500, `the added workflow fires after the swap (${macd.length} signals)`);
  t.ok(macd.every((s) => s.tick_seq > at - 70_000), 'and only after it');
  t.equal(r.stats.signals, r.signals.length, 'stats().signals = signals delivered');
});

t.test('an indicator both versions use stays warm across the swap (macd v2 -> v3)', async (t) => {
  // Swap where the next MACD cross is a few bars away (the first bar is the next test)
  // and none fired within the cooldown before: signals must then match a run with v3 from the start.
  const at = firstIndex(250_000, (i) => {
    const next = macdRef.find((s) => s.tick_seq >= i);
    const prev = macdRef.findLast((s) => s.tick_seq < i);
    return next !== undefined && prev !== undefined && next.time_ms - ticks.time[i] >= 3 * BAR_MS &&
      next.time_ms - ticks.time[i] <= 8 * BAR_MS && ticks.time[i] - prev.time_ms > 2 * BAR_MS;
  });
  const r = await swapRun([macdV2()], [macdV3()], at, true);
  t.equal(r.stats.ticks, ticks.length, 'every tick processed exactly once');
  const firstV3 = r.signals.findIndex((s) => s.workflow_version === 3);
  t.ok(firstV3 > 0, 'signals of both versions');
  if (firstV3 <= 0) return;
  const gapBars = (r.signals[firstV3].time_ms - ticks.time[at]) / BAR_MS;
  t.ok(gapBars < 10, `first v3 signal ${gapBars.toFixed(1)} bars after the swap: no ~34-bar MACD warm-up`);
  t.same(r.signals.slice(firstV3), macdRef.filter((s) => s.tick_seq >= r.signals[firstV3].tick_seq),
    'from the swap on: identical to v3 from the start (ids included)');
  t.same(r.signals.map(versionless), macdRef.map(versionless), 'whole run: identical but for the version');
});

t.test('a cross on the first bar after a swap still fires', async (t) => {
  // A v3 whose program really differs (a looser spread filter), so the swap is a real program change.
  const doc = JSON.parse(JSON.stringify(macdV3())) as { nodes: Array<{ id: string; right?: number }> };
  for (const n of doc.nodes) if (n.id === 'tight-bull' || n.id === 'tight-bear') n.right = 3.5;
  const v3 = fixtureWorkflow('macd-cross-execute.json', { version: 3, nodes: doc.nodes });
  const ref = await referenceRun(ticks, [v3]);
  // Swap right before the tick that closes the bar of a MACD cross.
  const target = ref.find((s) => s.tick_seq > 300_000)!;
  const r = await swapRun([macdV2()], [v3], target.tick_seq, true);
  t.equal(r.version, 2, 'a real swap');
  t.equal(r.stats.ticks, ticks.length);
  t.same(r.signals.find((s) => s.workflow_version === 3), target, 'the cross closing the first bar after the swap');
  t.same(r.signals.filter((s) => s.tick_seq >= target.tick_seq), ref.filter((s) => s.tick_seq >= target.tick_seq),
    'from the swap on: identical to v3 from the start');
});

t.test('node control path: workflow.changed swaps the workflow; invalid documents change nothing', async (t) => {
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  const logs: Array<Record<string, unknown>> = [];
  const signals: EngineSignal[] = [];
  const node = new PipstreamNode({ bus, logger: capturingLogger(logs), onSignal: (s) => signals.push(s) });
  t.teardown(async () => { await node.stop(); await bus.close(); });
  await node.listenControl();
  await node.addInstrument(INSTRUMENT);
  await node.putWorkflows([priceV1()]);
  const stats = () => node.supervisor.stats(INSTRUMENT);
  const publish = (account: string, documentJson: string, workflowId = 'price-cross-1-3850') => bus.publishCore(
    Subjects.workflowChanged(account),
    encodeWorkflowChangedEvent({
      envelope: makeEnvelope(EventType.EVENT_TYPE_WORKFLOW_CHANGED),
      workflowChanged: { account, workflowId, version: 2, documentJson, active: true },
    }),
  );
  const cut1 = 150_000, cut2 = 400_000;
  await feedDirect(node.supervisor, INSTRUMENT, batchesOf(ticks, 0, cut1), 0);
  await node.supervisor.drain(INSTRUMENT);
  t.equal(stats().program_version, 1);

  publish('acct-1', JSON.stringify(priceV2()));
  t.ok(await waitFor(() => stats().program_version === 2), 'the actor runs the new program');
  t.ok(await waitFor(() => logs.some((l) => l.msg === 'workflow swapped in' && l.version === 2)), 'swap logged');

  await feedDirect(node.supervisor, INSTRUMENT, batchesOf(ticks, cut1, cut2), cut1);
  await node.supervisor.drain(INSTRUMENT);

  const bad: Array<[string, string, string]> = [
    ['schema violation', 'acct-1', JSON.stringify({ ...priceV2(), version: 3, nodes: [{ id: 'x', kind: 'trigger', type: 'nope' }] })],
    ['not JSON', 'acct-1', '{"id": "price-cross-1-3850", '],
    ['published on another account subject', 'acct-2', JSON.stringify({ ...priceV2(), version: 3 })],
  ];
  for (const [why, account, doc] of bad) {
    const before = logs.length;
    publish(account, doc);
    t.ok(await waitFor(() => logs.slice(before).some((l) => l.msg === 'workflow.changed rejected'), 2000), `${why}: rejected and logged`);
    const entry = logs.slice(before).find((l) => l.msg === 'workflow.changed rejected');
    t.match(entry, { level: 50, code: /^PS_/ }, `${why}: logged as an error with a code (${String(entry?.code)})`);
  }
  await sleep(50);
  t.equal(stats().program_version, 2, 'no invalid document was swapped in');

  await feedDirect(node.supervisor, INSTRUMENT, batchesOf(ticks, cut2, ticks.length), cut2);
  await node.supervisor.drain(INSTRUMENT);
  t.equal(stats().ticks, ticks.length, 'every tick processed once');
  t.ok(signals.every((s) => s.workflow_version === (s.tick_seq < cut1 ? 1 : 2)), 'v1 before the swap, v2 after, still v2 after the rejections');
  t.same(signals.map(versionless), priceRef.map(versionless), 'the same alerts as an uninterrupted run');
});

function firstIndex(from: number, ok: (i: number) => boolean): number {
  for (let i = from; i < ticks.length; i += 97) if (ok(i)) return i;
  throw new Error(`no index from ${from} satisfies the condition`);
}
