/**
 * Tick-to-signal and tick-to-order latency through real NATS JetStream at a fixed offered rate, each
 * tick measured from the time it was due (open loop: no coordinated omission).
 *
 *   feed connection --publishAsync TickEvent--> JetStream PRICES --ordered pull consumer--> PipstreamNode
 *   (instrument actor worker) --publishAsync SignalEvent--> workflow.signals.<run account> --core sub--> here
 *
 * Tick i (real EUR_USD ticks from the most active stretch of the file) is due at S_i = start + i/rate. The
 * feed (bench/open-loop.ts) publishes, each time its metronome thread wakes it, every tick that is due. The signal subscriber takes the
 * SignalEvent's tick_seq and records now - S_seq for the first signal of each tick (hdr-histogram-js, µs),
 * and (`made`) the SignalEvent's envelope time - S_seq: when the node made the signal, before the journal's leg
 * back to this reader (the node's clock placed on this one through bench/mono-clock.ts).
 * The feed never waits for an answer, so a stall is measured by every tick queued behind it, and timing
 * from S_i (not from the actual send) charges the feed's own lateness too: HdrHistogram's
 * coordinated-omission correction, made for closed-loop clients, would count those ticks twice, and it
 * records latency/interval values per sample (at 10,000/s with latencies of seconds, hundreds of
 * millions), which stalled the bench for minutes.
 * The workflow is a 1-pip grid of price_cross levels (above and below) over the segment's price range, so
 * a good share of ticks fire; which ticks must fire is computed here too and compared with what arrived.
 * The first second of each rate is warm-up and not recorded.
 * Mode `orders`: the same grid with `execute` actions, the node's trade path on (paper broker, exactly-once
 * Redis claim, RISK/ORDERS journal); the reader takes the terminal OrderUpdate of each order from
 * `orders.lifecycle.<run account>` (the paper fill's time is its tick's time, which gives the tick).
 * `npx tsx bench/latency.bench.ts [--rates 1000,10000] [--seconds 8] [--modes relay,pipstream,orders]`
 * (needs NATS at NATS_URL or :4222, and Redis for `orders`).
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as hdr from 'hdr-histogram-js';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectBus } from '../engine/bus/mod.ts';
import { PipstreamError } from '../engine/errors/mod.ts';
import { decodeOrderUpdateEvent, decodeSignalEvent } from '../engine/events/mod.ts';
import { readOrderUpdate } from '../engine/events/trade.ts';
import { TickEncoder } from '../engine/node/feed.ts';
import { Supervisor } from '../engine/supervisor/mod.ts';
import { Subjects, tickMsgId } from '../engine/switchboard/mod.ts';
import { loadTickFile, type TickColumns } from '../engine/ticks/mod.ts';
import { monoMs } from './mono-clock.ts';
import { openLoop } from './open-loop.ts';
import { validateWorkflow, type Workflow } from '../engine/workflow/mod.ts';

const FILE = fileURLToPath(new URL('../data/ticks/oanda-EUR_USD-2014-05.csv.gz', import.meta.url));
const INSTRUMENT = 'EUR_USD';
const PIP = 0.0001;
const WARMUP_S = 1;
/** The schema allows 256 nodes per workflow: 2 triggers per level + 2 shared alert actions. */
const LEVELS_PER_WORKFLOW = 120;
/** After the last send, how long to wait for signals that are still expected. */
const DRAIN_TIMEOUT_MS = 5000;

export interface LatencyStats {
  count: number; p50Us: number; p99Us: number; p999Us: number; maxUs: number; meanUs: number;
  /** The distribution for charts: µs at DISTRIBUTION_PERCENTILES. */
  distribution: Array<{ percentile: number; us: number }>;
}

const DISTRIBUTION_PERCENTILES = [0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100];

/**
 * `pipstream`: tick to signal through the engine; `orders`: tick to order (trade path, paper broker);
 * `relay`: the bare bus path (consume, publish back) — the floor.
 */
export type Mode = 'pipstream' | 'relay' | 'orders';
export const MODES: readonly Mode[] = ['relay', 'pipstream', 'orders'];

export interface RateResult {
  mode: Mode;
  rate: number;
  seconds: number;
  ticks: number;
  /** Ticks sent per second, first to last send (the offered rate if the publisher kept up). */
  achievedSendRate: number;
  /** publishAsync calls that reported a backlog above the bus high-water mark (the loop does not wait). */
  backpressured: number;
  /** Ticks whose mid crossed a grid level (computed from the data) and those that produced a signal. */
  expectedSignalTicks: number;
  signalTicks: number;
  signalTickFraction: number;
  expectedSignals: number;
  signals: number;
  /** Ticks that should have fired but whose signal had not arrived DRAIN_TIMEOUT_MS after the last send. */
  missingSignalTicks: number;
  /** Recorded ticks (after warm-up) that fired: from the time the tick was due to its answer (charges the feed's lateness too). */
  latency: LatencyStats;
  /** From the actual send instead: hides the feed's own lateness; for comparison only. */
  fromSend: LatencyStats;
  /** Actual send - scheduled send, every recorded tick: how far the feed fell behind. */
  publisherLag: LatencyStats;
  /**
   * From the time the tick was due to when the node made its answer: the answer's envelope time, on the machine's
   * monotonic clock. `orders`: the terminal order event, made as the broker answered (the definition of
   * tick-to-order); `pipstream`: the SignalEvent, made as the signal left the instrument actor for the journal and
   * the trade path; `relay`: the same event, made in the consumer's callback. `latency` goes on to the event's
   * arrival here (the journal's ack, one more bus leg; for orders the Redis record too).
   */
  made: LatencyStats;
  /** `orders`: the node's own stages from tick arrival (no bus legs, no correction, whole run incl. warm-up). */
  nodeStages: NodeStages | null;
}

export interface LatencyResult {
  scenario: 'latency';
  file: string;
  segment: { firstRow: number; ticks: number; midLow: number; midHigh: number; levels: number; workflows: number };
  warmupSeconds: number;
  loadAvg: { before: number; after: number };
  results: RateResult[];
  /** The engine without the bus (tick due -> signal delivered). */
  engineOnly: EngineOnlyResult[];
}

export interface EngineOnlyResult {
  rate: number;
  /** From the time each tick was due. */
  latency: LatencyStats;
  /** From the moment it was pushed into the actor's ring. */
  fromPush: LatencyStats;
}

const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600e6, numberOfSignificantValueDigits: 3 });
const recordMs = (h: hdr.Histogram, ms: number) => h.recordValue(Math.max(1, Math.round(ms * 1000)));

function summary(h: hdr.Histogram): LatencyStats {
  // A percentile is the top of its bucket (3 significant digits), which can lie just above the true max.
  const at = (p: number) => Math.min(h.getValueAtPercentile(p), h.maxValue);
  return {
    count: h.totalCount, p50Us: at(50), p99Us: at(99), p999Us: at(99.9), maxUs: h.maxValue, meanUs: Math.round(h.mean),
    distribution: h.totalCount === 0 ? [] : DISTRIBUTION_PERCENTILES.map((p) => ({ percentile: p, us: p === 100 ? h.maxValue : at(p) })),
  };
}

const mid = (t: TickColumns, i: number) => (t.bid[i] + t.ask[i]) / 2;

/** Start of the `n`-tick window whose mids change 1-pip grid cell most often (where the price is moving). */
function activeWindow(t: TickColumns, n: number): number {
  if (t.length <= n) return 0;
  const moved = new Uint8Array(t.length);
  for (let i = 1; i < t.length; i++) moved[i] = Math.floor(mid(t, i) / PIP) !== Math.floor(mid(t, i - 1) / PIP) ? 1 : 0;
  let sum = 0;
  for (let i = 1; i < n; i++) sum += moved[i];
  let best = sum, at = 0;
  for (let s = 1; s + n <= t.length; s++) {
    sum += moved[s + n - 1] - moved[s];
    if (sum > best) { best = sum; at = s; }
  }
  return at;
}

function slice(t: TickColumns, from: number, n: number): TickColumns {
  const to = Math.min(t.length, from + n);
  return { time: t.time.subarray(from, to), bid: t.bid.subarray(from, to), ask: t.ask.subarray(from, to), line: t.line.subarray(from, to), length: to - from, skipped: 0 };
}

/** Levels at half pips ((10k + 5) / 1e5, exact decimals) covering the segment's mid range. */
function gridLevels(t: TickColumns): { levels: number[]; low: number; high: number } {
  let low = Infinity, high = -Infinity;
  for (let i = 0; i < t.length; i++) { const m = mid(t, i); if (m < low) low = m; if (m > high) high = m; }
  const levels: number[] = [];
  for (let k = Math.floor(low * 1e4) - 1; k <= Math.ceil(high * 1e4); k++) {
    const level = (10 * k + 5) / 1e5;
    if (level >= low && level <= high) levels.push(level);
  }
  return { levels, low, high };
}

function gridWorkflows(levels: number[], tag: string, account: string, action: 'alert' | 'execute' = 'alert'): Workflow[] {
  const out: Workflow[] = [];
  for (let c = 0; c * LEVELS_PER_WORKFLOW < levels.length; c++) {
    const units = action === 'execute' ? { units: 1000 } : {};
    const nodes: Record<string, unknown>[] = [
      { id: 'alert-up', kind: 'action', type: action, side: 'buy', ...units },
      { id: 'alert-down', kind: 'action', type: action, side: 'sell', ...units },
    ];
    const edges: [string, string][] = [];
    for (const level of levels.slice(c * LEVELS_PER_WORKFLOW, (c + 1) * LEVELS_PER_WORKFLOW)) {
      const id = `l${Math.round(level * 1e5)}`;
      nodes.push({ id: `${id}-up`, kind: 'trigger', type: 'price_cross', level, direction: 'above' },
        { id: `${id}-down`, kind: 'trigger', type: 'price_cross', level, direction: 'below' });
      edges.push([`${id}-up`, 'alert-up'], [`${id}-down`, 'alert-down']);
    }
    out.push(validateWorkflow({ id: `${tag}-${c}`, version: 1, account, instruments: [INSTRUMENT], nodes, edges }));
  }
  return out;
}

/**
 * Signals per tick by the engine's rules (docs/workflows.md): one per level the mid crosses, compared the
 * same way as the runtime; the first tick has nothing to cross from.
 */
function expectedSignals(t: TickColumns, n: number, levels: number[]): Uint16Array {
  const per = new Uint16Array(n);
  for (let i = 1; i < n; i++) {
    const prev = mid(t, i - 1), v = mid(t, i);
    let k = 0;
    for (const l of levels) if ((prev <= l && v > l) || (prev >= l && v < l)) k++;
    per[i] = k;
  }
  return per;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Starts bench/latency-node.ts and resolves once it consumes PRICES; `output()` is what it printed so far. */
async function startNode(config: string): Promise<{ child: ChildProcess; output: () => string; wallToMonoMs: number }> {
  // PS_NODE_ARGS: extra Node options for the node's process, to profile it (`--cpu-prof --cpu-prof-dir=DIR`, `--heap-prof`,
  // `--trace-gc-nvp`: V8 prints on stdout, which is passed on to this process's stderr but for the node's own lines).
  const extra = process.env.PS_NODE_ARGS?.split(/\s+/).filter((a) => a !== '') ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', fileURLToPath(new URL('./latency-node.ts', import.meta.url)), config],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let line = '';
  const own = /^(clock \S+|ready|trade-latency .*)$/;
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const text = d.toString();
      out += text;
      const lines = (line + text).split('\n');
      line = lines.pop()!;
      for (const l of lines) if (!own.test(l)) process.stderr.write(`node: ${l}\n`);
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new PipstreamError('PS_SERVICE_UNAVAILABLE', `latency node exited (${code}) before it was ready`)));
  });
  const clock = /^clock (\S+)$/m.exec(out);
  if (clock === null) throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `latency node printed no clock line: ${out.slice(0, 200)}`);
  return { child, output: () => out, wallToMonoMs: Number(clock[1]) };
}

async function stopNode(node: { child: ChildProcess }): Promise<void> {
  const exited = once(node.child, 'exit');
  node.child.kill('SIGTERM');
  await exited;
}

/** Node-side trade path stages (µs), printed by latency-node.ts as it stops: tick arrival -> signal, broker answer, order settled. */
export type NodeStages = Record<'tick_to_signal' | 'tick_to_broker' | 'tick_to_order', { count: number; p50: number; p99: number; p999: number; max: number }>;

async function runRate(ticks: TickColumns, levels: number[], rate: number, seconds: number, mode: Mode): Promise<RateResult> {
  const n = Math.min(ticks.length, Math.ceil(rate * (WARMUP_S + seconds)));
  const expected = expectedSignals(ticks, n, levels);
  let expectedSignalTicks = 0, expectedTotal = 0;
  for (let i = 0; i < n; i++) { expectedTotal += expected[i]; if (expected[i] > 0) expectedSignalTicks++; }

  // A fresh source per run: tick dedupe ids (`<source>:EUR_USD:<seq>`) must not collide with earlier runs.
  const tag = `latency-${Date.now().toString(36)}-${rate}`;
  const source = tag;
  // An account of its own too: a node restores its accounts' pending confirmations from a day of ORDERS at
  // start, and a shared bench account's history (every earlier run's orders) would be read during the run.
  const account = `bench-${tag}`;
  // The feed and the signal reader are outside the node, as a broker feed and a trader would be: the node
  // runs in its own process (bench/latency-node.ts) and this process only publishes and reads.
  const feed = await connectBus({ kind: 'jetstream', name: 'pipstream-latency-feed' });
  let node: { child: ChildProcess; output: () => string; wallToMonoMs: number } | null = null;
  let sub: { unsubscribe(): void } | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'pipstream-latency-'));
  try {
    await feed.ensureStreams();
    const config = join(dir, 'node.json');
    const fires = [...expected.keys()].filter((i) => expected[i] > 0);
    const workflows = gridWorkflows(levels, tag, account, mode === 'orders' ? 'execute' : 'alert');
    writeFileSync(config, JSON.stringify({ mode, instrument: INSTRUMENT, account, source, workflows, fires }));
    // A paper fill carries its tick's time: the first tick of each time gives the order's tick.
    const seqOfTime = new Map<number, number>();
    for (let i = n - 1; i >= 0; i--) seqOfTime.set(ticks.time[i], i);
    node = await startNode(config);

    const scheduled = new Float64Array(n);
    const sentAt = new Float64Array(n);
    const seen = new Uint8Array(n);
    const latency = newHistogram(), fromSend = newHistogram(), lag = newHistogram(), made = newHistogram();
    // This process's performance.now() on the machine's monotonic clock, and the node's envelope times on it.
    const benchToMono = monoMs() - performance.now(), nodeToMono = node.wallToMonoMs;
    let madeAtMono = NaN;
    let signals = 0, signalTicks = 0;
    let measureFrom = Infinity;
    const tickOf = mode === 'orders'
      ? (data: Uint8Array) => {
        const u = readOrderUpdate(data);
        if (u.state === 'SUBMITTED' || !u.workflowId.startsWith(tag)) return null;
        // Made as the broker answered (the envelope's ingest time, the node's wall clock).
        madeAtMono = Number(decodeOrderUpdateEvent(data).envelope!.ingestTsUs) / 1000 + nodeToMono;
        return seqOfTime.get(u.timeMs) ?? -1;
      }
      : (data: Uint8Array) => {
        const e = decodeSignalEvent(data), s = e.signal;
        if (s === null || s === undefined || s.workflowId?.startsWith(tag) !== true) return null;
        madeAtMono = Number(e.envelope!.ingestTsUs) / 1000 + nodeToMono;
        return Number(s.tickSeq ?? -1);
      };
    sub = feed.subscribe(mode === 'orders' ? Subjects.orders(account) : Subjects.signals(account), (m) => {
      const now = performance.now();
      const seq = tickOf(m.data);
      if (seq === null) return; // another run's signal, or not an order's outcome
      signals++;
      if (seq < 0 || seq >= n || seen[seq] === 1) return;
      seen[seq] = 1;
      signalTicks++;
      if (scheduled[seq] < measureFrom) return;
      recordMs(latency, now - scheduled[seq]);
      recordMs(fromSend, now - sentAt[seq]);
      recordMs(made, madeAtMono - (scheduled[seq] + benchToMono));
    });
    await feed.nats!.flush(); // the subscription is registered at the server before the first tick

    const subject = Subjects.price(INSTRUMENT);
    // The ingest path's own encoder (engine/node/feed.ts), so the feed costs what it costs in production.
    const encoder = new TickEncoder(INSTRUMENT, source);
    let backpressured = 0;
    const feedClock = await openLoop(n, rate);
    measureFrom = feedClock.start + WARMUP_S * 1000;
    // The feed's own lateness is charged to the latency (see publisherLag).
    await feedClock.run((i, due) => {
      const data = encoder.encode(ticks.time[i], ticks.bid[i], ticks.ask[i], i);
      scheduled[i] = due;
      sentAt[i] = performance.now();
      if (!feed.publishAsync(subject, data, tickMsgId(source, INSTRUMENT, i))) backpressured++;
      if (due >= measureFrom) recordMs(lag, sentAt[i] - due);
    });
    const sendSeconds = (sentAt[n - 1] - sentAt[0]) / 1000;

    const deadline = performance.now() + DRAIN_TIMEOUT_MS;
    // The relay answers once per firing tick; pipstream once per level crossed.
    const wantSignals = mode === 'relay' ? expectedSignalTicks : expectedTotal;
    while ((signalTicks < expectedSignalTicks || signals < wantSignals) && performance.now() < deadline) await sleep(10);
    await feed.flush();
    let nodeStages: NodeStages | null = null;
    if (mode === 'orders') {
      await stopNode(node);
      const line = node.output().split('\n').find((l) => l.startsWith('trade-latency '));
      nodeStages = line === undefined ? null : JSON.parse(line.slice('trade-latency '.length)) as NodeStages;
      node = null;
    }

    return {
      mode, rate, seconds, ticks: n,
      achievedSendRate: Math.round((n - 1) / sendSeconds),
      backpressured,
      expectedSignalTicks, signalTicks, signalTickFraction: Math.round((signalTicks / n) * 1e4) / 1e4,
      expectedSignals: wantSignals, signals,
      missingSignalTicks: expectedSignalTicks - signalTicks,
      latency: summary(latency), fromSend: summary(fromSend), publisherLag: summary(lag),
      made: summary(made),
      nodeStages,
    };
  } finally {
    sub?.unsubscribe();
    if (node !== null) await stopNode(node);
    await feed.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The engine alone, no bus: ticks pushed into the actor's ring at the offered rate in this process,
 * latency to the signal's delivery by the supervisor (worker wake, rules, signal ring, pump), from the
 * tick's due time (the feed's lateness charged, as in the bus modes) and from its push (the engine's
 * own). Polling for the due time instead (setImmediate) made every tick leave on time but allocated an
 * Immediate per turn: the garbage collections it caused stalled the signals' delivery (p99 7 ms).
 */
async function runEngineOnly(ticks: TickColumns, levels: number[], rate: number, seconds: number): Promise<EngineOnlyResult> {
  const n = Math.min(ticks.length, Math.ceil(rate * (WARMUP_S + seconds)));
  const due = new Float64Array(n);
  const pushedAt = new Float64Array(n);
  const seen = new Uint8Array(n);
  const h = newHistogram(), fromPush = newHistogram();
  let measureFrom = Infinity;
  const sup = new Supervisor({
    onSignal: (sig) => {
      const seq = sig.tick_seq;
      if (seen[seq] === 1) return;
      seen[seq] = 1;
      if (due[seq] < measureFrom) return;
      const now = performance.now();
      recordMs(h, now - due[seq]);
      recordMs(fromPush, now - pushedAt[seq]);
    },
  });
  try {
    await sup.addInstrument(INSTRUMENT);
    await sup.setWorkflows(INSTRUMENT, gridWorkflows(levels, `engine-${rate}`, 'bench-engine'));
    const feedClock = await openLoop(n, rate);
    measureFrom = feedClock.start + WARMUP_S * 1000;
    await feedClock.run((i, dueAt) => {
      due[i] = dueAt;
      pushedAt[i] = performance.now();
      sup.push(INSTRUMENT, ticks.time[i], ticks.bid[i], ticks.ask[i], i);
      sup.wake(INSTRUMENT);
    });
    await sup.drain(INSTRUMENT);
  } finally {
    await sup.stop();
  }
  return { rate, latency: summary(h), fromPush: summary(fromPush) };
}

export async function runLatencyBench(opts: { rates?: number[]; seconds?: number; modes?: readonly Mode[] } = {}): Promise<LatencyResult> {
  const rates = opts.rates ?? [1000, 10000];
  const seconds = opts.seconds ?? 8;
  const modes = opts.modes ?? MODES;
  if (rates.length === 0 || !rates.every((r) => Number.isFinite(r) && r > 0) || !(Number.isFinite(seconds) && seconds > 0)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'latency bench: rates and seconds must be positive numbers', { rates, seconds });
  }
  if (modes.length === 0 || !modes.every((m) => MODES.includes(m))) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `latency bench: modes must be among ${MODES.join(', ')}`, { modes });
  }
  const all = await loadTickFile(FILE);
  const need = Math.ceil(Math.max(...rates) * (WARMUP_S + seconds));
  const firstRow = activeWindow(all, need);
  const ticks = slice(all, firstRow, need);
  const { levels, low, high } = gridLevels(ticks);
  const before = loadavg()[0];
  const results: RateResult[] = [];
  // Each rate: the bare bus relay and pipstream on the same ticks, one after the other, so the figure
  // the engine adds over the bus on this machine is read from the same run.
  const engineOnly: EngineOnlyResult[] = [];
  for (const rate of rates) {
    for (const mode of modes) results.push(await runRate(ticks, levels, rate, seconds, mode));
    engineOnly.push(await runEngineOnly(ticks, levels, rate, seconds));
  }
  return {
    scenario: 'latency', file: 'data/ticks/oanda-EUR_USD-2014-05.csv.gz',
    segment: { firstRow, ticks: ticks.length, midLow: low, midHigh: high, levels: levels.length, workflows: Math.ceil(levels.length / LEVELS_PER_WORKFLOW) },
    warmupSeconds: WARMUP_S, loadAvg: { before, after: loadavg()[0] }, results, engineOnly,
  };
}

function table(r: LatencyResult): string {
  const head = ['mode', 'rate/s', 'sent/s', 'ticks', 'sig ticks', 'signals', 'p50 µs', 'p99 µs', 'p99.9 µs', 'max µs', 'from send p50/p99/max µs', 'lag max µs'];
  const rows = r.results.map((x) => [
    x.mode, x.rate, x.achievedSendRate, x.ticks, `${x.signalTicks} (${(x.signalTickFraction * 100).toFixed(1)}%)`, x.signals,
    x.latency.p50Us, x.latency.p99Us, x.latency.p999Us, x.latency.maxUs,
    `${x.fromSend.p50Us}/${x.fromSend.p99Us}/${x.fromSend.maxUs}`, x.publisherLag.maxUs,
  ].map(String));
  const w = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  return [head, ...rows].map((row) => row.map((v, c) => v.padStart(w[c])).join('  ')).join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const rates = arg('--rates')?.split(',').map(Number);
  const seconds = arg('--seconds');
  const modes = arg('--modes')?.split(',') as Mode[] | undefined;
  runLatencyBench({ rates, seconds: seconds === undefined ? undefined : Number(seconds), modes }).then((r) => {
    console.log(JSON.stringify(r, null, 2));
    console.log(`\ntick-to-signal (relay, pipstream) and tick-to-order (orders) latency from each tick's due time, after ${r.warmupSeconds} s warm-up\n${table(r)}`);
    for (const e of r.engineOnly) {
      console.log(`engine only (no bus) at ${e.rate}/s: p50 ${e.latency.p50Us} µs p99 ${e.latency.p99Us} µs p99.9 ${e.latency.p999Us} µs ` +
        `max ${e.latency.maxUs} µs (from the push: p50 ${e.fromPush.p50Us} p99 ${e.fromPush.p99Us} µs)`);
    }
    for (const x of r.results) {
      const what = x.mode === 'orders' ? 'broker answered (the order event made)' : 'signal made in the node';
      console.log(`${x.mode} at ${x.rate}/s, tick due -> ${what}: p50 ${x.made.p50Us} p99 ${x.made.p99Us} ` +
        `p99.9 ${x.made.p999Us} max ${x.made.maxUs} µs (${x.made.count})`);
      if (x.nodeStages === null) continue;
      const f = (k: keyof NodeStages) => `${k} p50 ${x.nodeStages![k].p50} p99 ${x.nodeStages![k].p99} max ${x.nodeStages![k].max}`;
      console.log(`orders at ${x.rate}/s, inside the node from tick arrival (µs): ${f('tick_to_signal')}; ${f('tick_to_broker')}; ${f('tick_to_order')}`);
    }
  }, (err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
