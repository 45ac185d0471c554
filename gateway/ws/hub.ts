/**
 * NATS -> WebSocket fan-out. Prices: one core subscription to every price subject, decoded once per
 * tick (allocation-free TickReader) into the latest-quote book, then one JSON string sent to the
 * instrument's subscribers. Account channels: one JetStream ordered consumer per (channel, account) while any
 * of that account's clients listens, so a message only ever reaches the account it belongs to. They read the
 * journal, not core NATS: when the gateway's connection to NATS drops, the consumer resumes after the last event
 * it delivered, so what was journaled meanwhile (a fill, a notification) still reaches the clients, in order.
 * (Prices stay a core subscription: only the latest quote matters.)
 *
 * Scale-out: every gateway holds these consumers for its own clients only (the accounts it has in the
 * session map, see session-map.ts), on its own NATS connection, and each consumer delivers each message once. So a user's event reaches each of that user's connections exactly once, whichever gateway
 * it is on, and no gateway receives the events of accounts it has no client for. There is no forwarding
 * between gateways and no queue group: the session map in Redis is for seeing connections, not for routing.
 */
import type { Bus, BusConsumer, BusSubscription } from '../../engine/bus/mod.ts';
import { decodeSignalEvent } from '../../engine/events/mod.ts';
import { readNotification, readOrderUpdate, readPosition } from '../../engine/events/trade.ts';
import { engineSignalOf } from '../../engine/node/journal.ts';
import { TickReader } from '../../engine/node/feed.ts';
import { type StreamName, Subjects } from '../../engine/switchboard/mod.ts';
import type { Logger } from 'pino';
import type { Session } from './session.ts';

export interface Quote { bid: number; ask: number; seq: number; timeMs: number }

export interface PriceBook {
  latest(instrument: string): Quote | null;
}

export const ACCOUNT_CHANNELS = ['signals', 'orders', 'positions', 'confirmations', 'notifications'] as const;
export type AccountChannel = (typeof ACCOUNT_CHANNELS)[number];

const CONFIRMATION_STATES = new Set(['PENDING_CONFIRMATION', 'CONFIRMED', 'EXPIRED', 'REJECTED_BY_USER']);

/** Message of a channel as JSON, or null when this channel does not carry it. */
const DECODE: Record<AccountChannel, (data: Uint8Array) => unknown> = {
  signals: (d) => {
    const s = decodeSignalEvent(d).signal;
    return s ? engineSignalOf(s) : null;
  },
  orders: (d) => readOrderUpdate(d),
  confirmations: (d) => {
    const u = readOrderUpdate(d);
    return CONFIRMATION_STATES.has(u.state) ? u : null;
  },
  positions: (d) => readPosition(d),
  notifications: (d) => readNotification(d),
};

const SUBJECT: Record<AccountChannel, (account: string) => string> = {
  signals: Subjects.signals,
  orders: Subjects.orders,
  confirmations: Subjects.orders,
  positions: Subjects.positions,
  notifications: Subjects.notifications,
};

/** The journal each channel's subject is in. */
const STREAM: Record<AccountChannel, StreamName> = {
  signals: 'SIGNALS', orders: 'ORDERS', confirmations: 'ORDERS', positions: 'PORTFOLIO', notifications: 'NOTIFY',
};

/** `ready` settles once the consumer exists: from then on every event journaled on the subject is delivered. */
interface Feed { ready: Promise<BusConsumer>; sessions: Set<Session> }

/** A price channel message, encoded once for every client it goes to (not by uWS in every send). */
export function priceFrame(instrument: string, t: { timeMs: number; bid: number; ask: number; seq: number }): Buffer {
  return Buffer.from(`{"channel":"prices","instrument":"${instrument}","time_ms":${t.timeMs},"bid":${t.bid},"ask":${t.ask},"seq":${t.seq}}`);
}

export class Hub implements PriceBook {
  readonly #bus: Bus;
  readonly #log: Logger;
  readonly #quotes = new Map<string, Quote>();
  readonly #priceSessions = new Map<string, Set<Session>>();
  readonly #feeds = new Map<string, Feed>();
  readonly #prices: BusSubscription;

  constructor(bus: Bus, log: Logger) {
    this.#bus = bus;
    this.#log = log;
    const reader = new TickReader();
    const prefix = Subjects.price('').length;
    this.#prices = bus.subscribe(Subjects.allPrices, (m) => {
      try {
        if (!reader.read(m.data)) return;
      } catch (err) {
        this.#log.warn({ subject: m.subject, err: (err as Error).message }, 'undecodable tick skipped');
        return;
      }
      const t = reader.tick;
      // A quote the engine would reject (DESIGN.md "Tick validation") is not a price to show or to order at.
      if (!(t.bid > 0 && t.ask > 0 && Number.isFinite(t.bid) && Number.isFinite(t.ask) && Number.isFinite(t.timeMs) && t.timeMs > 0)) return;
      const instrument = m.subject.slice(prefix);
      const q = this.#quotes.get(instrument);
      if (q === undefined) this.#quotes.set(instrument, { bid: t.bid, ask: t.ask, seq: t.seq, timeMs: t.timeMs });
      else { q.bid = t.bid; q.ask = t.ask; q.seq = t.seq; q.timeMs = t.timeMs; }
      const sessions = this.#priceSessions.get(instrument);
      if (sessions === undefined) return;
      const frame = priceFrame(instrument, t);
      for (const s of sessions) s.sendPrice(instrument, frame);
    });
  }

  latest(instrument: string): Quote | null {
    const q = this.#quotes.get(instrument);
    return q === undefined ? null : { ...q };
  }

  subscribePrices(session: Session, instrument: string): void {
    let set = this.#priceSessions.get(instrument);
    if (set === undefined) this.#priceSessions.set(instrument, (set = new Set()));
    set.add(session);
  }

  unsubscribePrices(session: Session, instrument: string): void {
    const set = this.#priceSessions.get(instrument);
    set?.delete(session);
    if (set?.size === 0) this.#priceSessions.delete(instrument);
  }

  /**
   * Resolves once the session gets every event of the channel from now on; rejects (and the session is not
   * subscribed) when the consumer cannot be made, e.g. NATS is unreachable.
   */
  async subscribe(session: Session, channel: AccountChannel): Promise<void> {
    const account = session.principal.account;
    const key = `${channel}:${account}`;
    let feed = this.#feeds.get(key);
    if (feed === undefined) {
      const sessions = new Set<Session>();
      const decode = DECODE[channel];
      const ready = this.#bus.consume(STREAM[channel], SUBJECT[channel](account), (m) => {
        let payload: unknown;
        try {
          payload = decode(m.data);
        } catch (err) {
          this.#log.warn({ subject: m.subject, err: (err as Error).message }, 'undecodable message skipped');
          return;
        }
        if (payload === null) return;
        const msg = JSON.stringify({ channel, data: payload });
        // Account channels are never dropped (only prices are conflated).
        for (const s of sessions) s.sendReliable(msg);
      }, { deliver: 'new' });
      const made: Feed = { ready, sessions };
      this.#feeds.set(key, (feed = made));
      ready.catch(() => { if (this.#feeds.get(key) === made) this.#feeds.delete(key); });
    }
    feed.sessions.add(session);
    try {
      await feed.ready;
    } catch (err) {
      feed.sessions.delete(session);
      throw err;
    }
  }

  unsubscribe(session: Session, channel: AccountChannel): void {
    const key = `${channel}:${session.principal.account}`;
    const feed = this.#feeds.get(key);
    if (feed === undefined) return;
    feed.sessions.delete(session);
    if (feed.sessions.size === 0) {
      this.#feeds.delete(key);
      this.#stop(key, feed);
    }
  }

  #stop(key: string, feed: Feed): Promise<void> {
    return feed.ready.then((c) => c.close(), () => undefined)
      .catch((err: Error) => this.#log.warn({ feed: key, err: err.message }, 'closing a channel consumer failed'));
  }

  /** Forgets a closed client everywhere. */
  drop(session: Session): void {
    for (const key of session.channels) {
      const [channel, instrument] = key.split(':');
      if (channel === 'prices') this.unsubscribePrices(session, instrument);
      else this.unsubscribe(session, channel as AccountChannel);
    }
    session.channels.clear();
  }

  /** Stops every subscription; resolves once the channel consumers are closed. */
  async close(): Promise<void> {
    this.#prices.unsubscribe();
    const stopping = [...this.#feeds].map(([key, feed]) => this.#stop(key, feed));
    this.#feeds.clear();
    this.#priceSessions.clear();
    await Promise.all(stopping);
  }
}
