import type { Bus } from '../bus/mod.ts';
import { EventType, encodeTickEvent, makeEnvelope, nowUs } from '../events/mod.ts';
import { Subjects, tickMsgId } from '../switchboard/mod.ts';
import type { TickBatch } from '../ticks/mod.ts';
import type { Supervisor } from '../supervisor/mod.ts';

export interface FeedCounts {
  ticks: number;
  rejected: number;
}

/**
 * Backtest path: ticks go straight into the actor's ring (validated on the way),
 * waiting for ring space instead of dropping. Sequence numbers continue from `firstSeq`.
 */
export async function feedDirect(sup: Supervisor, instrument: string, batches: AsyncIterable<TickBatch>, firstSeq = 0): Promise<FeedCounts> {
  let seq = firstSeq;
  let rejected = 0;
  for await (const b of batches) {
    for (let i = 0; i < b.length; i++) {
      const r = sup.push(instrument, b.time[i], b.bid[i], b.ask[i], seq);
      if (r === 'full') {
        sup.wake(instrument);
        await sup.room(instrument);
        i--;
        continue;
      }
      if (r === 'rejected') rejected++;
      seq++;
    }
    sup.wake(instrument);
  }
  return { ticks: seq - firstSeq, rejected };
}

/**
 * Live path: every tick is published to JetStream PRICES as a TickEvent with the
 * dedupe id `<source>:<instrument>:<seq>`; publishing is pipelined and waits
 * for acks whenever the backlog passes the bus's high-water mark.
 */
export async function publishTicks(bus: Bus, instrument: string, source: string, batches: AsyncIterable<TickBatch>, firstSeq = 0): Promise<number> {
  const subject = Subjects.price(instrument);
  let seq = firstSeq;
  for await (const b of batches) {
    for (let i = 0; i < b.length; i++, seq++) {
      const msgId = tickMsgId(source, instrument, seq);
      const data = encodeTickEvent({
        envelope: makeEnvelope(EventType.EVENT_TYPE_TICK, { sourceTsUs: Math.round(b.time[i] * 1000), ingestTsUs: nowUs() }),
        tick: { instrument, timeMs: b.time[i], seq, bid: b.bid[i], ask: b.ask[i], source },
      });
      if (!bus.publishAsync(subject, data, msgId)) await bus.flush();
    }
  }
  await bus.flush();
  return seq - firstSeq;
}
