/** The Redis order record's text form (actors/execution/order-record.ts): what a takeover reads back is what was written. */
import fc from 'fast-check';
import t from 'tap';
import { decodeRecord, encodeRecord, type OrderRecord } from '../actors/execution/order-record.ts';

const num = fc.oneof(fc.constant(null), fc.double(), fc.integer());
const text = fc.oneof(fc.constant(null), fc.string(), fc.string({ unit: 'binary' }));
const record: fc.Arbitrary<OrderRecord> = fc.record({
  v: fc.constant(3 as const),
  orderId: fc.uuid(),
  state: fc.constantFrom('SUBMITTED', 'FILLED', 'REJECTED', 'RISK_REJECTED'),
  owner: fc.string(),
  atMs: fc.integer({ min: 0 }),
  risk: fc.record({ approved: fc.boolean(), reason: text, limit: num, value: num, limitsJson: fc.string() }),
  outcome: fc.option(fc.record({
    id: fc.uuid(), signalId: fc.string(), account: fc.string({ unit: 'binary' }), instrument: fc.string(), side: fc.constantFrom('buy', 'sell'),
    units: fc.integer(), status: fc.constantFrom('filled', 'rejected'), price: num, reason: fc.constantFrom(null, 'CROSSED_QUOTE'),
    timeMs: fc.double(), stopLossPrice: num, takeProfitPrice: num, slippagePips: fc.double(),
  })),
  journaled: fc.boolean(),
}) as fc.Arbitrary<OrderRecord>;

t.test('the record reads back as JSON.stringify would have written it', async (t) => {
  fc.assert(fc.property(record, fc.stringMatching(/^[0-9a-z.-]{1,40}$/), (rec, stamp) => {
    const raw = encodeRecord(stamp, rec);
    const back = decodeRecord(raw, 'k');
    return back.stamp === stamp && JSON.stringify(back.rec) === JSON.stringify(rec) && raw === `${stamp}|${JSON.stringify(rec)}`;
  }));
  const rec = fc.sample(record, 1)[0]!;
  t.throws(() => decodeRecord(`s|${JSON.stringify({ ...rec, v: 2 })}`, 'pipstream:order:x'), { code: 'PS_ORDER_CLAIM_LOST' }, 'another version is refused');
});
