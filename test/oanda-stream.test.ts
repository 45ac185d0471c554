import t from 'tap';
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { createOandaPriceStream } from '../actors/ingest/mod.ts';
import type { OandaPriceStream, OandaPriceStreamOptions } from '../actors/ingest/mod.ts';
import type { PipstreamError } from '../engine/errors/mod.ts';
import { loadTicks, MALFORMED_LINE, startLoopback, tickScript } from './helpers/oanda-loopback.ts';
import type { CsvTick, Loopback, LoopbackOptions, Script } from './helpers/oanda-loopback.ts';

const TOKEN = 'test-token-123';
const ACCOUNT = '101-004-1234567-001';
const INSTRUMENTS = ['EUR_USD', 'USD_JPY'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  stream: OandaPriceStream;
  done: Promise<void>;
  instruments: string[];
  times: number[];
  bids: number[];
  asks: number[];
  tradeable: boolean[];
  heartbeats: number[];
  malformed: Array<{ line: string; error: PipstreamError }>;
  errors: PipstreamError[];
}

function run(url: string, extra: Partial<OandaPriceStreamOptions> = {}): Run {
  const r = { instruments: [], times: [], bids: [], asks: [], tradeable: [], heartbeats: [], malformed: [], errors: [] } as
    unknown as Run;
  r.stream = createOandaPriceStream({
    streamUrl: url, accountId: ACCOUNT, token: TOKEN, instruments: INSTRUMENTS,
    onTick: (instrument, timeMs, bid, ask, tradeable) => {
      r.instruments.push(instrument);
      r.times.push(timeMs);
      r.bids.push(bid);
      r.asks.push(ask);
      r.tradeable.push(tradeable);
    },
    onHeartbeat: (timeMs) => r.heartbeats.push(timeMs),
    onMalformed: (line, error) => r.malformed.push({ line, error }),
    onError: (error) => r.errors.push(error),
    backoffBaseMs: 10, backoffMaxMs: 100,
    ...extra,
  });
  r.done = r.stream.start();
  return r;
}

async function waitFor(what: string, cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** '' when the run saw every tick of the file exactly once, in order, bit-exact; else the first mismatches. */
function tickMismatch(r: Run, ticks: readonly CsvTick[]): string {
  const out: string[] = [];
  if (r.times.length !== ticks.length) out.push(`got ${r.times.length} ticks, want ${ticks.length}`);
  for (let i = 0; i < ticks.length && i < r.times.length && out.length < 3; i++) {
    const x = ticks[i];
    if (r.times[i] !== x.timeMs || r.bids[i] !== Number(x.bid) || r.asks[i] !== Number(x.ask) ||
      r.instruments[i] !== 'EUR_USD' || r.tradeable[i] !== true) {
      out.push(`tick ${i}: got ${r.times[i]} ${r.bids[i]} ${r.asks[i]}, want ${x.timeMs} ${x.bid} ${x.ask}`);
    }
  }
  return out.join('; ');
}

async function withServer(t: { teardown(fn: () => unknown): void }, script: Script,
  opts: Partial<LoopbackOptions> = {}): Promise<Loopback> {
  const server = await startLoopback({ token: TOKEN, accountId: ACCOUNT, instruments: INSTRUMENTS, script, ...opts });
  t.teardown(() => server.close());
  return server;
}

const allTicks = await loadTicks();

t.test('streams every tick of the real file exactly, across arbitrary chunk splits', async (t) => {
  const script = tickScript(allTicks, { heartbeatEvery: 1000 });
  const rnd = mulberry32(42);
  const server = await withServer(t, script, { chunkSize: () => 1 + Math.floor(rnd() * 3000) });
  const r = run(server.url);
  await waitFor('all ticks', () => r.times.length >= allTicks.length && r.heartbeats.length >= script.heartbeats, 120_000);
  await r.stream.stop();
  await r.done;
  t.equal(allTicks.length, 532903, 'the whole file');
  t.equal(tickMismatch(r, allTicks), '', 'every tick equals the file');
  t.equal(r.heartbeats.length, script.heartbeats, 'heartbeats');
  t.equal(r.heartbeats[0], allTicks[999].timeMs, 'heartbeat time parsed');
  t.same(r.stream.stats(), {
    lines: script.lineCount, ticks: allTicks.length, heartbeats: script.heartbeats, malformed: 0, reconnects: 0,
    stalls: 0,
  });
  t.equal(r.errors.length, 0);
  t.equal(r.stream.state, 'stopped');
  t.equal(server.requests.length, 1);
  const req = server.requests[0];
  t.equal(req.authorization, `Bearer ${TOKEN}`);
  t.equal(req.url, `/v3/accounts/${ACCOUNT}/pricing/stream?instruments=EUR_USD,USD_JPY`);
  t.equal(req.datetimeFormat, 'RFC3339');
});

t.test('UNIX datetime format', async (t) => {
  const ticks = allTicks.slice(0, 5000);
  const script = tickScript(ticks, { heartbeatEvery: 100, format: 'UNIX' });
  const server = await withServer(t, script, { chunkSize: () => 777 });
  const r = run(server.url, { datetimeFormat: 'UNIX' });
  await waitFor('ticks', () => r.times.length >= ticks.length && r.heartbeats.length >= script.heartbeats);
  await r.stream.stop();
  await r.done;
  t.equal(tickMismatch(r, ticks), '', 'every tick equals the file');
  t.equal(r.heartbeats.length, 50);
  t.equal(server.requests[0].datetimeFormat, 'UNIX');
  t.equal(r.malformed.length, 0);
});

t.test('a malformed line is counted, reported and skipped; the stream goes on', async (t) => {
  const ticks = allTicks.slice(0, 3000);
  const script = tickScript(ticks, { malformedAfter: [10, 2500] });
  const server = await withServer(t, script, { chunkSize: () => 100 });
  const r = run(server.url);
  await waitFor('ticks', () => r.times.length >= ticks.length);
  await r.stream.stop();
  await r.done;
  t.equal(tickMismatch(r, ticks), '', 'every tick equals the file');
  t.equal(r.malformed.length, 2);
  t.equal(r.malformed[0].line, MALFORMED_LINE);
  t.equal(r.malformed[0].error.code, 'PS_OANDA_PROTOCOL');
  t.equal(r.stream.stats().malformed, 2);
  t.equal(r.stream.stats().reconnects, 0);
  t.equal(r.errors.length, 0);
});

t.test('a connection dropped mid-line is re-established with backoff; no line lost or doubled', async (t) => {
  const ticks = allTicks.slice(0, 4000);
  const script = tickScript(ticks, { heartbeatEvery: 500 });
  const server = await withServer(t, script, {
    chunkSize: () => 333, plans: [{ dropAfterLines: 1234 }, { dropAfterLines: 1 }, { dropAfterLines: 0 }],
  });
  const draws: number[] = [];
  const r = run(server.url, { backoffBaseMs: 40, backoffMaxMs: 1000, random: () => { draws.push(1); return 1; } });
  await waitFor('ticks', () => r.times.length >= ticks.length && r.heartbeats.length >= script.heartbeats);
  await r.stream.stop();
  await r.done;
  t.equal(tickMismatch(r, ticks), '', 'every tick equals the file');
  t.equal(r.heartbeats.length, script.heartbeats);
  t.equal(r.malformed.length, 0, 'the truncated line is dropped, not reported');
  t.equal(r.stream.stats().reconnects, 3);
  t.same(r.errors.map((e) => e.code), ['PS_OANDA_DISCONNECTED', 'PS_OANDA_DISCONNECTED', 'PS_OANDA_DISCONNECTED']);
  t.equal(draws.length, 3);
  const at = server.requests.map((q) => q.at);
  // random() = 1 makes the full-jitter delay its ceiling: 40, 80, 160 ms.
  t.ok(at[1] - at[0] >= 38, `first retry after ${at[1] - at[0]} ms`);
  t.ok(at[2] - at[1] >= 78, `second retry after ${at[2] - at[1]} ms`);
  t.ok(at[3] - at[2] >= 158, `third retry after ${at[3] - at[2]} ms`);
});

t.test('backoff resets after a healthy period', async (t) => {
  const ticks = allTicks.slice(0, 100);
  const server = await withServer(t, tickScript(ticks), {
    plans: [{ dropAfterLines: 10 }, { stallAfterLines: 10 }, { dropAfterLines: 10 }],
  });
  const r = run(server.url, {
    stallTimeoutMs: 300, healthyAfterMs: 200, backoffBaseMs: 1000, backoffMaxMs: 10_000, random: () => 0.5,
  });
  await waitFor('ticks', () => r.times.length >= ticks.length);
  await r.stream.stop();
  await r.done;
  t.equal(tickMismatch(r, ticks), '', 'every tick equals the file');
  t.same(r.errors.map((e) => e.code), ['PS_OANDA_DISCONNECTED', 'PS_OANDA_STALL', 'PS_OANDA_DISCONNECTED']);
  const at = server.requests.map((q) => q.at);
  // Attempt 0 -> 500 ms. The stalled connection streamed > healthyAfterMs, so its retry is attempt 0 again
  // (~300 ms stall + 500 ms, not + 1000 ms); the quick drop after it is attempt 1 -> 1000 ms.
  t.ok(at[1] - at[0] >= 490 && at[1] - at[0] < 900, `first retry ${(at[1] - at[0]).toFixed(0)} ms`);
  t.ok(at[2] - at[1] >= 790 && at[2] - at[1] < 1200, `retry after the healthy connection ${(at[2] - at[1]).toFixed(0)} ms`);
  t.ok(at[3] - at[2] >= 990, `next retry ${(at[3] - at[2]).toFixed(0)} ms`);
});

t.test('a stall is detected after stallTimeoutMs and the stream is re-established', async (t) => {
  const ticks = allTicks.slice(0, 2000);
  const server = await withServer(t, tickScript(ticks), { plans: [{ stallAfterLines: 700 }] });
  const r = run(server.url, { stallTimeoutMs: 300, random: () => 0 });
  await waitFor('first 700 ticks', () => r.times.length >= 700);
  const lastDataAt = performance.now();
  await waitFor('ticks', () => r.times.length >= ticks.length);
  await r.stream.stop();
  await r.done;
  t.equal(tickMismatch(r, ticks), '', 'every tick equals the file');
  const gap = server.requests[1].at - lastDataAt;
  t.ok(gap >= 290 && gap < 560, `reconnected ${gap.toFixed(0)} ms after the last tick`);
  t.equal(r.stream.stats().stalls, 1);
  t.equal(r.stream.stats().reconnects, 1);
  t.equal(r.errors.length, 1);
  t.equal(r.errors[0].code, 'PS_OANDA_STALL');
});

t.test('heartbeats alone keep a quiet stream alive', async (t) => {
  const ticks = allTicks.slice(0, 10);
  const server = await withServer(t, tickScript(ticks), { heartbeatIntervalMs: 40 });
  const r = run(server.url, { stallTimeoutMs: 150 });
  await waitFor('heartbeats', () => r.heartbeats.length >= 15);
  await r.stream.stop();
  await r.done;
  t.equal(tickMismatch(r, ticks), '', 'every tick equals the file');
  t.equal(r.stream.stats().stalls, 0, 'no stall in ~600 ms of heartbeats with a 150 ms stall timeout');
  t.ok(Math.abs(r.heartbeats[0] - Date.now()) < 5000, 'heartbeat time parsed');
  t.equal(server.requests.length, 1);
});

t.test('v20 edge cases: empty book side, status fallback, unknown type, bad price, CRLF, oversized line', async (t) => {
  const T = '"time":"2014-05-01T00:00:00.292000000Z"';
  const lines = [
    `{"type":"PRICE",${T},"bids":[],"asks":[{"price":"1.38686","liquidity":1}],"closeoutBid":"1.38600",` +
      `"closeoutAsk":"1.38700","tradeable":true,"instrument":"EUR_USD"}`,
    `{"type":"PRICE",${T},"bids":[{"price":"1.38676","liquidity":1}],"asks":[{"price":"1.38686","liquidity":1}],` +
      `"status":"non-tradeable","instrument":"EUR_USD"}`,
    `{"type":"PRICE",${T},"bids":[{"price":"101.234"}],"asks":[{"price":"101.245"}],"status":"tradeable","instrument":"USD_JPY"}\r`,
    `{"type":"ORDER_FILL",${T}}`,
    `{"type":"PRICE",${T},"bids":[{"price":"1e5"}],"asks":[{"price":"1.38686"}],"instrument":"EUR_USD"}`,
    `{"type":"HEARTBEAT","time":"not a time"}`,
    `"${'x'.repeat(3000)}"`,
    `{"type":"HEARTBEAT",${T}}`,
  ];
  const script: Script = { lineCount: lines.length, lineAt: (i) => lines[i], heartbeats: 1, malformed: 4 };
  const server = await withServer(t, script, { chunkSize: () => 97 });
  const r = run(server.url, { maxLineBytes: 1000 });
  await waitFor('heartbeat', () => r.heartbeats.length === 1);
  await r.stream.stop();
  await r.done;
  t.same(r.instruments, ['EUR_USD', 'EUR_USD', 'USD_JPY']);
  t.same(r.bids, [1.386, 1.38676, 101.234]);
  t.same(r.asks, [1.38686, 1.38686, 101.245]);
  t.same(r.tradeable, [false, false, true], 'an empty side or non-tradeable status is never tradeable');
  t.same(r.times, [1398902400292, 1398902400292, 1398902400292]);
  t.same(r.heartbeats, [1398902400292]);
  t.same(r.malformed.map((m) => m.line), [lines[3], lines[4], lines[5], '']);
  t.ok(r.malformed.every((m) => m.error.code === 'PS_OANDA_PROTOCOL'));
  t.match(r.malformed[3].error.message, /too long/);
  t.same(r.stream.stats(), { lines: 8, ticks: 3, heartbeats: 1, malformed: 4, reconnects: 0, stalls: 0 });
});

t.test('a server that never sends headers times out and is retried', async (t) => {
  const ticks = allTicks.slice(0, 50);
  const server = await withServer(t, tickScript(ticks), { plans: [{ hangBeforeHeaders: true }] });
  const r = run(server.url, { headersTimeoutMs: 200 });
  await waitFor('ticks', () => r.times.length >= ticks.length);
  await r.stream.stop();
  await r.done;
  t.equal(tickMismatch(r, ticks), '', 'every tick equals the file');
  t.same(r.errors.map((e) => e.code), ['PS_TIMEOUT']);
  const wait = server.requests[1].at - server.requests[0].at;
  t.ok(wait >= 190, `timed out after ${wait.toFixed(0)} ms`);
});

t.test('401 is fatal: start() rejects once, no reconnect loop', async (t) => {
  const server = await withServer(t, tickScript(allTicks.slice(0, 10)));
  const r = run(server.url, { token: 'wrong' });
  const err = await r.done.then(() => null, (e: PipstreamError) => e);
  t.ok(err, 'start() rejected');
  t.equal(err?.code, 'PS_OANDA_HTTP');
  t.equal(err?.details.status, 401);
  t.equal(err?.details.errorMessage, 'Insufficient authorization to perform request.');
  t.equal(r.stream.state, 'failed');
  await new Promise((resolve) => setTimeout(resolve, 150));
  t.equal(server.requests.length, 1, 'a single request');
  t.equal(r.errors.length, 1);
  await r.stream.stop();
  t.equal(r.stream.state, 'failed');
});

t.test('503 and 429 are retried; Retry-After is honoured', async (t) => {
  const ticks = allTicks.slice(0, 500);
  const server = await withServer(t, tickScript(ticks), {
    plans: [{ status: 503, body: 'Service unavailable' }, { status: 429, body: 'Too many requests', retryAfter: '1' }],
  });
  const r = run(server.url);
  await waitFor('ticks', () => r.times.length >= ticks.length);
  await r.stream.stop();
  await r.done;
  t.equal(tickMismatch(r, ticks), '', 'every tick equals the file');
  t.same(r.errors.map((e) => [e.code, e.details.status, e.details.errorMessage]),
    [['PS_OANDA_HTTP', 503, 'Service unavailable'], ['PS_OANDA_HTTP', 429, 'Too many requests']]);
  t.same(server.requests.map((q) => q.status), [503, 429, 200]);
  const wait = server.requests[2].at - server.requests[1].at;
  t.ok(wait >= 990, `waited ${wait.toFixed(0)} ms after Retry-After: 1`);
  t.equal(r.stream.stats().reconnects, 2);
});

t.test('stop() during backoff resolves at once; during streaming it closes the request', async (t) => {
  const server = await withServer(t, tickScript(allTicks.slice(0, 100)), { plans: [{ status: 503 }] });
  const r = run(server.url, { backoffBaseMs: 60_000, backoffMaxMs: 60_000, random: () => 1 });
  await waitFor('backoff', () => r.stream.state === 'backoff');
  const t0 = performance.now();
  await r.stream.stop();
  await r.done;
  t.ok(performance.now() - t0 < 5000, 'stopped promptly (the backoff was 60 s)');
  t.equal(r.stream.state, 'stopped');

  const s2 = await withServer(t, tickScript(allTicks.slice(0, 100)), { plans: [{ stallAfterLines: 50 }] });
  const r2 = run(s2.url);
  await waitFor('ticks', () => r2.times.length === 50);
  t.equal(r2.stream.state, 'streaming');
  await r2.stream.stop();
  await r2.done;
  t.equal(r2.stream.state, 'stopped');
  t.equal(r2.errors.length, 0, 'a requested stop is not an error');
  await waitFor('server sees the close', () => s2.open === 0, 2000);
  t.equal(s2.open, 0);
});

t.test('a throwing callback ends the stream and surfaces from start()', async (t) => {
  const server = await withServer(t, tickScript(allTicks.slice(0, 100)));
  const r = run(server.url, { onTick: () => { throw new Error('consumer bug'); } });
  const err = await r.done.then(() => null, (e: Error) => e);
  t.equal(err?.message, 'consumer bug');
  t.equal(r.stream.state, 'failed');
});

t.test('invalid options are rejected up front', async (t) => {
  const base = { streamUrl: 'http://127.0.0.1:1', accountId: ACCOUNT, token: TOKEN, instruments: INSTRUMENTS, onTick: () => {} };
  t.throws(() => createOandaPriceStream({ ...base, token: '' }), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => createOandaPriceStream({ ...base, instruments: [] }), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => createOandaPriceStream({ ...base, streamUrl: 'not a url' }), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => createOandaPriceStream({ ...base, stallTimeoutMs: 0 }), { code: 'PS_BAD_ARGUMENT' });
});

t.test('connection refused is reported and retried with backoff', async (t) => {
  const r = run('http://127.0.0.1:1', { backoffBaseMs: 5, backoffMaxMs: 10, connectTimeoutMs: 500 });
  await waitFor('retries', () => r.errors.length >= 3);
  await r.stream.stop();
  await r.done;
  t.ok(r.errors.every((e) => e.code === 'PS_OANDA_DISCONNECTED' || e.code === 'PS_TIMEOUT'));
  t.ok(r.stream.stats().reconnects >= 2);
});

t.test('property: any chunking of any lines reassembles the same lines', async (t) => {
  const server = await withServer(t, { lineCount: 0, lineAt: () => '', heartbeats: 0, malformed: 0 });
  // Garbage lines come back verbatim through onMalformed, so they expose the splitter through the public API.
  const line = fc.string({ unit: 'binary', minLength: 1, maxLength: 300 })
    .filter((s) => !s.includes('\n') && !s.endsWith('\r'));
  await fc.assert(fc.asyncProperty(
    fc.array(line, { minLength: 1, maxLength: 60 }),
    fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 20 }),
    async (lines, sizes) => {
      let k = 0;
      server.reset({ lineCount: lines.length, lineAt: (i) => lines[i], heartbeats: 0, malformed: lines.length }, [],
        () => sizes[k++ % sizes.length]);
      const r = run(server.url);
      try {
        await waitFor('lines', () => r.malformed.length >= lines.length, 5000);
      } finally {
        await r.stream.stop();
        await r.done;
      }
      return r.malformed.length === lines.length && r.malformed.every((m, i) => m.line === lines[i]);
    }), { numRuns: 60 });
  t.pass('reassembly holds');
});

t.test('setInstruments: a running stream resubscribes at once with the new list, without an error or backoff', async (t) => {
  const ticks = allTicks.slice(0, 2000);
  const server = await withServer(t, tickScript(ticks, {}), { heartbeatIntervalMs: 20 });
  const r = run(server.url, { instruments: ['EUR_USD'], backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
  t.teardown(() => r.stream.stop());
  await waitFor('the script', () => r.times.length >= ticks.length && r.heartbeats.length > 0);
  t.equal(server.requests[0]!.url, `/v3/accounts/${ACCOUNT}/pricing/stream?instruments=EUR_USD`);

  r.stream.setInstruments(['EUR_USD', 'USD_JPY']);
  await waitFor('the resubscription', () => server.requests.length === 2 && r.stream.state === 'streaming');
  t.equal(server.requests[1]!.url, `/v3/accounts/${ACCOUNT}/pricing/stream?instruments=EUR_USD,USD_JPY`, 'the new list');
  t.equal(server.requests[1]!.status, 200);
  const beats = r.heartbeats.length;
  await waitFor('heartbeats on the new connection', () => r.heartbeats.length > beats);
  t.same(r.errors, [], 'no error reported, no backoff (it is 60 s here)');
  t.equal(r.stream.stats().reconnects, 1);

  r.stream.setInstruments(['EUR_USD', 'USD_JPY']);
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.equal(server.requests.length, 2, 'the same list again changes nothing');
  t.throws(() => r.stream.setInstruments([]), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => r.stream.setInstruments(['eurusd']), { code: 'PS_BAD_ARGUMENT' });
  t.equal(server.requests.length, 2, 'a bad list changes nothing');
});
