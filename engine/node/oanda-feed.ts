import { createOandaPriceStream, type OandaPriceStream } from '../../actors/ingest/mod.ts';
import type { Bus } from '../bus/mod.ts';
import { PipstreamError } from '../errors/mod.ts';
import { Subjects, tickMsgId } from '../switchboard/mod.ts';
import { TickEncoder } from './feed.ts';

export const OANDA_SOURCE = 'oanda';

export interface OandaFeedOptions {
  bus: Bus;
  streamUrl: string;
  accountId: string;
  token: string;
  instruments: readonly string[];
  onError?: (err: PipstreamError) => void;
  /** Extra client options (backoff, stall timeout) for tests. */
  stream?: { stallTimeoutMs?: number; backoffBaseMs?: number; backoffMaxMs?: number };
}

/**
 * Live ingest: every OANDA price becomes a TickEvent on `prices.forex.<instrument>` with a per-instrument
 * sequence number. The source names this stream session (`oanda-<start>`), so dedupe ids of a restarted
 * process never collide with the previous one's inside the dedupe window; a tick's time cannot serve as
 * its id, since real feeds carry several prices within one millisecond. Non-tradeable prices are
 * journaled too: the actor keeps bars and indicators on them.
 */
export function oandaFeed(o: OandaFeedOptions): OandaPriceStream {
  const source = `${OANDA_SOURCE}-${Date.now().toString(36)}`;
  const seqs = new Map<string, number>();
  // One encoder per instrument, as publishTicks uses: the same bytes for every tick producer.
  const encoders = new Map<string, TickEncoder>();
  let backlogged = false;
  return createOandaPriceStream({
    streamUrl: o.streamUrl,
    accountId: o.accountId,
    token: o.token,
    instruments: o.instruments,
    ...o.stream,
    onTick: (instrument, timeMs, bid, ask) => {
      const seq = seqs.get(instrument) ?? 0;
      seqs.set(instrument, seq + 1);
      let enc = encoders.get(instrument);
      if (enc === undefined) encoders.set(instrument, enc = new TickEncoder(instrument, source));
      const data = enc.encode(timeMs, bid, ask, seq);
      const ok = o.bus.publishAsync(Subjects.price(instrument), data, tickMsgId(source, instrument, seq));
      // A live stream cannot be paused: above the bus's high-water mark the backlog grows in memory, and we say so once.
      if (!ok && !backlogged) {
        backlogged = true;
        o.onError?.(new PipstreamError('PS_BUS_PUBLISH', 'JetStream is not keeping up with the OANDA stream; ticks are queued in memory'));
      } else if (ok) backlogged = false;
    },
    onError: (err) => o.onError?.(err),
    onMalformed: (_line, err) => o.onError?.(err),
  });
}
