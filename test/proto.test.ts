import t from 'tap';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeBarEvent, decodeEnvelope, decodeInstrumentRegisteredEvent, decodeRejectedTickEvent, decodeSignalEvent,
  decodeTickEvent, decodeWorkflowChangedEvent, derivedEventId, deterministicEventId, encodeBarEvent, encodeInstrumentRegisteredEvent,
  encodeRejectedTickEvent, encodeSignalEvent, encodeTickEvent, encodeWorkflowChangedEvent, EventType, makeEnvelope,
  newEventId, nowUs, SCHEMA_VERSION, Side, SignalMode,
} from '../engine/events/mod.ts';

const root = join(import.meta.dirname, '..');
const buf = join(root, 'node_modules', '.bin', 'buf');
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });

t.test('buf lint (STANDARD + the documented SignalMode exception) passes', async (t) => {
  const r = run(buf, ['lint', 'proto']);
  t.equal(r.status, 0, `buf lint output:\n${r.stdout}${r.stderr}`);
});

t.test('buf breaking against the last commit', async (t) => {
  const head = run('git', ['rev-parse', '--verify', 'HEAD']);
  const protoInHead = head.status === 0 && run('git', ['cat-file', '-e', 'HEAD:proto/buf.yaml']).status === 0;
  if (!protoInHead) {
    t.plan(0, 'skipped: buf breaking needs a commit that contains proto/ (none yet, nothing to compare against)');
    return;
  }
  // ref=HEAD: works in a fresh, shallow or detached checkout, unlike the default-branch lookup.
  const r = run(buf, ['breaking', 'proto', '--against', '.git#ref=HEAD,subdir=proto']);
  t.equal(r.status, 0, `buf breaking output:\n${r.stdout}${r.stderr}`);
});

t.test('committed proto/gen is what proto/generate.mjs produces', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'pipstream-gen-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = run(process.execPath, [join(root, 'proto', 'generate.mjs'), dir]);
  t.equal(r.status, 0, r.stderr);
  const committed = join(root, 'proto', 'gen');
  t.same(readdirSync(dir).sort(), readdirSync(committed).sort(), 'same files');
  for (const f of readdirSync(dir)) {
    t.ok(readFileSync(join(dir, f)).equals(readFileSync(join(committed, f))), `${f} is up to date (run \`npm run proto\`)`);
  }
});

const env = (type: EventType) => makeEnvelope(type, {
  eventId: deterministicEventId(1_732_170_000_123.25, 'x', type),
  correlationId: '01934d60-a6fb-7207-98f9-da7e13479e14',
  causationId: '01934d60-a6fb-7207-98f9-da7e13479e15',
  sourceTsUs: 1_732_170_000_123_250,
  ingestTsUs: 1_732_170_000_124_001,
});

t.test('every bus message round-trips with all fields, int64 as plain numbers', async (t) => {
  const tick = { instrument: 'EUR_USD', timeMs: 1_732_170_000_123.25, seq: 2 ** 52 + 1, bid: 1.05412, ask: 1.05419, source: 'oanda' };
  const cases: Array<[string, EventType, Record<string, unknown>, (m: never) => Uint8Array, (d: Uint8Array) => unknown]> = [
    ['tick', EventType.EVENT_TYPE_TICK, { tick }, encodeTickEvent, decodeTickEvent],
    ['bar', EventType.EVENT_TYPE_BAR, {
      bar: { instrument: 'USD_JPY', timeframeMs: 60_000, startMs: 1_732_169_940_000, open: 151.2, high: 151.31, low: 151.18,
        close: 151.3, tickCount: 42 },
    }, encodeBarEvent, decodeBarEvent],
    ['signal', EventType.EVENT_TYPE_SIGNAL, {
      signal: {
        id: deterministicEventId(tick.timeMs, 'acct', 'wf', 3, 'n7'), account: 'acct-1', workflowId: 'wf-1', workflowVersion: 3,
        nodeId: 'n7', triggerNodeId: 'n1', instrument: 'EUR_USD', mode: SignalMode.SIGNAL_PENDING_CONFIRMATION,
        timeMs: tick.timeMs, price: 1.05419, bid: 1.05412, ask: 1.05419, side: Side.SIDE_SELL, units: 10_000,
        stopLossPips: 12.5, takeProfitPips: 30, tickSeq: 77,
      },
    }, encodeSignalEvent, decodeSignalEvent],
    ['rejected tick', EventType.EVENT_TYPE_REJECTED_TICK, {
      rejectedTick: { instrument: 'EUR_USD', timeMs: 5.5, bid: -1, ask: 1.1, reason: 'PS_BAD_TICK', source: 'replay', seq: 9 },
    }, encodeRejectedTickEvent, decodeRejectedTickEvent],
    ['instrument registered', EventType.EVENT_TYPE_INSTRUMENT_REGISTERED, {
      instrumentRegistered: { instrument: 'USD_JPY', pipLocation: -2, displayPrecision: 3, nodeId: 'node-a' },
    }, encodeInstrumentRegisteredEvent, decodeInstrumentRegisteredEvent],
    ['workflow changed', EventType.EVENT_TYPE_WORKFLOW_CHANGED, {
      workflowChanged: { account: 'acct-1', workflowId: 'wf-1', version: 4, documentJson: '{"nodes":[],"ü":"✓"}', active: true },
    }, encodeWorkflowChangedEvent, decodeWorkflowChangedEvent],
  ];
  for (const [name, type, payload, encode, decode] of cases) {
    const msg = { envelope: env(type), ...payload };
    const bytes = encode(msg as never);
    const back = decode(bytes) as Record<string, unknown>;
    // structuredClone: own fields only (the generated toJSON would turn enums into names).
    t.same(structuredClone(back), msg, `${name} round-trips`);
    const e = decodeEnvelope(bytes);
    t.equal(e.type, type, `${name}: envelope type readable without knowing the payload`);
    t.equal(typeof e.sourceTsUs, 'number', `${name}: int64 decodes as number`);
    t.equal(e.sourceTsUs, 1_732_170_000_123_250);
    t.equal(e.schemaVersion, SCHEMA_VERSION);
  }
  t.equal((decodeTickEvent(encodeTickEvent({ envelope: env(EventType.EVENT_TYPE_TICK), tick })).tick!.seq), 2 ** 52 + 1,
    'uint64 seq keeps 53-bit precision');
});

t.test('default (zero) values decode as zeros, not Long objects or undefined', async (t) => {
  const d = decodeTickEvent(encodeTickEvent({ envelope: {}, tick: {} }));
  t.equal(d.tick!.seq, 0);
  t.equal(d.envelope!.ingestTsUs, 0);
  t.equal(d.tick!.bid, 0);
  t.equal(d.tick!.instrument, '');
});

t.test('signal modes keep the DESIGN names', async (t) => {
  t.equal(SignalMode.SIGNAL_MODE_UNSPECIFIED, 0);
  t.equal(SignalMode.SIGNAL_ALERT, 1);
  t.equal(SignalMode.SIGNAL_PENDING_CONFIRMATION, 2);
  t.equal(SignalMode.SIGNAL_AUTO_EXECUTE, 3);
});

t.test('event ids', async (t) => {
  const a = newEventId();
  const b = newEventId();
  t.match(a, UUID_V7);
  t.not(a, b);
  const timeMs = 1_732_170_000_123.75;
  const d1 = deterministicEventId(timeMs, 'acct', 'wf', 3, 'node');
  t.match(d1, UUID_V7, 'deterministic id has the UUIDv7 layout');
  t.equal(deterministicEventId(timeMs, 'acct', 'wf', 3, 'node'), d1, 'same inputs, same id (replay)');
  t.not(deterministicEventId(timeMs, 'acct', 'wf', 3, 'node2'), d1, 'other parts, other id');
  t.not(deterministicEventId(timeMs + 0.25, 'acct', 'wf', 3, 'node'), d1, 'sub-ms time is part of the identity');
  t.not(deterministicEventId(timeMs, 'acct', 'wf3', 'node'), deterministicEventId(timeMs, 'acct', 'wf', '3node'),
    'part boundaries matter');
  t.equal(parseInt(d1.replace(/-/g, '').slice(0, 12), 16), Math.floor(timeMs), 'the 48-bit timestamp is the tick time');
  t.ok(deterministicEventId(1000, 'a') < deterministicEventId(2000, 'a'), 'ids sort by time');
  t.throws(() => deterministicEventId(Number.NaN, 'a'), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => deterministicEventId(-1, 'a'), { code: 'PS_BAD_ARGUMENT' });
});

t.test('derived event ids: deterministic, UUIDv7, as unique as their bases', async (t) => {
  const bases = Array.from({ length: 5000 }, (_, i) => deterministicEventId(1_400_000_000_000 + (i % 7), 'order', `sig-${i}`));
  const salts = ['order-update:SUBMITTED', 'order-update:FILLED', 'risk-decision', 'position'];
  const seen = new Set<string>();
  let unstable = 0;
  for (const b of bases) {
    for (const salt of salts) {
      const id = derivedEventId(b, 1_400_000_000_500.5, salt);
      if (derivedEventId(b, 1_400_000_000_500.5, salt) !== id) unstable++;
      seen.add(id);
    }
  }
  t.equal(unstable, 0, 'the same base, time and salt: the same id (replay)');
  t.equal(seen.size, bases.length * salts.length, 'no two (base, salt) pairs share an id');
  t.ok([...seen].every((id) => UUID_V7.test(id)), 'each one a UUIDv7');
  const one = derivedEventId(bases[0]!, 1_732_170_000_123.75, 'x');
  t.equal(parseInt(one.replace(/-/g, '').slice(0, 12), 16), 1_732_170_000_123, 'the 48-bit timestamp is the event time');
  t.not(one, bases[0], 'never the base itself');
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.string(), (ms, salt) => {
    const id = derivedEventId(bases[1]!, ms, salt);
    return UUID_V7.test(id) && parseInt(id.replace(/-/g, '').slice(0, 12), 16) === ms;
  }));
  t.equal(derivedEventId('not-a-uuid', 1000, 's'), deterministicEventId(1000, 's', 'not-a-uuid'), 'a base of another shape: hashed instead');
});

t.test('nowUs is integer wall-clock microseconds', async (t) => {
  const before = Date.now() * 1000;
  const us = nowUs();
  t.ok(Number.isSafeInteger(us));
  t.ok(Math.abs(us - before) < 1_000_000, `${us} close to ${before}`);
  const env2 = makeEnvelope(EventType.EVENT_TYPE_TICK);
  t.match(env2.eventId!, UUID_V7);
  t.equal(env2.correlationId, env2.eventId, 'a new chain correlates to itself');
});
