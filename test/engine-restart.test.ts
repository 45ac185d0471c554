import t from 'tap';
import { connectBus } from '../engine/bus/mod.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { feedDirect } from '../engine/node/feed.ts';
import { connectRedis, type Redis } from '../engine/store/mod.ts';
import { decodeCheckpoint, encodeCheckpoint, type EngineSignal, Supervisor } from '../engine/supervisor/mod.ts';
import { checkpointKey } from '../engine/supervisor/checkpoint.ts';
import type { TickColumns } from '../engine/ticks/mod.ts';
import type { Workflow } from '../engine/workflow/mod.ts';
import {
  INSTRUMENT, OANDA_FILE, batchesOf, capturingLogger, fixtureWorkflow, pushRange, referenceRun, silentLogger, ticksOf,
} from './helpers/engine.ts';
import { probes, redisUrl, requireService } from './helpers/services.ts';

const workflows = (): Workflow[] => [fixtureWorkflow('macd-cross-execute.json'), fixtureWorkflow('price-cross-1.3850.json')];

/** `n` tick seqs, at least `gap` apart, each ending the densest stretch of signals before it. */
function denseSignalTicks(signals: EngineSignal[], n: number, gap: number): number[] {
  const scored = signals.map((s) => ({ seq: s.tick_seq, dense: signals.filter((o) => o.tick_seq > s.tick_seq - 600 && o.tick_seq <= s.tick_seq).length }));
  scored.sort((a, b) => b.dense - a.dense || a.seq - b.seq);
  const picked: number[] = [];
  for (const c of scored) if (picked.length < n && picked.every((p) => Math.abs(p - c.seq) >= gap)) picked.push(c.seq);
  return picked.sort((a, b) => a - b);
}

let ticks: TickColumns;
let reference: EngineSignal[];

t.before(async () => {
  ticks = await ticksOf(OANDA_FILE);
  reference = await referenceRun(ticks, workflows());
});

t.test('the reference run fires both workflows (else the comparisons below prove little)', async (t) => {
  const byWf = (id: string) => reference.filter((s) => s.workflow_id === id).length;
  t.equal(byWf('price-cross-1-3850'), 119, 'price-cross alerts');
  t.ok(byWf('macd-cross') > 1000, `macd-cross execute signals: ${byWf('macd-cross')}`);
  t.equal(new Set(reference.map((s) => s.id)).size, reference.length, 'ids are unique');
});

t.test('a worker killed mid-replay (four times) restarts on the same memory and delivers exactly the same signals', async (t) => {
  const signals: EngineSignal[] = [];
  const warnings: Array<Record<string, unknown>> = [];
  const sup = new Supervisor({ onSignal: (s) => signals.push(s), logger: capturingLogger(warnings) });
  t.teardown(() => sup.stop());
  await sup.addInstrument(INSTRUMENT);
  await sup.setWorkflows(INSTRUMENT, workflows());
  // Kill right after signal-dense stretches: signals emitted after the worker's last snapshot must
  // then be re-derived from the snapshot without being delivered twice (or counted twice).
  const killAfter = denseSignalTicks(reference, 4, 60_000);
  const kills: Array<{ target: number; pushed: number; processed: number }> = [];
  await pushRange(sup, ticks, 0, ticks.length, {
    before: (i) => {
      if (kills.length === killAfter.length || i <= killAfter[kills.length]) return undefined;
      const processed = sup.stats(INSTRUMENT).ticks;
      // Wait for the worker to pass the dense stretch, but kill while pushed ticks are still unprocessed.
      if (processed <= killAfter[kills.length] || processed >= i) return undefined;
      kills.push({ target: killAfter[kills.length], pushed: i, processed });
      return sup.killWorker(INSTRUMENT);
    },
  });
  await sup.drain(INSTRUMENT);
  t.equal(kills.length, killAfter.length, 'killed while ticks were flowing');
  for (const k of kills) t.ok(k.processed < k.pushed, `kill after tick ${k.target}: pushed ${k.pushed}, processed ${k.processed}`);

  const st = sup.stats(INSTRUMENT);
  t.equal(st.restarts, killAfter.length, 'stats().restarts counts every restart');
  t.equal(st.ticks, ticks.length, 'every tick processed exactly once (counter restored with the snapshot)');
  t.equal(st.last_seq, ticks.length - 1);
  t.equal(signals.length, reference.length, 'same number of signals');
  t.equal(new Set(signals.map((s) => s.id)).size, signals.length, 'no duplicate ids');
  t.same(signals, reference, 'identical signals: same ids, same order, none missing, none extra');
  t.equal(st.signals, reference.length, 'stats().signals counts each delivered signal once');
  t.ok(warnings.some((w) => w.code === 'PS_WORKER_CRASHED'), 'the crash was logged with its code');
});

t.test('whole-process warm start from a Redis checkpoint', async (t) => {
  if (!(await requireService(t, 'redis', probes.redis))) return;
  const redis = await connectRedis(redisUrl());
  t.teardown(() => redis.quit());
  const nodeId = `test-warm-${process.pid}-${Date.now().toString(36)}`;
  const key = checkpointKey(nodeId, INSTRUMENT);
  t.teardown(() => redis.del(key));

  async function startNode(redisConn: Redis | null, onSignal: (s: EngineSignal) => void, logger = silentLogger()): Promise<PipstreamNode> {
    const bus = await connectBus({ kind: 'embedded' });
    await bus.ensureStreams();
    return new PipstreamNode({ bus, logger, nodeId, redis: redisConn, onSignal });
  }
  const half = Math.floor(ticks.length / 2);

  await t.test('checkpoint after the first half, stop, then a new node continues with the same signals', async (t) => {
    const first: EngineSignal[] = [];
    const a = await startNode(redis, (s) => first.push(s));
    t.same(await a.addInstrument(INSTRUMENT, { warm: true }), { warm: false, lastSeq: -1 }, 'no checkpoint yet: cold');
    await a.putWorkflows(workflows());
    await feedDirect(a.supervisor, INSTRUMENT, batchesOf(ticks, 0, half), 0);
    await a.supervisor.drain(INSTRUMENT);
    t.equal(await a.checkpoint(), 1, 'one actor checkpointed');
    await a.stop();
    await a.bus.close();
    t.same(first, reference.filter((s) => s.tick_seq < half), 'first half: the reference signals up to the stop');

    const second: EngineSignal[] = [];
    const b = await startNode(redis, (s) => second.push(s));
    const started = await b.addInstrument(INSTRUMENT, { warm: true });
    t.same(started, { warm: true, lastSeq: half - 1 }, 'warm start where the first node stopped');
    await feedDirect(b.supervisor, INSTRUMENT, batchesOf(ticks, started.lastSeq + 1, ticks.length), started.lastSeq + 1);
    await b.supervisor.drain(INSTRUMENT);
    const st = b.supervisor.stats(INSTRUMENT);
    await b.stop();
    await b.bus.close();
    const tail = reference.filter((s) => s.tick_seq > started.lastSeq);
    t.ok(tail.length > 500, `the second half has ${tail.length} signals`);
    t.same(second, tail, 'second run = tail of the uninterrupted run (ids, order, values)');
    t.equal(st.ticks, ticks.length, 'tick counter continues from the checkpoint');
  });

  await t.test('a periodic checkpoint taken mid-flight: the new node re-feeds from its lastSeq', async (t) => {
    await redis.del(key);
    const a = await startNode(redis, () => {});
    await a.addInstrument(INSTRUMENT);
    await a.putWorkflows(workflows());
    const cut = half + 777; // not a snapshot boundary: the checkpoint lags the last processed tick
    await feedDirect(a.supervisor, INSTRUMENT, batchesOf(ticks, 0, cut), 0);
    await a.supervisor.drain(INSTRUMENT);
    await a.checkpoint();
    // The process "dies" here: no final checkpoint (node.stop would write one).
    await a.supervisor.stop();
    await a.bus.close();

    const second: EngineSignal[] = [];
    const b = await startNode(redis, (s) => second.push(s));
    const started = await b.addInstrument(INSTRUMENT, { warm: true });
    t.equal(started.warm, true);
    t.ok(started.lastSeq < cut - 1 && started.lastSeq > cut - 1 - 1025, `lastSeq ${started.lastSeq} is the snapshot's, before the cut ${cut}`);
    await feedDirect(b.supervisor, INSTRUMENT, batchesOf(ticks, started.lastSeq + 1, ticks.length), started.lastSeq + 1);
    await b.supervisor.drain(INSTRUMENT);
    await b.stop();
    await b.bus.close();
    t.same(second, reference.filter((s) => s.tick_seq > started.lastSeq), 'signals after lastSeq = reference tail');
  });

  await t.test('the production order (workflows first, then warm addInstrument, as `pipstream run --warm`) keeps the tail too',
    async (t) => {
      // Cut right before a tick on which a price-cross alert fires: the first tick after the restart
      // must still see the previous mid (trigger state) to fire it.
      const target = reference.find((s) => s.workflow_id === 'price-cross-1-3850' && s.tick_seq > half)!;
      await redis.del(key);
      const a = await startNode(redis, () => {});
      await a.putWorkflows(workflows());
      await a.addInstrument(INSTRUMENT, { warm: true });
      await feedDirect(a.supervisor, INSTRUMENT, batchesOf(ticks, 0, target.tick_seq), 0);
      await a.stop();
      await a.bus.close();

      const second: EngineSignal[] = [];
      const b = await startNode(redis, (s) => second.push(s));
      await b.putWorkflows(workflows());
      const started = await b.addInstrument(INSTRUMENT, { warm: true });
      t.same(started, { warm: true, lastSeq: target.tick_seq - 1 });
      await feedDirect(b.supervisor, INSTRUMENT, batchesOf(ticks, target.tick_seq, ticks.length), target.tick_seq);
      await b.supervisor.drain(INSTRUMENT);
      await b.stop();
      await b.bus.close();
      const tail = reference.filter((s) => s.tick_seq >= target.tick_seq);
      t.same(second[0], target, 'the cross on the first tick after the warm start still fires');
      t.same(second, tail, 'second run = reference tail');
    });

  await t.test('an unreadable checkpoint is ignored: cold start, warning logged, engine works', async (t) => {
    const valid = await redis.getBuffer(key);
    t.ok(valid !== null && valid.length > 100, 'a real checkpoint is there to corrupt');
    const cp = decodeCheckpoint(valid!);
    const wrongInstrument = encodeCheckpoint({ ...cp, instrument: 'GBP_USD' });
    const badProgram = encodeCheckpoint({ ...cp, programI32: cp.programI32.map((x, i) => (i < 4 ? x ^ 0x5a5a : x)) });
    const cases: Array<[string, Buffer]> = [
      ['garbage bytes', Buffer.from('not a checkpoint at all')],
      ['truncated', valid!.subarray(0, valid!.length - 24)],
      ['a checkpoint of another instrument under this key', wrongInstrument],
      ['a decodable checkpoint whose program is corrupt', badProgram],
    ];
    for (const [name, bytes] of cases) {
      await t.test(name, async (t) => {
        await redis.set(key, bytes);
        const logs: Array<Record<string, unknown>> = [];
        const got: EngineSignal[] = [];
        const n = await startNode(redis, (s) => got.push(s), capturingLogger(logs));
        await n.putWorkflows([fixtureWorkflow('price-cross-1.3850.json')]);
        let timer: NodeJS.Timeout | undefined;
        const started = await Promise.race([
          n.addInstrument(INSTRUMENT, { warm: true }).catch((err: Error) => ({ error: err.message })),
          new Promise((r) => { timer = setTimeout(() => r('timeout: addInstrument never resolved'), 5000); }),
        ]);
        clearTimeout(timer);
        t.same(started, { warm: false, lastSeq: -1 }, 'cold start');
        if (typeof started === 'object' && started !== null && 'warm' in started) {
          t.ok(logs.some((l) => l.code === 'PS_CHECKPOINT_INVALID'), 'PS_CHECKPOINT_INVALID logged');
          await feedDirect(n.supervisor, INSTRUMENT, batchesOf(ticks, 0, 100_000), 0);
          await n.supervisor.drain(INSTRUMENT);
          t.same(got.map((s) => s.id), reference.filter((s) => s.workflow_id === 'price-cross-1-3850' && s.tick_seq < 100_000).map((s) => s.id),
            'cold actor produces the reference signals');
        }
        await n.supervisor.stop().catch(() => {});
        await n.bus.close();
      });
    }
  });
});
