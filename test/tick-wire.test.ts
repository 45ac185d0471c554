/**
 * The live path's tick wire format: TickEncoder (ingest) writes exactly what protobufjs writes for the
 * same TickEvent, and TickReader (consumer) reads what protobufjs decodes, for any valid encoding.
 */
import fc from 'fast-check';
import t from 'tap';
import { decodeTickEvent, encodeTickEvent, EventType, makeEnvelope } from '../engine/events/mod.ts';
import { TickEncoder, TickReader } from '../engine/node/feed.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const anyDouble = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1.3851, Number.NaN));
const tickTime = fc.oneof(fc.double({ min: 0, max: 4e12, noNaN: true }), fc.constantFrom(0, 1_399_041_020_886.5), fc.double());
const seqs = fc.oneof(fc.nat(), fc.constantFrom(0, 2 ** 53 - 1), fc.integer({ min: -5, max: -1 }));

t.test('TickEncoder: the bytes protobufjs writes, a valid deterministic UUIDv7 event id', async (t) => {
  const enc = new TickEncoder('EUR_USD', 'replay-test');
  fc.assert(fc.property(tickTime, anyDouble, anyDouble, seqs, (timeMs, bid, ask, seq) => {
    const bytes = enc.encode(timeMs, bid, ask, seq);
    const ev = decodeTickEvent(bytes);
    const env = ev.envelope!;
    if (!UUID_V7.test(env.eventId ?? '') || env.correlationId !== env.eventId) return false;
    if (timeMs >= 0 && timeMs < 2 ** 48 && parseInt(env.eventId!.replace(/-/g, '').slice(0, 12), 16) !== Math.floor(timeMs)) return false;
    if (env.type !== EventType.EVENT_TYPE_TICK || env.schemaVersion !== 1) return false;
    const tk = ev.tick!;
    if (!Object.is(tk.timeMs, timeMs) || !Object.is(tk.bid, bid) || !Object.is(tk.ask, ask)) return false;
    if (tk.instrument !== 'EUR_USD' || tk.source !== 'replay-test') return false;
    const same = encodeTickEvent({
      envelope: { schemaVersion: 1, type: EventType.EVENT_TYPE_TICK, eventId: env.eventId, correlationId: env.eventId, causationId: '',
        sourceTsUs: Math.round(timeMs * 1000), ingestTsUs: env.ingestTsUs },
      tick: { instrument: 'EUR_USD', timeMs, seq, bid, ask, source: 'replay-test' },
    });
    return Buffer.compare(Buffer.from(same), Buffer.from(bytes)) === 0;
  }), { numRuns: 3000 });
  const a = enc.encode(1_399_041_020_886.5, 1.3851, 1.3853, 77);
  const b = new TickEncoder('EUR_USD', 'replay-test').encode(1_399_041_020_886.5, 1.3851, 1.3853, 77);
  t.equal(decodeTickEvent(a).envelope!.eventId, decodeTickEvent(b).envelope!.eventId, 'same tick, same id (replays are deterministic)');
  const ids = new Set(Array.from({ length: 1000 }, (_, i) => decodeTickEvent(enc.encode(1_399_041_020_886, 1.1, 1.2, i)).envelope!.eventId));
  t.equal(ids.size, 1000, 'distinct sequence numbers, distinct ids (same millisecond)');
  const other = decodeTickEvent(new TickEncoder('EUR_USD', 'replay-other').encode(1_399_041_020_886, 1.1, 1.2, 0)).envelope!.eventId;
  t.not(other, decodeTickEvent(enc.encode(1_399_041_020_886, 1.1, 1.2, 0)).envelope!.eventId, 'another source, another id');
});

t.test('TickReader reads what protobufjs decodes, in any field order, skipping unknown fields', async (t) => {
  const reader = new TickReader();
  const tickArb = fc.record({
    instrument: fc.string(), timeMs: anyDouble, seq: fc.nat(), bid: anyDouble, ask: anyDouble, source: fc.string(),
  }, { requiredKeys: [] });
  fc.assert(fc.property(fc.option(tickArb, { nil: undefined }), fc.boolean(), (tick, withEnvelope) => {
    const msg = { ...(withEnvelope ? { envelope: makeEnvelope(EventType.EVENT_TYPE_TICK) } : {}), ...(tick ? { tick } : {}) };
    const bytes = encodeTickEvent(msg);
    const want = decodeTickEvent(bytes).tick;
    const got = reader.read(bytes);
    if (!want) return got === false;
    return got && Object.is(reader.tick.timeMs, want.timeMs ?? 0) && Object.is(reader.tick.bid, want.bid ?? 0) &&
      Object.is(reader.tick.ask, want.ask ?? 0) && reader.tick.seq === Number(want.seq ?? 0);
  }), { numRuns: 2000 });

  // Tick before envelope, an unknown varint / fixed32 / fixed64 / bytes field in both messages.
  const tickBytes = encodeTickEvent({ tick: { timeMs: 5, seq: 9, bid: 1.5, ask: 1.6, source: 's' } }).subarray(2);
  const unknown = [0x78, 0x96, 0x01, 0x85, 0x01, 1, 2, 3, 4, 0x89, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0x92, 0x01, 2, 0xaa, 0xbb];
  const inner = [...unknown, ...tickBytes];
  const env = encodeTickEvent({ envelope: makeEnvelope(EventType.EVENT_TYPE_TICK) });
  const reordered = new Uint8Array([0x12, inner.length, ...inner, ...unknown, ...env]);
  t.same(decodeTickEvent(reordered).tick?.seq, 9, 'protobufjs agrees the message is valid');
  t.ok(reader.read(reordered));
  t.same({ ...reader.tick }, { timeMs: 5, seq: 9, bid: 1.5, ask: 1.6 });

  t.throws(() => reader.read(reordered.subarray(0, 10)), RangeError, 'truncated message throws');
  t.throws(() => reader.read(new Uint8Array([0x12, 0x05, 0x11, 1, 2])), RangeError, 'overrunning field throws');
});

t.test('TickReader with a source keeps only that source’s ticks', async (t) => {
  const reader = new TickReader('replay-a');
  const enc = (source: string) => new TickEncoder('EUR_USD', source).encode(1_399_041_020_886, 1.1, 1.2, 3);
  t.ok(reader.read(enc('replay-a')));
  t.equal(reader.tick.seq, 3);
  t.notOk(reader.read(enc('replay-b')), 'another source');
  t.notOk(reader.read(enc('replay-ab')), 'a longer source with the same prefix');
  t.notOk(reader.read(encodeTickEvent({ tick: { timeMs: 1, bid: 1, ask: 1 } })), 'no source');
});
