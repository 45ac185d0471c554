/**
 * The WebSocket clients of bench/gateway.bench.ts, in child processes of the bench (child_process.fork with
 * `--import tsx`), so that the clients are spread over several processes and no longer one event loop that
 * tops out at ~50k frames/s. The bench forks a few of these per run; each opens its share of the clients,
 * subscribes them to the run's instrument, and reports back over the IPC channel:
 *
 *   parent <-> child { op: 'ping', t } / { op: 'pong', t, tc }                   the clock check (see the bench)
 *   parent -> child  { op: 'connect', url, instrument, first, count, probe, client? }   open `count` clients (client ids
 *                    first..) with bench/ws-raw-client.ts (client 'raw', the default) or the `ws` library ('ws')
 *   child -> parent  { op: 'connected', reconnects } | { op: 'failed', message }
 *   parent -> child  { op: 'arm', base, n, firstMeasured, startMs, periodMs }   the run's tick schedule
 *   child -> parent  { op: 'armed' }, then { op: 'progress', any, delivered, lastAnyAt } every PROGRESS_MS
 *   parent -> child  { op: 'report' }
 *   child -> parent  { op: 'report', ... ChildReport }                          (then the parent disconnects; the child exits)
 *
 * Clock: `monoMs()` (bench/mono-clock.ts), CLOCK_MONOTONIC, one clock for every process on the machine: tick i's
 * scheduled send S_i = startMs + i·periodMs, computed the same way in the publisher (the bench process) and here,
 * and a delivery at `monoMs()` in any child is charged `now - S_i` on one clock.
 */
import * as hdr from 'hdr-histogram-js';
import WebSocket from 'ws';
import { monoMs } from './mono-clock.ts';
import { connect, type RawWebSocket, UpgradeError } from './ws-raw-client.ts';

export { monoMs };


export const newHistogram = (): hdr.Histogram =>
  hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600e6, numberOfSignificantValueDigits: 3 });

/** Clients opening their socket at the same time, per process (5,000 at once only measures the accept queue). */
const CONNECT_BATCH = 100;
export const CONNECT_TIMEOUT_MS = 30_000;
const CONNECT_ATTEMPTS = 3;
const PROGRESS_MS = 100;

/**
 * The WebSocket client the clients use: 'raw' (bench/ws-raw-client.ts, the default), built to cost the load
 * generator as little CPU per frame as possible, or 'ws' (the `ws` library) to compare.
 */
export type ClientKind = 'raw' | 'ws';

export type ToChild =
  | { op: 'connect'; url: string; instrument: string; first: number; count: number; probe: boolean; client?: ClientKind }
  | { op: 'arm'; base: number; n: number; firstMeasured: number; startMs: number; periodMs: number }
  | { op: 'report' }
  | { op: 'ping'; t: number };

export interface ChildReport {
  op: 'report';
  /** Frames of the run's ticks (warm-up included). */
  any: number;
  /** Frames of the run's ticks received at or after the first measured tick's scheduled send. */
  inWindow: number;
  /** Frames of measured ticks (after warm-up), and when the last of them / of any tick arrived (monoMs). */
  delivered: number;
  lastDeliveryAt: number;
  lastAnyAt: number;
  /** Every measured delivery, µs from the tick's scheduled send: hdr-histogram-js, compressed base64. */
  histogram: string;
  /** The probe client (client 0) only: monoMs of its first receipt of each tick, 0 if none; and its frame of tick 0. */
  probeRecv: number[] | null;
  firstFrame: string;
  /** CPU this process used from 'arm' to 'report', s (user + system). */
  cpuS: number;
}

export type FromChild =
  | { op: 'ready' }
  | { op: 'pong'; t: number; tc: number }
  | { op: 'connected'; reconnects: number }
  | { op: 'failed'; message: string }
  | { op: 'armed' }
  | { op: 'progress'; any: number; delivered: number; lastAnyAt: number }
  | ChildReport;

interface Measure {
  base: number;
  n: number;
  firstMeasured: number;
  startMs: number;
  periodMs: number;
  windowFrom: number;
  all: hdr.Histogram;
  any: number;
  inWindow: number;
  delivered: number;
  lastDeliveryAt: number;
  lastAnyAt: number;
  probeRecv: Float64Array | null;
  firstFrame: string;
  cpu: NodeJS.CpuUsage;
}

/**
 * The tick index of a price frame b[start, end), from its trailing `"seq":<n>}` (no JSON.parse: the clients
 * must cost as little as possible), or -1 for a reply or another run's frame.
 */
function indexOf(b: Buffer, start: number, end: number, m: Measure): number {
  if (end - start < 3 || b[start + 2] !== 0x63 /* {"c(hannel) */) return -1;
  let i = end - 2, v = 0, scale = 1;
  while (i > start && b[i] !== 0x3a /* : */) { v += (b[i] - 48) * scale; scale *= 10; i--; }
  const k = v - m.base;
  return k >= 0 && k < m.n ? k : -1;
}

let measure: Measure | null = null;

function record(m: Measure, k: number, now: number): void {
  m.any++;
  m.lastAnyAt = now;
  if (now >= m.windowFrom) m.inWindow++;
  if (k < m.firstMeasured) return;
  m.delivered++;
  m.lastDeliveryAt = now;
  // The schedule is computed exactly as the publisher computes it (same doubles), so this is now - S_k.
  m.all.recordValue(Math.max(1, Math.round((now - (m.startMs + k * m.periodMs)) * 1000)));
}

/** A message's payload, buf[start, end) (see ws-raw-client.ts MessageHandler). */
type FrameHandler = (buf: Buffer, start: number, end: number) => void;

function onFrame(buf: Buffer, start: number, end: number): void {
  const m = measure;
  if (m === null) return;
  const now = monoMs();
  const k = indexOf(buf, start, end, m);
  if (k >= 0) record(m, k, now);
}

function onProbeFrame(buf: Buffer, start: number, end: number): void {
  const m = measure;
  if (m === null) return;
  const now = monoMs();
  const k = indexOf(buf, start, end, m);
  if (k < 0) return;
  if (k === 0 && m.firstFrame === '') m.firstFrame = buf.toString('utf8', start, end);
  if (m.probeRecv !== null && m.probeRecv[k] === 0) m.probeRecv[k] = now;
  record(m, k, now);
}

class Failure extends Error {
  constructor(message: string, readonly dropped = false) { super(message); }
}

/** What connectClients needs of a client of either kind. */
interface Client { terminate(): void }

/** The subscribe reply's verdict, or null for a message that is not the reply (id 1). */
function subscribed(text: string): boolean | null {
  const r = JSON.parse(text) as { id?: unknown; ok?: boolean };
  return r.id === 1 ? r.ok === true : null;
}

/** Client i with bench/ws-raw-client.ts, subscribed (`subscribe` is the request), its prices to onPrice. */
const openRaw = (url: string, subscribe: string, i: number, onPrice: FrameHandler) => new Promise<Client>((resolve, reject) => {
  const abort = new AbortController();
  let ws: RawWebSocket | null = null;
  const fail = (f: Failure) => {
    clearTimeout(timer);
    abort.abort();
    ws?.terminate();
    reject(f);
  };
  const timer = setTimeout(() => fail(new Failure(`client ${i} did not subscribe within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
  const onReply = (buf: Buffer, start: number, end: number) => {
    const text = buf.toString('utf8', start, end);
    const ok = subscribed(text);
    if (ok === null || ws === null) return;
    if (!ok) return fail(new Failure(`subscribe refused: ${text}`));
    clearTimeout(timer);
    ws.onClose = () => {}; // the server going away later is the end of this client, not of the process
    ws.onError = () => {};
    ws.onMessage = onPrice;
    resolve(ws);
  };
  connect(url, { onMessage: onReply, signal: abort.signal }).then((c) => {
    ws = c;
    c.onError = (err) => fail(new Failure(`client ${i}: ${err.message}`));
    c.onClose = (code) => fail(new Failure(`client ${i} closed (${code}) before its subscription was confirmed`, true));
    c.send(subscribe);
  }, (err: Error) => fail(new Failure(err instanceof UpgradeError ? err.message : `client ${i}: ${err.message}`)));
});

/** The same with the `ws` library. */
const openWs = (url: string, subscribe: string, i: number, onPrice: FrameHandler) => new Promise<Client>((resolve, reject) => {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const timer = setTimeout(() => { ws.terminate(); reject(new Failure(`client ${i} did not subscribe within ${CONNECT_TIMEOUT_MS} ms`)); }, CONNECT_TIMEOUT_MS);
  ws.once('error', (err) => { clearTimeout(timer); reject(new Failure(`client ${i}: ${err.message}`)); });
  ws.once('unexpected-response', (_req, res) => {
    clearTimeout(timer);
    reject(new Failure(`WebSocket upgrade answered ${res.statusCode}`));
  });
  ws.once('close', (code) => {
    clearTimeout(timer);
    reject(new Failure(`client ${i} closed (${code}) before its subscription was confirmed`, true));
  });
  // The subscribe goes out only once the socket is open (ws throws on send() while CONNECTING).
  ws.once('open', () => ws.send(subscribe));
  const onReply = (data: WebSocket.RawData) => {
    const ok = subscribed(String(data));
    if (ok === null) return;
    clearTimeout(timer);
    ws.off('message', onReply);
    if (!ok) return reject(new Failure(`subscribe refused: ${String(data)}`));
    ws.removeAllListeners('close');
    ws.on('error', () => {}); // a later error (the server going away) is the end of this client, not of the process
    ws.on('message', (data: Buffer) => onPrice(data, 0, data.length));
    resolve(ws);
  };
  ws.on('message', onReply);
});

/** Opens `count` clients subscribed to the instrument's prices (each waits for its subscribe reply). */
async function connectClients(url: string, instrument: string, first: number, count: number, probe: boolean, client: ClientKind, reconnects: { count: number }): Promise<Client[]> {
  const clients: Client[] = [];
  const subscribe = JSON.stringify({ op: 'subscribe', id: 1, channel: 'prices', instrument });
  const open = (i: number) => (client === 'raw' ? openRaw : openWs)(url, subscribe, i, probe && i === first ? onProbeFrame : onFrame);
  // A connection dropped before its subscription was confirmed is opened again, and counted (the gateway
  // used to drop one of many connections opened at once; `reconnects` shows it should it come back).
  const openRetrying = async (i: number): Promise<Client> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await open(i);
      } catch (err) {
        if (attempt >= CONNECT_ATTEMPTS || !(err instanceof Failure) || !err.dropped) throw err;
        reconnects.count++;
      }
    }
  };
  try {
    for (let i = 0; i < count; i += CONNECT_BATCH) {
      clients.push(...await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, (_, j) => openRetrying(first + i + j))));
    }
  } catch (err) {
    for (const c of clients) c.terminate();
    throw err;
  }
  return clients;
}

function main(): void {
  const send = (msg: FromChild) => process.send!(msg);
  let clients: Client[] = [];
  let progress: NodeJS.Timeout | undefined;
  let probe = false;
  process.on('message', (msg: ToChild) => {
    switch (msg.op) {
      case 'ping':
        send({ op: 'pong', t: msg.t, tc: monoMs() });
        return;
      case 'connect': {
        probe = msg.probe;
        const reconnects = { count: 0 };
        connectClients(msg.url, msg.instrument, msg.first, msg.count, msg.probe, msg.client ?? 'raw', reconnects).then((cs) => {
          clients = cs;
          send({ op: 'connected', reconnects: reconnects.count });
        }, (err: unknown) => send({ op: 'failed', message: err instanceof Error ? err.message : String(err) }));
        return;
      }
      case 'arm': {
        measure = {
          base: msg.base, n: msg.n, firstMeasured: msg.firstMeasured, startMs: msg.startMs, periodMs: msg.periodMs,
          windowFrom: msg.startMs + msg.firstMeasured * msg.periodMs, all: newHistogram(),
          any: 0, inWindow: 0, delivered: 0, lastDeliveryAt: 0, lastAnyAt: 0,
          probeRecv: probe ? new Float64Array(msg.n) : null, firstFrame: '', cpu: process.cpuUsage(),
        };
        const m = measure;
        progress = setInterval(() => send({ op: 'progress', any: m.any, delivered: m.delivered, lastAnyAt: m.lastAnyAt }), PROGRESS_MS);
        send({ op: 'armed' });
        return;
      }
      case 'report': {
        clearInterval(progress);
        const m = measure;
        measure = null;
        if (m === null) return;
        const cpu = process.cpuUsage(m.cpu);
        send({
          op: 'report', any: m.any, inWindow: m.inWindow, delivered: m.delivered, lastDeliveryAt: m.lastDeliveryAt, lastAnyAt: m.lastAnyAt,
          histogram: hdr.encodeIntoCompressedBase64(m.all), probeRecv: m.probeRecv === null ? null : Array.from(m.probeRecv), firstFrame: m.firstFrame,
          cpuS: (cpu.user + cpu.system) / 1e6,
        });
        return;
      }
    }
  });
  // The bench disconnects once it has the report (or dies): drop every socket at once and leave.
  process.on('disconnect', () => {
    for (const c of clients) c.terminate();
    process.exit(0);
  });
  send({ op: 'ready' });
}

if (process.send !== undefined && process.argv[1] !== undefined && import.meta.url === `file://${process.argv[1]}`) main();
