/**
 * A loopback OANDA v20 pricing-stream server for tests: node:http on
 * 127.0.0.1, serving a script of lines (real ticks from data/ticks, heartbeats,
 * injected garbage) as chunked newline-delimited JSON, with per-connection
 * plans (HTTP errors, mid-line drops, stalls). A cursor survives reconnects: a
 * new connection resumes at the first line the previous one did not send
 * whole, so a correct client sees every line exactly once.
 */
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

export const EUR_USD_FILE = fileURLToPath(new URL('../../data/ticks/oanda-EUR_USD-2014-05.csv.gz', import.meta.url));

/** One CSV row with the price strings exactly as in the file. */
export interface CsvTick {
  timeMs: number;
  bid: string;
  ask: string;
}

export async function loadTicks(file = EUR_USD_FILE, limit = Infinity): Promise<CsvTick[]> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const ticks: CsvTick[] = [];
  let header = true;
  for await (const line of rl) {
    if (header) {
      if (line !== 'time_ms,bid,ask') throw new Error(`unexpected header ${line}`);
      header = false;
      continue;
    }
    if (ticks.length >= limit) break;
    const a = line.indexOf(',');
    const b = line.indexOf(',', a + 1);
    ticks.push({ timeMs: Number(line.slice(0, a)), bid: line.slice(a + 1, b), ask: line.slice(b + 1) });
  }
  rl.close();
  return ticks;
}

/** OANDA's RFC3339 form: always nine fraction digits. */
export function rfc3339(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000000Z`;
}

/** OANDA's UNIX form: seconds with nine fraction digits. */
export function unixTime(ms: number): string {
  return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}000000`;
}

export type TimeFormat = 'RFC3339' | 'UNIX';

export function priceLine(instrument: string, t: CsvTick, format: TimeFormat = 'RFC3339'): string {
  const time = format === 'UNIX' ? unixTime(t.timeMs) : rfc3339(t.timeMs);
  return `{"type":"PRICE","time":"${time}","bids":[{"price":"${t.bid}","liquidity":10000000}],` +
    `"asks":[{"price":"${t.ask}","liquidity":10000000}],"closeoutBid":"${t.bid}","closeoutAsk":"${t.ask}",` +
    `"status":"tradeable","tradeable":true,"instrument":"${instrument}"}`;
}

export function heartbeatLine(ms: number, format: TimeFormat = 'RFC3339'): string {
  return `{"type":"HEARTBEAT","time":"${format === 'UNIX' ? unixTime(ms) : rfc3339(ms)}"}`;
}

export const MALFORMED_LINE = '{"type":"PRICE","time":"2014-05-01T00:00:00.000000000Z","bids":[{"price":"1e5"';

/** A lazily rendered stream script: real ticks with heartbeats and malformed lines interleaved. */
export interface Script {
  lineCount: number;
  lineAt(i: number): string;
  heartbeats: number;
  malformed: number;
}

export function tickScript(ticks: readonly CsvTick[], opts: {
  instrument?: string; heartbeatEvery?: number; malformedAfter?: readonly number[]; format?: TimeFormat;
} = {}): Script {
  const instrument = opts.instrument ?? 'EUR_USD';
  const format = opts.format ?? 'RFC3339';
  const every = opts.heartbeatEvery ?? 0;
  const bad = new Set(opts.malformedAfter ?? []);
  // >= 0: tick index; -1 - k: heartbeat after tick k; MALFORMED: a bad line.
  const MALFORMED = -(2 ** 31);
  const items: number[] = [];
  let heartbeats = 0;
  let malformed = 0;
  for (let k = 0; k < ticks.length; k++) {
    items.push(k);
    if (every > 0 && (k + 1) % every === 0) { items.push(-1 - k); heartbeats++; }
    if (bad.has(k)) { items.push(MALFORMED); malformed++; }
  }
  const index = Int32Array.from(items);
  return {
    lineCount: index.length,
    heartbeats,
    malformed,
    lineAt(i) {
      const v = index[i];
      if (v === MALFORMED) return MALFORMED_LINE;
      return v >= 0 ? priceLine(instrument, ticks[v], format) : heartbeatLine(ticks[-1 - v].timeMs, format);
    },
  };
}

export type ConnectionPlan =
  | { status: number; body?: string; retryAfter?: string }
  | { dropAfterLines?: number; stallAfterLines?: number }
  | { hangBeforeHeaders: true };

export interface LoopbackOptions {
  token: string;
  accountId: string;
  /** The instruments a request may ask for (any non-empty subset). */
  instruments: readonly string[];
  script: Script;
  /** Next HTTP-chunk size in bytes (splits lines at arbitrary positions). Default 16 KiB. */
  chunkSize?: () => number;
  /** Plan for connection n (0-based); a connection without a plan streams to the end. */
  plans?: readonly ConnectionPlan[];
  /** Once the script is sent, a heartbeat every this many ms (as OANDA does every 5 s). Default: silence. */
  heartbeatIntervalMs?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  datetimeFormat: string | undefined;
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface Loopback {
  url: string;
  requests: RecordedRequest[];
  /** Index of the next line to send (all before it were sent whole). */
  readonly cursor: number;
  /** Responses still open. */
  readonly open: number;
  /** Replaces the script and plans and rewinds (for property tests reusing one server). */
  reset(script: Script, plans?: readonly ConnectionPlan[], chunkSize?: () => number): void;
  close(): Promise<void>;
}

function waitWritable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => { res.off('drain', done); res.off('close', done); resolve(); };
    res.once('drain', done);
    res.once('close', done);
  });
}

export async function startLoopback(options: LoopbackOptions): Promise<Loopback> {
  let script = options.script;
  let plans = options.plans ?? [];
  let chunkSize = options.chunkSize ?? (() => 16384);
  let cursor = 0;
  let connections = 0;
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();
  const expectedPath = `/v3/accounts/${options.accountId}/pricing/stream`;

  function fail(res: ServerResponse, rec: RecordedRequest, status: number, message: string, retryAfter?: string): void {
    rec.status = status;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
    res.writeHead(status, headers).end(message === '' ? '' : JSON.stringify({ errorMessage: message }));
  }

  async function stream(req: IncomingMessage, res: ServerResponse,
    plan: { dropAfterLines?: number; stallAfterLines?: number } | undefined): Promise<void> {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.flushHeaders();
    let closed = false;
    res.once('close', () => { closed = true; });
    const drop = plan && 'dropAfterLines' in plan ? plan.dropAfterLines : undefined;
    const stall = plan && 'stallAfterLines' in plan ? plan.stallAfterLines : undefined;
    const limit = Math.min(script.lineCount, cursor + (drop ?? stall ?? Infinity));
    const current = script;
    let pending = Buffer.alloc(0);
    const flush = async (): Promise<void> => {
      while (!closed && pending.length > 0) {
        const n = Math.max(1, Math.min(pending.length, chunkSize()));
        const ok = res.write(pending.subarray(0, n));
        pending = pending.subarray(n);
        if (!ok) await waitWritable(res);
      }
    };
    while (!closed && cursor < limit && current === script) {
      const batch: string[] = [];
      let bytes = 0;
      while (cursor + batch.length < limit && bytes < 65536) {
        const line = script.lineAt(cursor + batch.length);
        batch.push(line);
        bytes += line.length + 1;
      }
      pending = Buffer.from(`${batch.join('\n')}\n`);
      await flush();
      if (!closed) cursor += batch.length;
    }
    if (closed || current !== script) return;
    if (drop !== undefined) {
      if (cursor < script.lineCount) {
        const next = Buffer.from(script.lineAt(cursor));
        pending = next.subarray(0, next.length >> 1);
        await flush();
      }
      req.socket.end(); // FIN after the queued bytes: the client sees a truncated chunked body
      return;
    }
    if (stall !== undefined || !options.heartbeatIntervalMs) return; // silent until the client goes away
    const timer = setInterval(() => res.write(`${heartbeatLine(Date.now())}\n`), options.heartbeatIntervalMs);
    res.once('close', () => clearInterval(timer));
  }

  const server = createServer((req, res) => {
    const n = connections++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: RecordedRequest = {
      method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization,
      datetimeFormat: req.headers['accept-datetime-format'] as string | undefined, status: 200, at: performance.now(),
    };
    requests.push(rec);
    open.add(res);
    res.once('close', () => open.delete(res));
    if (req.method !== 'GET') return fail(res, rec, 405, 'method not allowed');
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return fail(res, rec, 401, 'Insufficient authorization to perform request.');
    }
    if (url.pathname !== expectedPath) return fail(res, rec, 404, `Invalid value specified for 'accountID'`);
    // As OANDA: any non-empty list of instruments the account can trade.
    const asked = (url.searchParams.get('instruments') ?? '').split(',');
    if (asked.some((i) => !options.instruments.includes(i))) {
      return fail(res, rec, 400, `Invalid value specified for 'instruments'`);
    }
    const plan = plans[n];
    if (plan && 'status' in plan) return fail(res, rec, plan.status, plan.body ?? '', plan.retryAfter);
    if (plan && 'hangBeforeHeaders' in plan) { rec.status = 0; return; }
    stream(req, res, plan).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get cursor() { return cursor; },
    get open() { return open.size; },
    reset(nextScript, nextPlans = [], nextChunkSize) {
      script = nextScript;
      plans = nextPlans;
      if (nextChunkSize) chunkSize = nextChunkSize;
      cursor = 0;
      connections = 0;
      requests.length = 0;
    },
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
