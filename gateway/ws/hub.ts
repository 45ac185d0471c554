/**
 * NATS -> WebSocket fan-out. Prices: one core subscription to every price subject, decoded once per
 * tick (allocation-free TickReader) into the latest-quote book, then one JSON string sent to the
 * instrument's subscribers. Account channels read the journal (DESIGN.md §2): one JetStream ordered consumer
 * per journal (SIGNALS, ORDERS for orders and confirmations, PORTFOLIO positions, NOTIFY), over every account,
 * made when a client first subscribes to one of its channels. A message is routed by its subject's account to
 * that account's subscribers only, and decoded only when it has some. When the gateway's connection to NATS
 * drops, each consumer resumes after the last event it delivered, so what was journaled meanwhile (a fill, a
 * notification) still reaches the clients, in order. (Prices stay a core subscription: only the latest quote
 * matters.) One consumer per journal, not per account: an idle ordered consumer costs the server a pull and a
 * heartbeat every few seconds (1,000 of them took 16 % of a core here).
 *
 * Scale-out: every gateway holds these consumers on its own NATS connection, and each delivers each message
 * once, so a user's event reaches each of that user's connections exactly once, whichever gateway it is on.
 * There is no forwarding between gateways and no queue group: the session map in Redis is for seeing
 * connections, not for routing.
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

/** The journals behind the account channels: a subject per account below `prefix`. */
const JOURNALS = {
  SIGNALS: { prefix: Subjects.signals(''), channels: ['signals'] },
  ORDERS: { prefix: Subjects.orders(''), channels: ['orders', 'confirmations'] },
  PORTFOLIO: { prefix: Subjects.positions(''), channels: ['positions'] },
  NOTIFY: { prefix: Subjects.notifications(''), channels: ['notifications'] },
} as const satisfies Partial<Record<StreamName, { prefix: string; channels: readonly AccountChannel[] }>>;
type Journal = keyof typeof JOURNALS;

const JOURNAL_OF = Object.fromEntries(Object.entries(JOURNALS).flatMap(([j, { channels }]) => channels.map((c) => [c, j]))) as Record<AccountChannel, Journal>;

/** A price channel message, encoded once for every client it goes to (not by uWS in every send). */
export function priceFrame(instrument: string, t: { timeMs: number; bid: number; ask: number; seq: number }): Buffer {
  return Buffer.from(`{"channel":"prices","instrument":"${instrument}","time_ms":${t.timeMs},"bid":${t.bid},"ask":${t.ask},"seq":${t.seq}}`);
}

export class Hub implements PriceBook {
  readonly #bus: Bus;
  readonly #log: Logger;
  readonly #quotes = new Map<string, Quote>();
  readonly #priceSessions = new Map<string, Set<Session>>();
  /** Sessions per `<channel>:<account>`. */
  readonly #feeds = new Map<string, Set<Session>>();
  /** A journal's consumer, once a client subscribed to one of its channels; settled once it exists. */
  readonly #journals = new Map<Journal, Promise<BusConsumer>>();
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
   * subscribed) when the journal's consumer cannot be made, e.g. NATS is unreachable.
   */
  async subscribe(session: Session, channel: AccountChannel): Promise<void> {
    const key = `${channel}:${session.principal.account}`;
    let sessions = this.#feeds.get(key);
    if (sessions === undefined) this.#feeds.set(key, (sessions = new Set()));
    sessions.add(session);
    try {
      await this.#journal(JOURNAL_OF[channel]);
    } catch (err) {
      this.unsubscribe(session, channel);
      throw err;
    }
  }

  unsubscribe(session: Session, channel: AccountChannel): void {
    const key = `${channel}:${session.principal.account}`;
    const sessions = this.#feeds.get(key);
    sessions?.delete(session);
    if (sessions?.size === 0) this.#feeds.delete(key);
  }

  /** The journal's consumer, made once (again after a failure). */
  #journal(journal: Journal): Promise<BusConsumer> {
    let ready = this.#journals.get(journal);
    if (ready !== undefined) return ready;
    const { prefix, channels } = JOURNALS[journal];
    ready = this.#bus.consume(journal, `${prefix}*`, (m) => {
      const account = m.subject.slice(prefix.length);
      for (const channel of channels) {
        const sessions = this.#feeds.get(`${channel}:${account}`);
        if (sessions === undefined) continue;
        let payload: unknown;
        try {
          payload = DECODE[channel](m.data);
        } catch (err) {
          this.#log.warn({ subject: m.subject, err: (err as Error).message }, 'undecodable message skipped');
          return;
        }
        if (payload === null) continue;
        const msg = JSON.stringify({ channel, data: payload });
        // Account channels are never dropped (only prices are conflated).
        for (const s of sessions) s.sendReliable(msg);
      }
    }, { deliver: 'new' });
    this.#journals.set(journal, ready);
    ready.catch(() => { if (this.#journals.get(journal) === ready) this.#journals.delete(journal); });
    return ready;
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

  /** Stops every subscription; resolves once the journals' consumers are closed. */
  async close(): Promise<void> {
    this.#prices.unsubscribe();
    const consumers = [...this.#journals.values()];
    this.#journals.clear();
    this.#feeds.clear();
    this.#priceSessions.clear();
    await Promise.all(consumers.map((ready) => ready.then((c) => c.close(), () => undefined)));
  }
}
