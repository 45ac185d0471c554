/** The Redis order record's text form (actors/execution/order-record.ts): what a takeover reads back is what was written. */
import fc from 'fast-check';
import t from 'tap';
import { BROKER_REASON } from '../actors/execution/broker.ts';
import { decodeRecord, encodeRecord, type OrderRecord, type OrderSignal, ownerOf } from '../actors/execution/order-record.ts';
import { RISK_REASON_CODES } from '../engine/risk/mod.ts';

const num = fc.oneof(fc.constant(null), fc.double({ noDefaultInfinity: true, noNaN: true }), fc.integer());
const signal: fc.Arbitrary<OrderSignal> = fc.record({
  id: fc.uuid(), account: fc.string({ unit: 'binary' }), instrument: fc.constantFrom('EUR_USD', 'USD_JPY'), side: fc.constantFrom('buy', 'sell'),
  units: fc.integer({ min: 1 }), timeMs: fc.integer({ min: 0 }), bid: fc.double(), ask: fc.double(), stopLossPips: num, takeProfitPips: num,
  workflowId: fc.string(), workflowVersion: fc.nat(),
}) as fc.Arbitrary<OrderSignal>;

/** A record of `s`: its outcome, when there is one, is the signal's order. */
const recordOf = (s: OrderSignal): fc.Arbitrary<OrderRecord> => fc.uuid().chain((orderId) => fc.record({
  orderId: fc.constant(orderId),
  state: fc.constantFrom('SUBMITTED', 'FILLED', 'REJECTED', 'RISK_REJECTED'),
  atMs: fc.integer({ min: 0 }),
  risk: fc.record({
    approved: fc.boolean(), reason: fc.constantFrom(null, ...RISK_REASON_CODES), limit: num, value: num,
    // What it holds: JSON.stringify of the limits ('' without), whose names may be any text.
    limitsJson: fc.oneof(fc.constant(''), fc.jsonValue({ stringUnit: 'binary' }).map((v) => JSON.stringify(v)), fc.constant('{"account":"Zürich\\n|1"}')),
  }),
  outcome: fc.option(fc.record({
    id: fc.oneof(fc.constant(orderId), fc.stringMatching(/^[0-9]{1,12}$/)), signalId: fc.constant(s.id), account: fc.constant(s.account),
    instrument: fc.constant(s.instrument), side: fc.constant(s.side), units: fc.integer(), status: fc.constantFrom('filled', 'rejected'), price: num,
    reason: fc.constantFrom(null, ...Object.values(BROKER_REASON)), timeMs: fc.integer(), stopLossPrice: num, takeProfitPrice: num,
    slippagePips: fc.double({ noDefaultInfinity: true, noNaN: true }), transactionId: fc.option(fc.stringMatching(/^[1-9][0-9]{0,11}$/)),
  })),
  journaled: fc.boolean(),
}) as fc.Arbitrary<OrderRecord>);

const stamp = fc.tuple(fc.uuid(), fc.nat()).map(([owner, n]) => `${owner}.${n.toString(36)}`);

t.test('a record reads back as it was written, whatever its fields hold', async (t) => {
  fc.assert(fc.property(signal.chain((s) => fc.tuple(fc.constant(s), recordOf(s), stamp)), ([s, rec, st]) => {
    const raw = encodeRecord(st, rec);
    const back = decodeRecord(raw, 'k', s);
    // All ASCII, no newline: records go to Redis a line each. (-0 is written as 0, as JSON would.)
    return /^[\x20-\x7f]*$/.test(raw) && back.stamp === st && JSON.stringify(back.rec) === JSON.stringify(rec);
  }));
});

t.test('the stamp names the owner; a filled paper order is ~150 bytes', async (t) => {
  const s = fc.sample(signal, 1)[0]!;
  const owner = '01a1ff5a-68b4-737e-bc3e-5726642deec1';
  t.equal(ownerOf(`${owner}.fvi`), owner);
  const orderId = '0145dbf7-4b6f-7ade-b47d-89f4f32f1b32';
  const rec: OrderRecord = {
    orderId, state: 'FILLED', atMs: 1795285482111, journaled: true,
    risk: { approved: true, reason: null, limit: null, value: null, limitsJson: '' },
    outcome: { id: orderId, signalId: s.id, account: s.account, instrument: s.instrument, side: s.side, units: 1000, status: 'filled', price: 1.38873,
      reason: null, timeMs: 1399554788207, stopLossPrice: null, takeProfitPrice: null, slippagePips: 0, transactionId: '1742' },
  };
  const raw = encodeRecord(`${owner}.fvi`, rec);
  t.equal(raw, `${owner}.fvi|5|${orderId}|FILLED|1795285482111|1|1||||filled||1000|1.38873||1399554788207|||0|1742|`);
  t.ok(raw.length < 160, `${raw.length} bytes`);
  const v4 = `${owner}.fvi|4|${orderId}|FILLED|1795285482111|1|1||||filled||1000|1.38873||1399554788207|||0|`;
  t.same(decodeRecord(v4, 'k', s).rec, { ...rec, outcome: { ...rec.outcome!, transactionId: null } }, 'a version 4 record (no transaction id) is read');
});

t.test('a version 3 record (JSON, written by earlier builds) is read; anything else is refused with a code', async (t) => {
  const s: OrderSignal = {
    id: '0145dbf7-4b6f-7930-8394-e7ad3d6fe2f9', account: 'acct-bench', instrument: 'EUR_USD', side: 'buy', units: 1000, timeMs: 1399554788207,
    bid: 1.3887, ask: 1.38873, stopLossPips: null, takeProfitPips: null, workflowId: 'wf', workflowVersion: 1,
  };
  const v3 = '01a1ff5a-68b4-737e-bc3e-5726642deec1.fvi|{"v":3,"orderId":"0145dbf7-4b6f-7ade-b47d-89f4f32f1b32","state":"FILLED",' +
    '"owner":"01a1ff5a-68b4-737e-bc3e-5726642deec1","atMs":1795285482111,"risk":{"approved":true,"reason":null,"limit":null,"value":null,' +
    '"limitsJson":"{\\"max_open_trades\\":5}"},"outcome":{"id":"0145dbf7-4b6f-7ade-b47d-89f4f32f1b32","signalId":"0145dbf7-4b6f-7930-8394-e7ad3d6fe2f9",' +
    '"account":"acct-bench","instrument":"EUR_USD","side":"buy","units":1000,"status":"filled","price":1.38873,"reason":null,' +
    '"timeMs":1399554788207,"stopLossPrice":null,"takeProfitPrice":null,"slippagePips":0},"journaled":true}';
  const { stamp: st, rec } = decodeRecord(v3, 'k', s);
  t.equal(st, '01a1ff5a-68b4-737e-bc3e-5726642deec1.fvi');
  t.same(rec, {
    orderId: '0145dbf7-4b6f-7ade-b47d-89f4f32f1b32', state: 'FILLED', atMs: 1795285482111,
    risk: { approved: true, reason: null, limit: null, value: null, limitsJson: '{"max_open_trades":5}' },
    outcome: { id: '0145dbf7-4b6f-7ade-b47d-89f4f32f1b32', signalId: s.id, account: 'acct-bench', instrument: 'EUR_USD', side: 'buy', units: 1000,
      status: 'filled', price: 1.38873, reason: null, timeMs: 1399554788207, stopLossPrice: null, takeProfitPrice: null, slippagePips: 0, transactionId: null },
    journaled: true,
  });
  t.same(decodeRecord(encodeRecord(st, rec), 'k', s).rec, rec, 'and written again as version 5');
  const unreadable = ['', 'x', 's|{"v":2,"orderId":"o","state":"FILLED"}', 's|6|o|FILLED|1|1|1|||||||||||||||', 's|4|o|DONE|1|1|1||||||||||||||',
    's|4|o|FILLED|1', 's|5|o|FILLED|1|1|1||||||||||||'];
  for (const bad of unreadable) {
    t.throws(() => decodeRecord(bad, 'pipstream:order:x', s), { code: 'PS_ORDER_CLAIM_LOST' }, JSON.stringify(bad));
  }
});
