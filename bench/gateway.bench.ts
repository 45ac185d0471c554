/**
 * The gateway under load (issue 4): REST with autocannon, and WebSocket price fan-out against a `ws`
 * server doing the same job, measured in the same run.
 *
 *   this process --publishAsync TickEvent--> JetStream PRICES (prices.forex.<X>) --core sub--> server
 *   (gateway or ws peer, its own process: bench/gateway-server.ts) --one JSON frame per client--> N
 *   WebSocket clients spread over --client-procs child processes (bench/gateway-clients.ts); the clients are
 *   bench/ws-raw-client.ts (`--client raw`, the default: a load generator must cost less per frame than the
 *   servers it measures, and the `ws` library's client did not) or the `ws` library (`--client ws`)
 *
 * The clients run in child processes (default: the core count, 2 to 4), forked per run, so that they are not
 * one event loop (which tops out near 50k frames/s and was what earlier runs measured). Every process reads
 * the same clock, CLOCK_MONOTONIC (`monoMs()`, see gateway-clients.ts; each run checks it over IPC and
 * records the bound as `clockBoundUs`): tick i is due at S_i = start + i/rate, and every delivery records
 * now - S_i in the child that received it (from the schedule: the publisher is open-loop, so a stalled
 * server or publisher is charged in full and there is no coordinated omission to correct). The children
 * send back hdr-histogram-js histograms (compressed base64) and counts. Client 0 is also recorded from the
 * actual send (the probe: what the feed's own lateness hides).
 * The first second is warm-up: its frames are not in the latency, but they count as traffic — a saturated
 * server delivers them first, in tick order, so the wait for the frames runs until no frame of the run at
 * all arrives for QUIET_MS (or DRAIN_MAX_MS after the last send: `drainCapped`). Waiting for measured
 * frames only was why 5,000 clients and the end-to-end configuration reported 0 frames: the warm-up
 * backlog (a million frames) took 20–40 s to arrive and the bench stopped listening after 1 s of it.
 * The servers run one at a time, their order alternating per repetition; the instrument is made up per
 * run so no other publisher on the same NATS reaches the clients. End-to-end is the same measurement at its
 * own rate and client count. REST: autocannon against the gateway on an authenticated read (positions) and
 * on manual order submission (each accepted order is a signal published to JetStream SIGNALS).
 *
 * `npx tsx bench/gateway.bench.ts [--clients 1000,5000] [--frames 2000000] [--seconds 4] [--reps 3]
 *   [--rest-seconds 5] [--connections 50] [--e2e-rate 1000] [--e2e-clients 1000] [--client-procs 2..4] [--client raw|ws]`
 * (needs NATS, Redis and PostgreSQL with the settings of README.md "Configuration").
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';
import { connectBus, type Bus } from '../engine/bus/mod.ts';
import { PipstreamError } from '../engine/errors/mod.ts';
import { TickEncoder } from '../engine/node/feed.ts';
import { Subjects, tickMsgId } from '../engine/switchboard/mod.ts';
import { WS_PATH } from '../gateway/mod.ts';
import { processCpuSeconds } from './harness/machine.ts';
import { type ChildReport, type ClientKind, CONNECT_TIMEOUT_MS, type FromChild, monoMs, newHistogram, type ToChild } from './gateway-clients.ts';

export type Server = 'gateway' | 'ws';
export const SERVERS: readonly Server[] = ['gateway', 'ws'];

const WARMUP_S = 1;
/**
 * After the last send: stop waiting once no frame of the run (warm-up ticks included) arrived for this long
 * (a server that dropped some never sends them), or DRAIN_MAX_MS after the last send at the latest (a
 * saturated server's backlog; the run then reports `drainCapped` and what arrived until then).
 */
const QUIET_MS = 1000;
const DRAIN_MAX_MS = 45_000;
/** Client processes per run (clients split evenly; client 0, the probe, in the first). */
const defaultClientProcs = () => Math.min(4, Math.max(2, availableParallelism()));
/** seq = run base + tick index: a frame of an earlier run (a server still draining) is recognised and ignored. */
const SEQ_STRIDE = 1e6;

export interface LatencyStats { count: number; p50Us: number; p99Us: number; p999Us: number; maxUs: number }

export interface FanoutRun {
  server: Server;
  rep: number;
  /** `fanout` or the end-to-end configuration. */
  kind: 'fanout' | 'e2e';
  clients: number;
  rate: number;
  seconds: number;
  /** Ticks sent per second, first to last send. */
  achievedSendRate: number;
  /** Measured ticks (after warm-up) × clients, and the frames of those ticks that arrived. */
  expected: number;
  delivered: number;
  completeness: number;
  /**
   * Frames per second the clients received while the run lasted: frames of the run's ticks (warm-up included)
   * that arrived from the first measured tick's due time on, over the time from then to the last frame. Equals
   * rate × clients when the server keeps up; a saturated server's throughput when it does not.
   */
  deliveredPerS: number;
  /** Frames of every tick of the run (warm-up included) that arrived. */
  received: number;
  /** The wait for frames hit DRAIN_MAX_MS with frames still arriving (a backlog was cut short: completeness < 1 says how much). */
  drainCapped: boolean;
  /** Bound on |client process clock - publisher clock|, µs, from IPC round trips before the run (see ClientProc.clockBoundUs). */
  clockBoundUs: number;
  /**
   * CPU seconds (user + system) from the start of publishing to the end of the wait for frames (wallS): the
   * server process, all client processes together, and this process (publisher). On a shared machine this
   * says who had work to do: clients near their share of the cores while the server is not mean client-bound.
   */
  cpu: { wallS: number; serverS: number; clientsS: number; publisherS: number };
  /** Processes the clients were spread over. */
  clientProcesses: number;
  /** 1-minute load average at the end of the run. */
  loadAvg1: number;
  /** Every delivery, from the tick's scheduled send time, µs. */
  latency: LatencyStats;
  /** Client 0 only, from the actual send, µs. */
  probe: LatencyStats;
  /** Client 0's frame of the run's first tick (both servers must send the same bytes). */
  firstFrame: string;
  connectSeconds: number;
  /** Connections that dropped (1006) before their subscription was confirmed and were opened again. */
  reconnects: number;
  /** Why the run did not complete (then nothing was measured), else null. */
  error: string | null;
}

export interface RestRun {
  rep: number;
  route: 'read' | 'order';
  path: string;
  connections: number;
  seconds: number;
  reqPerS: number;
  /** autocannon's latency, ms (it records whole milliseconds). */
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
}

export interface GatewayBenchResult {
  scenario: 'gateway';
  clients: number[];
  /** Frames/s requested of each fan-out configuration (ticks/s = frames / clients). */
  frames: number;
  seconds: number;
  reps: number;
  e2e: { rate: number; clients: number };
  warmupSeconds: number;
  /** Child processes the clients ran in (per run). */
  clientProcs: number;
  /** The clients' WebSocket implementation (see gateway-clients.ts ClientKind). */
  client: ClientKind;
  loadAvg: { before: number; after: number };
  fanout: FanoutRun[];
  rest: RestRun[];
  /** Both servers sent byte-identical frames for the same tick in every configuration. */
  framesIdentical: boolean;
}

export interface GatewayBenchOptions {
  clients?: number[];
  /**
   * Frames/s each fan-out configuration requests (its tick rate is this over its client count), default 2M: more
   * than either server delivers here, so what each delivers is its capacity, not the offered load.
   */
  frames?: number;
  seconds?: number;
  reps?: number;
  restSeconds?: number;
  connections?: number;
  e2eRate?: number;
  e2eClients?: number;
  /** Child processes running the clients (default: available cores, 2 to 4). */
  clientProcs?: number;
  /** The clients' WebSocket implementation: 'raw' (default, bench/ws-raw-client.ts) or 'ws'. */
  client?: ClientKind;
  onStep?: (label: string) => void;
}

function summary(h: hdr.Histogram): LatencyStats {
  // A percentile is the top of its bucket (3 significant digits), which can lie just above the true max.
  const at = (p: number) => Math.min(h.getValueAtPercentile(p), h.maxValue);
  return { count: h.totalCount, p50Us: at(50), p99Us: at(99), p999Us: at(99.9), maxUs: h.maxValue };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A made-up instrument (the schema's `AAA_BBB`) per bench run: other tests and nodes publish real ones on the same NATS. */
function benchInstrument(): string {
  const letters = (n: number) => [...randomBytes(n)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  return `Q${letters(2)}_${letters(3)}`;
}

interface Running { child: ChildProcess; port: number }

async function startServer(kind: Server): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./gateway-server.ts', import.meta.url)), kind],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\d+)/.exec(out);
      if (m !== null) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new PipstreamError('PS_SERVICE_UNAVAILABLE', `${kind} server exited (${code}) before it was ready`, { service: kind })));
  });
  return { child, port };
}

async function stopServer(s: Running): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = once(s.child, 'exit');
  s.child.kill('SIGTERM');
  await exited;
}

/** A gateway account and its access token (registration is the public way in). */
async function register(port: number): Promise<{ account: string; token: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/v1/auth/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `bench-${randomBytes(6).toString('hex')}@example.com`, password: 'correct horse battery staple' }),
  });
  const body = await res.json() as { account?: string; access_token?: string };
  if (res.status !== 201 || body.account === undefined || body.access_token === undefined) {
    throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `gateway registration answered ${res.status}: ${JSON.stringify(body)}`, { service: 'gateway' });
  }
  return { account: body.account, token: body.access_token };
}

/** One child process of clients (bench/gateway-clients.ts) and its IPC channel. */
class ClientProc {
  readonly child: ChildProcess;
  /** The child's latest progress message during a run. */
  progress = { any: 0, delivered: 0, lastAnyAt: 0 };
  readonly #queue: FromChild[] = [];
  #waiter: ((m: FromChild | Error) => void) | null = null;
  #gone: Error | null = null;

  constructor() {
    this.child = fork(fileURLToPath(new URL('./gateway-clients.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: FromChild) => {
      if (m.op === 'progress') { this.progress = m; return; }
      if (this.#waiter !== null) { const w = this.#waiter; this.#waiter = null; w(m); } else this.#queue.push(m);
    });
    // A send to a child that died emits 'error' here; its 'exit' below already fails the run.
    this.child.on('error', () => {});
    this.child.once('exit', (code, signal) => {
      this.#gone = new PipstreamError('PS_SERVICE_UNAVAILABLE', `a client process exited (${code ?? signal})`, { code, signal });
      if (this.#waiter !== null) { const w = this.#waiter; this.#waiter = null; w(this.#gone); }
    });
  }

  send(m: ToChild): void { this.child.send(m); }

  /** The child's next message other than progress, which must be `op` (a `failed` is thrown). */
  async expect<O extends FromChild['op']>(op: O, timeoutMs: number): Promise<Extract<FromChild, { op: O }>> {
    const m = this.#queue.shift() ?? await new Promise<FromChild | Error>((resolve) => {
      if (this.#gone !== null) return resolve(this.#gone);
      const timer = setTimeout(() => { this.#waiter = null; resolve(new PipstreamError('PS_TIMEOUT', `a client process sent no '${op}' within ${timeoutMs} ms`)); }, timeoutMs);
      this.#waiter = (x) => { clearTimeout(timer); resolve(x); };
    });
    if (m instanceof Error) throw m;
    if (m.op === 'failed') throw new PipstreamError('PS_SERVICE_UNAVAILABLE', m.message);
    if (m.op !== op) throw new PipstreamError('PS_INTERNAL', `a client process sent '${m.op}', expected '${op}'`);
    return m as Extract<FromChild, { op: O }>;
  }

  /**
   * Bounds this child's clock minus ours from IPC round trips: a message sent at t and read there at tc gives
   * offset <= tc - t, the answer read here at now gives offset >= tc - now. Returns the bound on |offset|, µs
   * (the one-way IPC time when the clocks agree; a clock that disagrees shows here).
   */
  async clockBoundUs(rounds = 50): Promise<number> {
    let hi = Infinity, lo = -Infinity;
    for (let i = 0; i < rounds; i++) {
      this.send({ op: 'ping', t: monoMs() });
      const m = await this.expect('pong', 10_000);
      const now = monoMs();
      hi = Math.min(hi, m.tc - m.t);
      lo = Math.max(lo, m.tc - now);
    }
    return Math.round(Math.max(Math.abs(hi), Math.abs(lo)) * 1000);
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

interface RunSpec { server: Server; rep: number; kind: FanoutRun['kind']; clients: number; rate: number; seconds: number; base: number }

/**
 * One configuration against one running server: fork the client processes, connect, publish at the fixed
 * rate, wait for the frames, collect every process's counts and histogram, disconnect.
 */
async function runFanout(bus: Bus, url: string, instrument: string, spec: RunSpec, clientProcs: number, client: ClientKind, serverPid: number | undefined): Promise<FanoutRun> {
  const procs = Array.from({ length: Math.min(clientProcs, spec.clients) }, () => new ClientProc());
  try {
    await Promise.all(procs.map((p) => p.expect('ready', 60_000)));
    const clockBoundUs = Math.max(...await Promise.all(procs.map((p) => p.clockBoundUs())));
    const t0 = performance.now();
    let first = 0;
    const connected = await Promise.all(procs.map((p, j) => {
      const count = Math.floor(spec.clients / procs.length) + (j < spec.clients % procs.length ? 1 : 0);
      p.send({ op: 'connect', url, instrument, first, count, probe: j === 0, client });
      first += count;
      // Each client has its own CONNECT_TIMEOUT_MS in the child; this only catches a child that hangs.
      return p.expect('connected', 10 * CONNECT_TIMEOUT_MS);
    }));
    const connectSeconds = (performance.now() - t0) / 1000;
    const reconnects = connected.reduce((a, c) => a + c.reconnects, 0);
    const n = Math.ceil(spec.rate * (WARMUP_S + spec.seconds));
    const firstMeasured = Math.ceil(spec.rate * WARMUP_S);
    const periodMs = 1000 / spec.rate;
    const sentAt = new Float64Array(n);
    // One clock for every process (CLOCK_MONOTONIC, see gateway-clients.ts): tick i is due at startMs + i * periodMs.
    const startMs = monoMs() + 200;
    for (const p of procs) p.send({ op: 'arm', base: spec.base, n, firstMeasured, startMs, periodMs });
    await Promise.all(procs.map((p) => p.expect('armed', 30_000)));
    const cpu0 = { wall: monoMs(), server: processCpuSeconds(serverPid), publisher: process.cpuUsage() };
    // A fresh source per run: JetStream's dedupe ids (`<source>:<instrument>:<seq>`) must not collide with earlier runs.
    const source = `bench-gw-${Date.now().toString(36)}-${spec.base}`;
    const encoder = new TickEncoder(instrument, source);
    const subject = Subjects.price(instrument);
    let next = 0;
    await new Promise<void>((resolve) => {
      const wake = () => {
        const now = monoMs();
        while (next < n && startMs + next * periodMs <= now) {
          const i = next++;
          // Synthetic, deterministic quotes: the frame bytes depend only on the tick, so both servers' frames compare equal.
          const bid = 1.1 + (i % 200) / 1e5;
          sentAt[i] = monoMs();
          const seq = spec.base + i;
          bus.publishAsync(subject, encoder.encode(1.4e12 + i, bid, bid + 0.00012, seq), tickMsgId(source, instrument, seq));
        }
        if (next >= n) return resolve();
        // libuv timers have 1 ms resolution: that lateness is charged (latency runs from the schedule).
        setTimeout(wake, Math.max(0, startMs + next * periodMs - monoMs()));
      };
      setTimeout(wake, Math.max(0, startMs - monoMs()));
    });
    const sendSeconds = (sentAt[n - 1] - sentAt[0]) / 1000;
    const expected = (n - firstMeasured) * spec.clients;
    // Wait while frames of this run, warm-up ticks included, keep arriving: a saturated server delivers the warm-up
    // backlog first (in tick order), so counting only measured frames here ended runs before any arrived (fault 2).
    const deadline = monoMs() + DRAIN_MAX_MS;
    let seen = -1, quietSince = monoMs(), drainCapped = false;
    for (;;) {
      await sleep(20);
      const any = procs.reduce((a, p) => a + p.progress.any, 0);
      if (procs.reduce((a, p) => a + p.progress.delivered, 0) >= expected) break;
      if (any !== seen) { seen = any; quietSince = monoMs(); } else if (monoMs() - quietSince >= QUIET_MS) break;
      if (monoMs() >= deadline) { drainCapped = true; break; }
    }
    const publisherCpu = process.cpuUsage(cpu0.publisher);
    const cpu = {
      wallS: round2((monoMs() - cpu0.wall) / 1000), serverS: round2(processCpuSeconds(serverPid) - cpu0.server),
      clientsS: 0, publisherS: round2((publisherCpu.user + publisherCpu.system) / 1e6),
    };
    await bus.flush();
    for (const p of procs) p.send({ op: 'report' });
    const reports = await Promise.all(procs.map((p) => p.expect('report', 60_000)));
    const all = newHistogram();
    for (const r of reports) all.add(hdr.decodeFromCompressedBase64(r.histogram));
    const probe = newHistogram();
    const probeRecv = reports[0].probeRecv ?? [];
    for (let k = firstMeasured; k < n; k++) {
      if (probeRecv[k] > 0) probe.recordValue(Math.max(1, Math.round((probeRecv[k] - sentAt[k]) * 1000)));
    }
    const sum = (f: (r: ChildReport) => number) => reports.reduce((a, r) => a + f(r), 0);
    const delivered = sum((r) => r.delivered), inWindow = sum((r) => r.inWindow);
    const lastAnyAt = Math.max(...reports.map((r) => r.lastAnyAt));
    const windowFrom = startMs + firstMeasured * periodMs;
    return {
      server: spec.server, rep: spec.rep, kind: spec.kind, clients: spec.clients, rate: spec.rate, seconds: spec.seconds,
      achievedSendRate: Math.round((n - 1) / sendSeconds), reconnects,
      expected, delivered, completeness: delivered / expected,
      deliveredPerS: inWindow === 0 || lastAnyAt <= windowFrom ? 0 : Math.round(inWindow / ((lastAnyAt - windowFrom) / 1000)),
      received: sum((r) => r.any), drainCapped, clockBoundUs, cpu: { ...cpu, clientsS: round2(sum((r) => r.cpuS)) }, clientProcesses: procs.length, loadAvg1: loadavg()[0],
      latency: summary(all), probe: summary(probe), firstFrame: reports[0].firstFrame, connectSeconds: Math.round(connectSeconds * 100) / 100, error: null,
    };
  } finally {
    await Promise.all(procs.map((p) => p.close()));
  }
}

function failedRun(spec: Omit<RunSpec, 'base'>, err: unknown): FanoutRun {
  const none = summary(newHistogram());
  return {
    ...spec, achievedSendRate: 0, expected: 0, delivered: 0, completeness: 0, deliveredPerS: 0, latency: none, probe: none, firstFrame: '', connectSeconds: 0, reconnects: 0,
    received: 0, drainCapped: false, clockBoundUs: 0, cpu: { wallS: 0, serverS: 0, clientsS: 0, publisherS: 0 }, clientProcesses: 0, loadAvg1: loadavg()[0],
    error: err instanceof Error ? err.message : String(err),
  };
}

/** autocannon on one route for `seconds` (it runs in this process; the gateway in its own). */
async function rest(port: number, token: string, route: RestRun['route'], path: string, body: unknown, connections: number, seconds: number, rep: number): Promise<RestRun> {
  const order = body !== undefined;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds,
    method: order ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(order ? { 'content-type': 'application/json' } : {}) },
    ...(order ? { body: JSON.stringify(body) } : {}),
  });
  return {
    rep, route, path, connections, seconds,
    reqPerS: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99,
    ok: r['2xx'], non2xx: r.non2xx, errors: r.errors + r.timeouts,
  };
}

/** A manual order needs a price the gateway has seen: publishes one until the order route accepts (202). */
async function quote(bus: Bus, port: number, token: string, path: string, order: { instrument: string }): Promise<void> {
  const encoder = new TickEncoder(order.instrument, `bench-gw-quote-${Date.now().toString(36)}`);
  for (let attempt = 0; attempt < 50; attempt++) {
    await bus.publish(Subjects.price(order.instrument), encoder.encode(1.4e12, 1.1, 1.10012, attempt));
    await sleep(100);
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(order),
    });
    if (res.status === 202) return;
    if (res.status !== 409) throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `manual order answered ${res.status}: ${await res.text()}`, { service: 'gateway' });
  }
  throw new PipstreamError('PS_TIMEOUT', `the gateway saw no price for ${order.instrument} within 5 s`);
}

/** Ticks/s of a fan-out configuration requesting `frames` frames/s from `clients` clients. */
export const fanoutRate = (frames: number, clients: number): number => Math.max(1, Math.round(frames / clients));

export async function runGatewayBench(opts: GatewayBenchOptions = {}): Promise<GatewayBenchResult> {
  const clients = opts.clients ?? [1000, 5000];
  const frames = opts.frames ?? 2_000_000;
  const seconds = opts.seconds ?? 4;
  const reps = opts.reps ?? 3;
  const restSeconds = opts.restSeconds ?? 5;
  const connections = opts.connections ?? 50;
  const e2e = { rate: opts.e2eRate ?? 1000, clients: opts.e2eClients ?? 1000 };
  const clientProcs = opts.clientProcs ?? defaultClientProcs();
  const client = opts.client ?? 'raw';
  const step = opts.onStep ?? (() => {});
  const positive = [frames, seconds, reps, restSeconds, connections, e2e.rate, e2e.clients, clientProcs, ...clients];
  if (client !== 'raw' && client !== 'ws') throw new PipstreamError('PS_BAD_ARGUMENT', `gateway bench: client must be raw or ws, not ${String(client)}`, { client });
  if (clients.length === 0 || !positive.every((x) => Number.isFinite(x) && x > 0) || !clients.every(Number.isInteger) || !Number.isInteger(clientProcs)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'gateway bench: clients, frames, seconds, reps, restSeconds, connections, clientProcs and the e2e figures must be positive', { clients, frames, seconds, reps, restSeconds, connections, e2e, clientProcs });
  }
  const before = loadavg()[0];
  const bus = await connectBus({ kind: 'jetstream', name: 'pipstream-bench-gateway-feed' });
  const fanout: FanoutRun[] = [];
  const restRuns: RestRun[] = [];
  try {
    await bus.ensureStreams();
    const configs: Omit<RunSpec, 'server' | 'rep' | 'base'>[] = [
      ...clients.map((c) => ({ kind: 'fanout' as const, clients: c, rate: fanoutRate(frames, c), seconds })),
      { kind: 'e2e', clients: e2e.clients, rate: e2e.rate, seconds },
    ];
    for (let rep = 0; rep < reps; rep++) {
      const instrument = benchInstrument();
      for (const [i, c] of configs.entries()) {
        // A fresh server per configuration: one that fell behind must not carry its backlog into the next run.
        for (const server of (rep + i) % 2 === 0 ? SERVERS : [...SERVERS].reverse()) {
          step(`rep ${rep + 1}/${reps}: ${server}, ${c.kind} ${c.clients} clients at ${c.rate} ticks/s`);
          const s = await startServer(server);
          try {
            const auth = server === 'gateway' ? await register(s.port) : null;
            const url = `ws://127.0.0.1:${s.port}${WS_PATH}${auth === null ? '' : `?access_token=${encodeURIComponent(auth.token)}`}`;
            fanout.push(await runFanout(bus, url, instrument, { ...c, server, rep, base: (rep * 16 + i + 1) * SEQ_STRIDE }, clientProcs, client, s.child.pid));
          } catch (err) {
            // One configuration a server cannot take (clients not admitted in time) is a result, not the end of the bench.
            fanout.push(failedRun({ ...c, server, rep }, err));
          } finally {
            await stopServer(s);
          }
        }
      }
      step(`rep ${rep + 1}/${reps}: starting the gateway for REST`);
      const s = await startServer('gateway');
      try {
        const auth = await register(s.port);
        const base = `/v1/accounts/${auth.account}`;
        const order = { instrument, side: 'buy', units: 1000 };
        await quote(bus, s.port, auth.token, `${base}/orders`, order);
        step(`rep ${rep + 1}/${reps}: REST GET positions, ${connections} connections`);
        restRuns.push(await rest(s.port, auth.token, 'read', `${base}/positions`, undefined, connections, restSeconds, rep));
        step(`rep ${rep + 1}/${reps}: REST POST orders, ${connections} connections`);
        restRuns.push(await rest(s.port, auth.token, 'order', `${base}/orders`, order, connections, restSeconds, rep));
      } finally {
        await stopServer(s);
      }
    }
  } finally {
    await bus.close();
  }
  const framesIdentical = fanout.every((x) => x.server !== 'ws' || x.error !== null ||
    fanout.some((g) => g.server === 'gateway' && g.rep === x.rep && g.kind === x.kind && g.clients === x.clients && g.firstFrame === x.firstFrame && g.firstFrame !== ''));
  return {
    scenario: 'gateway', clients, frames, seconds, reps, e2e, warmupSeconds: WARMUP_S, clientProcs,
    client, loadAvg: { before, after: loadavg()[0] }, fanout, rest: restRuns, framesIdentical,
  };
}

/** Frames per CPU-second of a process: what a frame costs it, whatever share of a busy machine it got. */
const perCpu = (frames: number, cpuS: number) => (cpuS > 0 ? Math.round(frames / cpuS) : 0);

function table(r: GatewayBenchResult): string {
  const head = ['server', 'rep', 'kind', 'clients', 'ticks/s', 'sent/s', 'delivered/s', 'complete', 'p50 µs', 'p99 µs', 'max µs', 'probe p99 µs', 'cpu s srv/cli/pub of wall', 'frames/cpu-s srv/cli', 'load', 'connect s'];
  const rows = r.fanout.map((x) => [x.server, x.rep + 1, x.kind, x.clients, x.rate, x.achievedSendRate, x.deliveredPerS,
    `${(x.completeness * 100).toFixed(1)}%${x.drainCapped ? ' (cut)' : ''}`,
    x.latency.p50Us, x.latency.p99Us, x.latency.maxUs, x.probe.p99Us,
    `${x.cpu.serverS}/${x.cpu.clientsS}/${x.cpu.publisherS} of ${x.cpu.wallS}`, `${perCpu(x.received, x.cpu.serverS)}/${perCpu(x.received, x.cpu.clientsS)}`, x.loadAvg1.toFixed(2), x.error ?? x.connectSeconds].map(String));
  const rest = r.rest.map((x) => `REST ${x.route} ${x.path}: ${x.reqPerS} req/s, p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, ${x.ok} 2xx, ${x.non2xx} non-2xx, ${x.errors} errors`);
  const w = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  return [[head, ...rows].map((row) => row.map((v, c) => v.padStart(w[c])).join('  ')).join('\n'), ...rest].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const num = (name: string) => { const v = arg(name); return v === undefined ? undefined : Number(v); };
  runGatewayBench({
    clients: arg('--clients')?.split(',').map(Number), frames: num('--frames'), seconds: num('--seconds'), reps: num('--reps'),
    restSeconds: num('--rest-seconds'), connections: num('--connections'), e2eRate: num('--e2e-rate'), e2eClients: num('--e2e-clients'),
    clientProcs: num('--client-procs'), client: arg('--client') as ClientKind | undefined,
    onStep: (s) => console.error(s),
  }).then((r) => {
    console.log(JSON.stringify(r, null, 2));
    console.log(`\nprice fan-out, latency from each tick's scheduled send (µs), after ${r.warmupSeconds} s warm-up; ${r.client} clients in ${r.clientProcs} processes; ` +
      `load average ${r.loadAvg.before.toFixed(2)} -> ${r.loadAvg.after.toFixed(2)}; frames identical: ${r.framesIdentical}\n${table(r)}`);
  }, (err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
