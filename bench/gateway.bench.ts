/**
 * The gateway under load (issue 4): REST with autocannon, and WebSocket price fan-out against a `ws`
 * server doing the same job, measured in the same run.
 *
 *   this process --publishAsync TickEvent--> JetStream PRICES (prices.forex.<X>) --core sub--> server
 *   (gateway or ws peer, its own process: bench/gateway-server.ts) --one JSON frame per client--> N `ws`
 *   clients in this process
 *
 * The publisher and the clients share this process, so one clock times both ends: tick i is due at
 * S_i = start + i/rate and every delivery records now - S_i (from the schedule: the publisher is open-loop,
 * so a stalled server or publisher is charged in full and there is no coordinated omission to correct).
 * Client 0 is also recorded the way bench/latency.bench.ts does it (from the actual send, HdrHistogram's
 * coordinated-omission correction). The first second is warm-up. The servers run one at a time, their
 * order alternating per repetition; the instrument is made up per run so no other publisher on the same
 * NATS reaches the clients. End-to-end is the same measurement at its own rate and client count.
 * REST: autocannon against the gateway on an authenticated read (positions) and on manual order
 * submission (each accepted order is a signal published to JetStream SIGNALS).
 *
 * `npx tsx bench/gateway.bench.ts [--clients 1000,5000] [--rate 200] [--seconds 4] [--reps 3]
 *   [--rest-seconds 5] [--connections 50] [--e2e-rate 1000] [--e2e-clients 1000]`
 * (needs NATS, Redis and PostgreSQL with the settings of README.md "Configuration").
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';
import WebSocket from 'ws';
import { connectBus, type Bus } from '../engine/bus/mod.ts';
import { isPipstreamError, PipstreamError } from '../engine/errors/mod.ts';
import { TickEncoder } from '../engine/node/feed.ts';
import { Subjects, tickMsgId } from '../engine/switchboard/mod.ts';
import { WS_PATH } from '../gateway/mod.ts';

export type Server = 'gateway' | 'ws';
export const SERVERS: readonly Server[] = ['gateway', 'ws'];

const WARMUP_S = 1;
/** After the last send: stop waiting for deliveries once none arrived for this long (a server that dropped some never sends them). */
const QUIET_MS = 1000;
const DRAIN_MAX_MS = 10_000;
/** Clients opening their socket at the same time (5,000 at once only measures the accept queue). */
const CONNECT_BATCH = 100;
const CONNECT_TIMEOUT_MS = 30_000;
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
  /** Delivered frames per second, from the first measured tick's due time to the last delivery. */
  deliveredPerS: number;
  /** Every delivery, from the tick's scheduled send time, µs. */
  latency: LatencyStats;
  /** Client 0 only, from the actual send, HdrHistogram coordinated-omission correction (as latency.bench.ts), µs. */
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
  rate: number;
  seconds: number;
  reps: number;
  e2e: { rate: number; clients: number };
  warmupSeconds: number;
  loadAvg: { before: number; after: number };
  fanout: FanoutRun[];
  rest: RestRun[];
  /** Both servers sent byte-identical frames for the same tick in every configuration. */
  framesIdentical: boolean;
}

export interface GatewayBenchOptions {
  clients?: number[];
  rate?: number;
  seconds?: number;
  reps?: number;
  restSeconds?: number;
  connections?: number;
  e2eRate?: number;
  e2eClients?: number;
  onStep?: (label: string) => void;
}

const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600e6, numberOfSignificantValueDigits: 3 });

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

/** What the clients' frame handler writes into: one run's ticks and histograms. */
interface Measure {
  base: number;
  n: number;
  firstMeasured: number;
  scheduled: Float64Array;
  sentAt: Float64Array;
  periodUs: number;
  all: hdr.Histogram;
  probe: hdr.Histogram;
  delivered: number;
  lastDeliveryAt: number;
  firstFrame: string;
}

let measure: Measure | null = null;

/**
 * The tick index of a price frame, from its trailing `"seq":<n>}` (no JSON.parse: at a million frames a
 * second the clients must cost as little as possible), or -1 for a reply or another run's frame.
 */
function indexOf(b: Buffer, m: Measure): number {
  if (b[2] !== 0x63 /* {"c(hannel) */) return -1;
  let i = b.length - 2, v = 0, scale = 1;
  while (i > 0 && b[i] !== 0x3a /* : */) { v += (b[i] - 48) * scale; scale *= 10; i--; }
  const k = v - m.base;
  return k >= 0 && k < m.n ? k : -1;
}

function onFrame(data: WebSocket.RawData): void {
  const now = performance.now();
  const m = measure;
  if (m === null) return;
  const k = indexOf(data as Buffer, m);
  if (k < m.firstMeasured) return;
  m.delivered++;
  m.lastDeliveryAt = now;
  m.all.recordValue(Math.max(1, Math.round((now - m.scheduled[k]) * 1000)));
}

function onProbeFrame(data: WebSocket.RawData): void {
  const m = measure;
  if (m === null) return;
  const now = performance.now();
  const k = indexOf(data as Buffer, m);
  if (k === 0 && m.firstFrame === '') m.firstFrame = (data as Buffer).toString('utf8');
  onFrame(data);
  if (k >= m.firstMeasured) m.probe.recordValueWithExpectedInterval(Math.max(1, Math.round((now - m.sentAt[k]) * 1000)), m.periodUs);
}

const CONNECT_ATTEMPTS = 3;

/** Opens `n` clients subscribed to the instrument's prices (each waits for its subscribe reply). */
async function connectClients(url: string, n: number, instrument: string, reconnects: { count: number }): Promise<WebSocket[]> {
  const clients: WebSocket[] = [];
  const open = (i: number) => new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => reject(new PipstreamError('PS_TIMEOUT', `client ${i} did not subscribe within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
    ws.once('error', (err) => { clearTimeout(timer); reject(err); });
    ws.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      reject(new PipstreamError('PS_SERVICE_UNAVAILABLE', `WebSocket upgrade answered ${res.statusCode}`, { status: res.statusCode }));
    });
    ws.once('close', (code) => {
      clearTimeout(timer);
      reject(new PipstreamError('PS_SERVICE_UNAVAILABLE', `client ${i} closed (${code}) before its subscription was confirmed`, { code }));
    });
    ws.once('open', () => ws.send(JSON.stringify({ op: 'subscribe', id: 1, channel: 'prices', instrument })));
    const onReply = (data: WebSocket.RawData) => {
      const r = JSON.parse(String(data)) as { id?: unknown; ok?: boolean };
      if (r.id !== 1) return;
      clearTimeout(timer);
      ws.off('message', onReply);
      if (r.ok !== true) return reject(new PipstreamError('PS_SERVICE_UNAVAILABLE', `subscribe refused: ${String(data)}`));
      ws.on('message', i === 0 ? onProbeFrame : onFrame);
      resolve(ws);
    };
    ws.on('message', onReply);
  });
  // A connection dropped before its subscription was confirmed is opened again, and counted (the gateway
  // used to drop one of many connections opened at once; `reconnects` shows it should it come back).
  const openRetrying = async (i: number): Promise<WebSocket> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await open(i);
      } catch (err) {
        if (attempt >= CONNECT_ATTEMPTS || !isPipstreamError(err, 'PS_SERVICE_UNAVAILABLE') || !/closed \(/.test(err.message)) throw err;
        reconnects.count++;
      }
    }
  };
  try {
    for (let i = 0; i < n; i += CONNECT_BATCH) {
      clients.push(...await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, n - i) }, (_, j) => openRetrying(i + j))));
    }
  } catch (err) {
    for (const c of clients) c.terminate();
    throw err;
  }
  return clients;
}

async function closeClients(clients: WebSocket[]): Promise<void> {
  const closed = clients.map((c) => (c.readyState === WebSocket.CLOSED ? Promise.resolve() : once(c, 'close').then(() => undefined)));
  for (const c of clients) c.terminate();
  await Promise.all(closed);
}

interface RunSpec { server: Server; rep: number; kind: FanoutRun['kind']; clients: number; rate: number; seconds: number; base: number }

/** One configuration against one running server: connect, publish at the fixed rate, wait for the frames, disconnect. */
async function runFanout(bus: Bus, url: string, instrument: string, spec: RunSpec): Promise<FanoutRun> {
  const t0 = performance.now();
  const reconnects = { count: 0 };
  const clients = await connectClients(url, spec.clients, instrument, reconnects);
  const connectSeconds = (performance.now() - t0) / 1000;
  const n = Math.ceil(spec.rate * (WARMUP_S + spec.seconds));
  const m: Measure = {
    base: spec.base, n, firstMeasured: Math.ceil(spec.rate * WARMUP_S),
    scheduled: new Float64Array(n), sentAt: new Float64Array(n), periodUs: Math.round(1e6 / spec.rate),
    all: newHistogram(), probe: newHistogram(), delivered: 0, lastDeliveryAt: 0, firstFrame: '',
  };
  try {
    measure = m;
    // A fresh source per run: JetStream's dedupe ids (`<source>:<instrument>:<seq>`) must not collide with earlier runs.
    const source = `bench-gw-${Date.now().toString(36)}-${spec.base}`;
    const encoder = new TickEncoder(instrument, source);
    const subject = Subjects.price(instrument);
    const periodMs = 1000 / spec.rate;
    let next = 0;
    let start = 0;
    await new Promise<void>((resolve) => {
      const wake = () => {
        const now = performance.now();
        while (next < n && start + next * periodMs <= now) {
          const i = next++;
          // Synthetic, deterministic quotes: the frame bytes depend only on the tick, so both servers' frames compare equal.
          const bid = 1.1 + (i % 200) / 1e5;
          m.scheduled[i] = start + i * periodMs;
          m.sentAt[i] = performance.now();
          const seq = spec.base + i;
          bus.publishAsync(subject, encoder.encode(1.4e12 + i, bid, bid + 0.00012, seq), tickMsgId(source, instrument, seq));
        }
        if (next >= n) return resolve();
        // libuv timers have 1 ms resolution: that lateness is charged (latency runs from the schedule).
        setTimeout(wake, Math.max(0, start + next * periodMs - performance.now()));
      };
      start = performance.now() + 5;
      setTimeout(wake, 5);
    });
    const sendSeconds = (m.sentAt[n - 1] - m.sentAt[0]) / 1000;
    const expected = (n - m.firstMeasured) * spec.clients;
    const deadline = performance.now() + DRAIN_MAX_MS;
    let seen = -1, quietSince = performance.now();
    while (m.delivered < expected && performance.now() < deadline && performance.now() - quietSince < QUIET_MS) {
      await sleep(20);
      if (m.delivered !== seen) { seen = m.delivered; quietSince = performance.now(); }
    }
    await bus.flush();
    const measuredFrom = m.scheduled[m.firstMeasured];
    return {
      server: spec.server, rep: spec.rep, kind: spec.kind, clients: spec.clients, rate: spec.rate, seconds: spec.seconds,
      achievedSendRate: Math.round((n - 1) / sendSeconds), reconnects: reconnects.count,
      expected, delivered: m.delivered, completeness: m.delivered / expected,
      deliveredPerS: m.delivered === 0 ? 0 : Math.round(m.delivered / ((m.lastDeliveryAt - measuredFrom) / 1000)),
      latency: summary(m.all), probe: summary(m.probe), firstFrame: m.firstFrame, connectSeconds: Math.round(connectSeconds * 100) / 100, error: null,
    };
  } finally {
    measure = null;
    await closeClients(clients);
  }
}

function failedRun(spec: Omit<RunSpec, 'base'>, err: unknown): FanoutRun {
  const none = summary(newHistogram());
  return {
    ...spec, achievedSendRate: 0, expected: 0, delivered: 0, completeness: 0, deliveredPerS: 0, latency: none, probe: none, firstFrame: '', connectSeconds: 0, reconnects: 0,
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

export async function runGatewayBench(opts: GatewayBenchOptions = {}): Promise<GatewayBenchResult> {
  const clients = opts.clients ?? [1000, 5000];
  const rate = opts.rate ?? 200;
  const seconds = opts.seconds ?? 4;
  const reps = opts.reps ?? 3;
  const restSeconds = opts.restSeconds ?? 5;
  const connections = opts.connections ?? 50;
  const e2e = { rate: opts.e2eRate ?? 1000, clients: opts.e2eClients ?? 1000 };
  const step = opts.onStep ?? (() => {});
  const positive = [rate, seconds, reps, restSeconds, connections, e2e.rate, e2e.clients, ...clients];
  if (clients.length === 0 || !positive.every((x) => Number.isFinite(x) && x > 0) || !clients.every(Number.isInteger)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'gateway bench: clients, rate, seconds, reps, restSeconds, connections and the e2e figures must be positive', { clients, rate, seconds, reps, restSeconds, connections, e2e });
  }
  const before = loadavg()[0];
  const bus = await connectBus({ kind: 'jetstream', name: 'pipstream-bench-gateway-feed' });
  const fanout: FanoutRun[] = [];
  const restRuns: RestRun[] = [];
  try {
    await bus.ensureStreams();
    const configs: Omit<RunSpec, 'server' | 'rep' | 'base'>[] = [
      ...clients.map((c) => ({ kind: 'fanout' as const, clients: c, rate, seconds })),
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
            fanout.push(await runFanout(bus, url, instrument, { ...c, server, rep, base: (rep * 16 + i + 1) * SEQ_STRIDE }));
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
    scenario: 'gateway', clients, rate, seconds, reps, e2e, warmupSeconds: WARMUP_S,
    loadAvg: { before, after: loadavg()[0] }, fanout, rest: restRuns, framesIdentical,
  };
}

function table(r: GatewayBenchResult): string {
  const head = ['server', 'rep', 'kind', 'clients', 'ticks/s', 'sent/s', 'delivered/s', 'complete', 'p50 µs', 'p99 µs', 'max µs', 'probe p99 µs', 'connect s'];
  const rows = r.fanout.map((x) => [x.server, x.rep + 1, x.kind, x.clients, x.rate, x.achievedSendRate, x.deliveredPerS, `${(x.completeness * 100).toFixed(1)}%`,
    x.latency.p50Us, x.latency.p99Us, x.latency.maxUs, x.probe.p99Us, x.error ?? x.connectSeconds].map(String));
  const rest = r.rest.map((x) => `REST ${x.route} ${x.path}: ${x.reqPerS} req/s, p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, ${x.ok} 2xx, ${x.non2xx} non-2xx, ${x.errors} errors`);
  const w = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  return [[head, ...rows].map((row) => row.map((v, c) => v.padStart(w[c])).join('  ')).join('\n'), ...rest].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const num = (name: string) => { const v = arg(name); return v === undefined ? undefined : Number(v); };
  runGatewayBench({
    clients: arg('--clients')?.split(',').map(Number), rate: num('--rate'), seconds: num('--seconds'), reps: num('--reps'),
    restSeconds: num('--rest-seconds'), connections: num('--connections'), e2eRate: num('--e2e-rate'), e2eClients: num('--e2e-clients'),
    onStep: (s) => console.error(s),
  }).then((r) => {
    console.log(JSON.stringify(r, null, 2));
    console.log(`\nprice fan-out, latency from each tick's scheduled send (µs), after ${r.warmupSeconds} s warm-up; frames identical: ${r.framesIdentical}\n${table(r)}`);
  }, (err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
