/**
 * `pipstream replay --ticks FILE --instrument EUR_USD --workflow FILE [--workflow FILE ...]
 *   [--signals FILE] [--speed max|1x|10x|<N>x] [--bus direct|jetstream]`
 *
 * Runs the real engine (supervisor, instrument actor worker, bus) over a tick
 * file. `direct` (default) puts ticks straight into actor memory at backtest
 * speed; `jetstream` sends every tick through JetStream PRICES as the live path
 * does. Signals are journaled to the bus and written as JSON lines to --signals
 * (standard output when absent); a summary goes to standard error.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import pino from 'pino';
import { parseSpeed, replayTicks, startTickFilePublisher, type TickFilePublisher } from '../../actors/ingest/mod.ts';
import { connectBus } from '../bus/mod.ts';
import { PipstreamError } from '../errors/mod.ts';
import { assertInstrumentName } from '../instruments/mod.ts';
import { feedDirect } from '../node/feed.ts';
import { PipstreamNode } from '../node/node.ts';
import type { EngineSignal, Supervisor } from '../supervisor/mod.ts';
import type { TickBatch } from '../ticks/mod.ts';
import { validateWorkflow, type Workflow } from '../workflow/mod.ts';
import { badArgument, PAPER_BALANCE, parseBalance, parseFlags } from './args.ts';
import { ReplayOrders, type ReplayOrdersSummary } from './replay-orders.ts';
import { loadLimitsFile, type RiskLimits } from '../risk/mod.ts';

const USAGE = 'usage: pipstream replay --ticks FILE --instrument EUR_USD --workflow FILE [--workflow FILE ...] ' +
  '[--signals FILE] [--speed max|1x|10x|<N>x] [--bus direct|jetstream] [--broker paper --orders FILE [--limits FILE] [--balance AMOUNT]] [--quiet]';
const FLAGS = {
  ticks: {}, instrument: {}, workflow: { repeat: true }, signals: {}, speed: {}, bus: {}, quiet: { boolean: true }, broker: {}, orders: {}, limits: {},
  balance: {},
} as const;

export async function loadWorkflowFile(path: string): Promise<Workflow> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new PipstreamError('PS_WORKFLOW_INVALID', `${path}: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  try {
    return validateWorkflow(doc);
  } catch (err) {
    if (err instanceof PipstreamError) throw new PipstreamError(err.code, `${path}: ${err.message}`, { file: path, ...err.details });
    throw err;
  }
}

export interface ReplaySummary {
  instrument: string;
  bus: 'direct' | 'jetstream';
  ticks: number;
  rejected_ticks: number;
  signals: number;
  seconds: number;
  ticks_per_second: number;
  journal: string;
  /** With --orders: order outcomes and the resulting positions and P&L (quote currency). */
  orders?: ReplayOrdersSummary;
}

export async function runReplayCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const opts = parseFlags(argv, 'replay', FLAGS, USAGE);
  const one = (k: keyof typeof FLAGS) => opts.get(k)?.[0];
  const ticksFile = one('ticks') ?? badArgument('--ticks is required', USAGE);
  const instrument = assertInstrumentName(one('instrument') ?? badArgument('--instrument is required', USAGE));
  const workflowFiles = opts.get('workflow') ?? badArgument('--workflow is required', USAGE);
  const speed = parseSpeed(one('speed') ?? 'max');
  const busMode = one('bus') ?? 'direct';
  if (busMode !== 'direct' && busMode !== 'jetstream') badArgument(`--bus must be direct or jetstream, got ${busMode}`, USAGE);
  const workflows = await Promise.all(workflowFiles.map(loadWorkflowFile));
  const uncovered = workflows.filter((w) => !w.instruments.includes(instrument));
  if (uncovered.length === workflows.length) {
    badArgument(`no workflow covers ${instrument} (they cover ${[...new Set(workflows.flatMap((w) => w.instruments))].join(', ')})`, USAGE);
  }
  const broker = one('broker');
  if (broker !== undefined && broker !== 'paper') badArgument(`--broker must be paper, got ${broker}`, USAGE);
  const ordersFile = one('orders');
  if (broker !== undefined && ordersFile === undefined) badArgument('--broker paper needs --orders FILE', USAGE);
  const limitsFile = one('limits');
  if (limitsFile !== undefined && ordersFile === undefined) badArgument('--limits applies to orders: give --orders FILE', USAGE);
  const limits = limitsFile === undefined ? undefined : await loadLimitsFile(limitsFile);
  const balanceText = one('balance');
  if (balanceText !== undefined && ordersFile === undefined) badArgument('--balance is the orders\' account: give --orders FILE', USAGE);
  const balance = balanceText === undefined ? undefined : parseBalance(balanceText, USAGE);
  const summary = await replay({ ticksFile, instrument, workflows, speed, busMode, signalsFile: one('signals'), out, ordersFile, limits, balance });
  if (one('quiet') === undefined) err.write(`${JSON.stringify(summary)}\n`);
  return 0;
}

export interface ReplayOptions {
  ticksFile: string;
  instrument: string;
  workflows: Workflow[];
  /** 0 = max. */
  speed: number;
  busMode: 'direct' | 'jetstream';
  signalsFile?: string;
  out?: NodeJS.WritableStream;
  onSignal?: (s: EngineSignal) => void;
  /** Executes SIGNAL_AUTO_EXECUTE signals on the paper broker, one JSON line per order outcome. */
  ordersFile?: string;
  /** Account risk limits the orders are checked and reserved against. */
  limits?: RiskLimits;
  /** Starting cash of each account that orders (default PAPER_BALANCE): equity, drawdown and its limit are measured on it. */
  balance?: number;
  /**
   * Direct mode with orders: when more ticks than this wait to be marked (no execute signal for a while), the
   * feed pauses until the actor has handed over every signal, and marks them (default 1,048,576: 32 MB).
   */
  maxWaitingTicks?: number;
}

/**
 * The batches of `from`, and after each, when more than `max` ticks wait to be marked, a drain of the actor
 * (every tick pushed so far processed, its signals handed over) so that the orders can mark them all.
 */
async function* markingEvery(from: AsyncIterable<TickBatch>, orders: ReplayOrders, sup: Supervisor, instrument: string, max: number):
  AsyncGenerator<TickBatch> {
  for await (const b of from) {
    yield b;
    if (orders.waiting > max) {
      await sup.drain(instrument);
      orders.markTaken();
    }
  }
}

export async function replay(o: ReplayOptions): Promise<ReplaySummary> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  // A consumer handler or journal publish that fails in the background ends the replay with its code.
  let failure: PipstreamError | null = null;
  const bus = await connectBus({
    kind: o.busMode === 'jetstream' ? 'jetstream' : 'auto', name: 'pipstream-replay', onError: (e) => { failure ??= e; },
  });
  if (bus.fallbackReason !== null) process.stderr.write(`${bus.fallbackReason}\n`);
  const sink = o.signalsFile !== undefined ? createWriteStream(o.signalsFile) : o.out ?? null;
  let signals = 0;
  const orders = o.ordersFile === undefined ? null : new ReplayOrders(o.ordersFile, o.instrument, o.limits ?? null, o.balance ?? PAPER_BALANCE);
  const onSignal = (s: EngineSignal) => {
    signals++;
    o.onSignal?.(s);
    orders?.onSignal(s);
    sink?.write(`${JSON.stringify(s)}\n`);
  };
  // A fresh source per run: tick dedupe ids must not collide with an earlier replay inside the dedupe window.
  const source = o.busMode === 'jetstream' ? `replay-${Date.now().toString(36)}` : 'replay';
  let node: PipstreamNode | null = null;
  let publisher: TickFilePublisher | null = null;
  try {
    await bus.ensureStreams();
    node = new PipstreamNode({ bus, logger, source, onSignal, services: false });
    await node.addInstrument(o.instrument);
    await node.putWorkflows(o.workflows);
    // The ingest actor publishes from its own thread and connection (connected before the clock starts,
    // like the actor's worker); this thread consumes, feeds the actor and journals signals.
    if (o.busMode === 'jetstream') {
      publisher = await startTickFilePublisher({ ticksFile: o.ticksFile, speed: o.speed, instrument: o.instrument, source });
    }
    const started = performance.now();
    let ticks = 0;
    let rejected = 0;
    if (publisher === null) {
      const batches = replayTicks(o.ticksFile, o.speed);
      ({ ticks, rejected } = await feedDirect(node.supervisor, o.instrument,
        orders === null ? batches : markingEvery(batches, orders, node.supervisor, o.instrument, o.maxWaitingTicks ?? 1 << 20), 0, orders?.tick));
    } else {
      await node.consumePrices(o.instrument, 'new', { source, onAccepted: orders?.tick });
      ticks = await publisher.run();
      publisher = null;
      for (;;) {
        if (failure !== null) throw failure;
        const s = node.supervisor.stats(o.instrument);
        if (s.ticks + s.rejected_ticks >= ticks) { rejected = s.rejected_ticks; break; }
        await new Promise((r) => setTimeout(r, 2));
      }
    }
    await node.supervisor.drain(o.instrument);
    const seconds = (performance.now() - started) / 1000;
    const stopping = node;
    node = null;
    await stopping.stop();
    if (failure !== null) throw failure;
    if (o.signalsFile !== undefined && sink !== null) {
      (sink as NodeJS.WritableStream).end();
      await once(sink, 'finish');
    }
    return {
      instrument: o.instrument, bus: o.busMode, ticks, rejected_ticks: rejected, signals, seconds,
      ticks_per_second: Math.round(ticks / seconds), journal: bus.kind === 'jetstream' ? 'JetStream SIGNALS' : 'embedded bus',
      ...(orders === null ? {} : { orders: await orders.finish() }),
    };
  } finally {
    // On failure too: the actor's worker thread would otherwise keep the process alive.
    await publisher?.stop();
    await node?.stop();
    await bus.close();
  }
}
