/**
 * NATS -> WebSocket fan-out. Prices: one core subscription to every price subject, decoded once per
 * tick (allocation-free TickReader) into the latest-quote book, then one JSON string sent to the
 * instrument's subscribers. Account channels: one subscription per (channel, account) while any of that
 * account's clients listens, so a message only ever reaches the account it belongs to.
 *
 * Scale-out: every gateway holds these subscriptions for its own clients only (the accounts it has in the
 * session map, see session-map.ts), on its own NATS connection, and core NATS gives each subscription each
 * message once. So a user's event reaches each of that user's connections exactly once, whichever gateway
 * it is on, and no gateway receives the events of accounts it has no client for. There is no forwarding
 * between gateways and no queue group: the session map in Redis is for seeing connections, not for routing.
 */
import type { Bus, BusSubscription } from '../../engine/bus/mod.ts';
import { decodeSignalEvent } from '../../engine/events/mod.ts';
import { readNotification, readOrderUpdate, readPosition } from '../../engine/events/trade.ts';
import { engineSignalOf } from '../../engine/node/journal.ts';
import { TickReader } from '../../engine/node/feed.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
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

interface Feed { sub: BusSubscription; sessions: Set<Session> }

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

  subscribe(session: Session, channel: AccountChannel): void {
    const account = session.principal.account;
    const key = `${channel}:${account}`;
    let feed = this.#feeds.get(key);
    if (feed === undefined) {
      const sessions = new Set<Session>();
      const decode = DECODE[channel];
      const sub = this.#bus.subscribe(SUBJECT[channel](account), (m) => {
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
      });
      this.#feeds.set(key, (feed = { sub, sessions }));
    }
    feed.sessions.add(session);
  }

  unsubscribe(session: Session, channel: AccountChannel): void {
    const key = `${channel}:${session.principal.account}`;
    const feed = this.#feeds.get(key);
    if (feed === undefined) return;
    feed.sessions.delete(session);
    if (feed.sessions.size === 0) {
      feed.sub.unsubscribe();
      this.#feeds.delete(key);
    }
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

  close(): void {
    this.#prices.unsubscribe();
    for (const f of this.#feeds.values()) f.sub.unsubscribe();
    this.#feeds.clear();
    this.#priceSessions.clear();
  }
}
