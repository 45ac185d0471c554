/** The bus's batch wire form (engine/bus/batch.ts): what goes in comes out, and no input makes the reader throw. */
import fc from 'fast-check';
import t from 'tap';
import { batchMsgId, batchParts, encodeBatch } from '../engine/bus/batch.ts';

const messages = fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 2, maxLength: 40 });

t.test('a batch reads back as its messages, in order', async (t) => {
  fc.assert(fc.property(messages, (ms) => {
    const parts = batchParts(encodeBatch(ms.map((data) => ({ data }))));
    return parts !== null && parts.length === ms.length && parts.every((p, i) => Buffer.from(p).equals(Buffer.from(ms[i]!)));
  }));
  t.same(batchParts(encodeBatch([{ data: new Uint8Array([1, 1]) }, { data: new Uint8Array(0) }]))?.map((p) => [...p]), [[1, 1], []],
    'an empty message too');
});

t.test('any bytes: a batch, or null (delivered as a single message); never a throw', async (t) => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
    const parts = batchParts(bytes);
    return parts === null || (parts.length >= 2 && bytes[0] === 0xff);
  }));
  // A batch cut short is not a batch.
  fc.assert(fc.property(messages, fc.nat(), (ms, cut) => {
    const b = encodeBatch(ms.map((data) => ({ data })));
    return batchParts(b.subarray(0, cut % b.length)) === null;
  }));
  t.equal(batchParts(new Uint8Array([0x0a, 0x02, 0x08, 0x01])), null, 'a protobuf message is not a batch');
  t.equal(batchParts(new TextEncoder().encode('{"id":1}')), null, 'JSON is not a batch');
  t.equal(batchParts(new Uint8Array([0xff, 0x01, 0x01, 0x00])), null, 'a batch of one is never sent: not a batch');
  t.equal(batchParts(new Uint8Array([0xff, 0x02, 0x02, 0x00, 0x00])), null, 'another version: not read as one');
});

t.test('batch dedupe ids follow the messages\' own ids', async (t) => {
  const a = [{ msgId: 'o1:SUBMITTED' }, { msgId: 'o2:SUBMITTED' }];
  const b = [{ msgId: 'o1:SUBMITTED' }, { msgId: 'o3:SUBMITTED' }];
  t.equal(batchMsgId(a), batchMsgId([...a]), 'the same messages, the same id (a retry is deduplicated)');
  t.not(batchMsgId(a), batchMsgId(b), 'other messages, another id (never deduplicated against each other)');
  t.equal(batchMsgId([{ msgId: 'x' }, { msgId: '' }]), '', 'a message without an id: no dedupe for its batch');
});
