/**
 * Sustained orders/s through the trade path (issue 3): SIGNAL_AUTO_EXECUTE signals handed to the
 * node's trade path in memory -> risk (reserve/commit in shared memory) -> paper broker -> ORDERS,
 * RISK and PORTFOLIO journal on JetStream, with the exactly-once checks on (Redis claim per signal,
 * JetStream msgIds). Distinct signal ids, alternating buy/sell so the position limit never binds.
 *
 * By default every signal is handed over at once (a burst; the trade path executes up to its
 * maxOrdersExecuting at a time and queues the rest); `--window N` keeps at most N orders pending instead,
 * a steady stream through the same path. A warm-up of `--warmup` orders (default 5,000) runs first and is
 * not reported: a node that has been running has its hot path compiled.
 *
 * `--path execution` runs the same signals through the execution actor alone (risk, paper broker, RISK and ORDERS
 * journal, exactly-once records: the "risk + paper execution + journal"), without the node's trade path
 * around it (portfolio marking, PORTFOLIO positions, the trade book): what the portfolio costs per order is the
 * difference.
 *
 *   npx tsx bench/orders.bench.ts [--orders 20000] [--reps 3] [--warmup 5000] [--window 0] [--recover] [--path trade|execution] [--json]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { PaperBroker, startExecutionActor } from '../actors/execution/mod.ts';
import { orderSignalFromEngine } from '../actors/execution/execution-actor.ts';
import { type Bus, connectBus } from '../engine/bus/mod.ts';
import { loadConfig } from '../engine/config/mod.ts';
import { PipstreamError } from '../engine/errors/mod.ts';
import { deterministicEventId } from '../engine/events/mod.ts';
import { bookCheckpointKey } from '../engine/node/book-checkpoint.ts';
import { TradePath } from '../engine/node/trade-path.ts';
import { connectRedis, type Redis } from '../engine/store/mod.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { natsPid, processCpuSeconds } from './harness/machine.ts';

export interface OrdersBenchOptions {
  /** Signals (orders) per repetition. */
  orders?: number;
  reps?: number;
  /** Runs the trade path with its SIGNALS recovery consumer on, as a restarted node would. */
  recover?: boolean;
  /** At most this many orders in flight (0: every signal at once, the default). */
  window?: number;
  /** Orders run first, not reported (default 5000; 0: none). */
  warmup?: number;
  /** `trade` (default): the node's trade path; `execution`: the execution actor alone (see the top). */
  path?: 'trade' | 'execution';
  /** Called after each repetition with its figures (the CLI prints them as they come). */
  onRep?: (r: OrdersRep) => void;
}

export interface OrdersRep {
  rep: number;
  orders: number;
  seconds: number;
  ordersPerSecond: number;
  /** CPU (user + system) of this process per order during the repetition, µs. */
  nodeCpuUsPerOrder: number;
  /**
   * The same for the local nats-server (all of its work in that time, other clients' included), or null when
   * it cannot be found.
   */
  natsCpuUsPerOrder: number | null;
}

const NATS_PID_FILE = fileURLToPath(new URL('../.pipstream/nats.pid', import.meta.url));

export interface OrdersResult { scenario: 'orders'; path: 'trade' | 'execution'; recover: boolean; window: number; results: OrdersRep[] }

/** What a repetition drives: signals in, `pending` and `filled` counted, idle when every order settled. */
interface OrderPath {
  onSignal(s: EngineSignal): void;
  pending(): number;
  filled(): number;
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Limits that hold every order of the burst pending at once: the checks run, none binds. */
const LIMITS = { max_position_units: 2_000_000_000, max_open_trades: 2_000_000_000 };

async function tradePath(bus: Bus, redis: Redis, run: string, rep: number, recover: boolean): Promise<OrderPath> {
  const trade = await TradePath.start({
    bus, redis, logger: pino({ level: 'silent' }), nodeId: `bench-${run}`, broker: new PaperBroker(),
    risk: { limits: LIMITS, instruments: ['EUR_USD'] }, quote: () => null, recover, durablePrefix: `bench-${run}-${rep}`,
    // The bench's account is new: no pending confirmation of it to rebuild from the (large, shared) ORDERS journal.
    accounts: () => [],
    onError: (e) => { throw e; },
  });
  return {
    onSignal: (s) => trade.onSignal(s), pending: () => trade.stats().pending, filled: () => trade.stats().filled,
    idle: () => trade.idle(), stop: () => trade.stop(),
  };
}

async function executionAlone(bus: Bus, redis: Redis): Promise<OrderPath> {
  const execution = await startExecutionActor({
    bus, redis, broker: new PaperBroker(), risk: { limits: LIMITS, instruments: ['EUR_USD'] }, consume: false, onError: (e) => { throw e; },
  });
  let pending = 0, filled = 0, failure: unknown = null;
  let idle: Array<() => void> = [];
  const done = (err: unknown, r: { state: string } | null) => {
    if (err !== null) failure ??= err;
    else if (r?.state === 'FILLED') filled++;
    if (--pending === 0) for (const w of idle.splice(0)) w();
  };
  return {
    onSignal: (s) => {
      const order = orderSignalFromEngine(s);
      if ('skip' in order || 'poison' in order) throw new Error(`bench signal refused: ${JSON.stringify(order)}`);
      pending++;
      execution.queue(order, done);
    },
    pending: () => pending, filled: () => filled,
    idle: async () => {
      if (pending > 0) await new Promise<void>((r) => idle.push(r));
      if (failure !== null) throw failure;
    },
    stop: async () => { idle = []; await execution.stop(); },
  };
}

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection (V8's gc(), reached without starting node with --expose-gc). */
const collectGarbage = runInNewContext('gc') as () => void;

/** A millisecond's pause while the window is full (a timer, not a busy loop: the CPU figures stay the path's). */
const pause = () => new Promise<void>((r) => setTimeout(r, 1));

function signal(run: string, rep: number, i: number): EngineSignal {
  const time_ms = Date.UTC(2014, 4, 5) + i * 10;
  const buy = (i & 1) === 0;
  return {
    id: deterministicEventId(time_ms, 'bench-orders', run, rep, i), type: 'SIGNAL_AUTO_EXECUTE', instrument: 'EUR_USD', time_ms,
    workflow_id: 'bench', workflow_version: 1, node_id: buy ? 'buy' : 'sell', trigger_node_id: 't', account: `bench-${run}`,
    price: buy ? 1.38501 : 1.385, bid: 1.385, ask: 1.38501, side: buy ? 'buy' : 'sell', units: 1000, stop_loss_pips: null,
    take_profit_pips: null, cooldown_s: null, expiry_s: null, tick_seq: i, tradeable: true,
  };
}

/** Needs NATS (JetStream) and Redis at the configured URLs. */
export async function runOrdersBench(opts: OrdersBenchOptions = {}): Promise<OrdersResult> {
  const n = opts.orders ?? 20_000, reps = opts.reps ?? 3, recover = opts.recover ?? false, window = opts.window ?? 0;
  const warmup = opts.warmup ?? 5000;
  const path = opts.path ?? 'trade';
  if (!(Number.isInteger(n) && n > 0 && Number.isInteger(reps) && reps > 0 && Number.isInteger(window) && window >= 0 &&
    Number.isInteger(warmup) && warmup >= 0)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'orders bench: orders and reps must be positive integers, window and warmup non-negative ones',
      { orders: n, reps, window, warmup });
  }
  const config = loadConfig();
  // Every repetition names its durables anew: the server drops them a minute after the run.
  const bus = await connectBus({ kind: 'jetstream', url: config.natsUrl, name: 'pipstream-bench-orders', durableInactiveMs: 60_000 });
  const redis = await connectRedis(config.redisUrl);
  const run = Date.now().toString(36);
  const results: OrdersRep[] = [];
  try {
    await bus.ensureStreams();
    // The warm-up is repetition -1 (its own signal ids and durables), run and dropped.
    for (let rep = warmup > 0 ? -1 : 0; rep < reps; rep++) {
      const count = rep < 0 ? warmup : n;
      const trade = path === 'execution' ? await executionAlone(bus, redis) : await tradePath(bus, redis, run, rep, recover);
      const signals = Array.from({ length: count }, (_, i) => signal(run, rep, i));
      // The input is made before the clock starts, and tenured: the run does not pay for moving it out of the young generation.
      collectGarbage();
      const cpu0 = process.cpuUsage();
      const nats = natsPid(NATS_PID_FILE);
      const nats0 = processCpuSeconds(nats);
      const t0 = performance.now();
      if (window === 0) {
        for (const s of signals) trade.onSignal(s);
      } else {
        for (const s of signals) {
          while (trade.pending() >= window) await pause();
          trade.onSignal(s);
        }
      }
      await trade.idle();
      await bus.flush();
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const nats1 = processCpuSeconds(nats);
      const filled = trade.filled();
      await trade.stop();
      // The idempotency records would otherwise live 24 h on this Redis, 20,000 per repetition.
      for (let i = 0; i < count; i += 5000) await redis.del(...signals.slice(i, i + 5000).map((x) => `pipstream:order:${x.id}`));
      await redis.del(bookCheckpointKey('paper', `bench-${run}`));
      if (filled !== count) throw new Error(`rep ${rep}: ${filled} of ${count} filled`);
      if (rep < 0) continue;
      const r: OrdersRep = {
        rep, orders: n, seconds, ordersPerSecond: n / seconds, nodeCpuUsPerOrder: (cpu.user + cpu.system) / n,
        natsCpuUsPerOrder: Number.isFinite(nats1 - nats0) ? ((nats1 - nats0) * 1e6) / n : null,
      };
      results.push(r);
      opts.onRep?.(r);
    }
  } finally {
    await redis.quit();
    await bus.close();
  }
  return { scenario: 'orders', path, recover, window, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: {
    orders: { type: 'string', default: '20000' }, reps: { type: 'string', default: '3' }, warmup: { type: 'string', default: '5000' },
    recover: { type: 'boolean', default: false }, path: { type: 'string', default: 'trade' },
    window: { type: 'string', default: '0' }, json: { type: 'boolean', default: false },
  } });
  if (values.path !== 'trade' && values.path !== 'execution') throw new PipstreamError('PS_BAD_ARGUMENT', `--path is trade or execution, not ${values.path}`);
  const r = await runOrdersBench({
    path: values.path,
    orders: Number(values.orders), reps: Number(values.reps), warmup: Number(values.warmup), recover: values.recover, window: Number(values.window),
    onRep: values.json ? undefined : (x) => process.stdout.write(`rep ${x.rep}: ${x.orders} orders in ${x.seconds.toFixed(2)} s = ${Math.round(x.ordersPerSecond)} orders/s; CPU per order: node ${Math.round(x.nodeCpuUsPerOrder)} µs, nats-server ${x.natsCpuUsPerOrder === null ? '?' : Math.round(x.natsCpuUsPerOrder)} µs\n`),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(r)}\n`);
}
