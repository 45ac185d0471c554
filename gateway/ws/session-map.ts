/**
 * The WS session map in Redis (DESIGN.md §1): which WebSocket connections each account has open, on which
 * gateway, subscribed to what. Every gateway writes its own connections and reads everyone's.
 *
 *   pipstream:gw:sessions:<account>  hash, field `<gatewayId>:<connectionId>` -> JSON SessionEntry
 *   pipstream:gw:alive:<gatewayId>   the gateway's heartbeat, a key with a TTL
 *
 * Redis 7.0 has no per-field expiry (HPEXPIRE is 7.4), so the heartbeat stands in for it: a field is live
 * while its gateway's heartbeat exists. A gateway sets its heartbeat before it accepts a connection and
 * refreshes it every ttl/3; one that dies without close() stops refreshing, so after the TTL its fields are
 * ignored by every reader, and the first reader deletes them. Each refresh also rewrites the gateway's own
 * fields (so fields pruned while its heartbeat had lapsed, e.g. during a Redis outage, come back) and
 * extends the account hashes' TTL, so a hash whose gateways are all gone disappears even if nobody reads it.
 *
 * Writes are issued in order on one client (Redis runs them in that order), each with the client's command
 * timeout; a failed write is logged, not thrown: the connection itself works without the map, and the
 * next refresh repairs it.
 */
import type { Logger } from 'pino';
import { PipstreamError } from '../../engine/errors/mod.ts';
import type { Redis } from '../../engine/store/mod.ts';

export interface SessionEntry {
  gateway: string;
  connection: string;
  user: string;
  /** ISO 8601. */
  openedAt: string;
  /** Channel keys: `orders`, `prices:EUR_USD`, ... */
  channels: string[];
}

interface Local { account: string; entry: SessionEntry }

const KEY = 'pipstream:gw:';
const sessionsKey = (account: string) => `${KEY}sessions:${account}`;
const aliveKey = (gateway: string) => `${KEY}alive:${gateway}`;
const fieldOf = (e: SessionEntry) => `${e.gateway}:${e.connection}`;

export class SessionMap {
  readonly gatewayId: string;
  readonly #redis: Redis;
  readonly #ttlMs: number;
  readonly #log: Logger;
  readonly #local = new Map<string, Local>();
  #timer: NodeJS.Timeout | null = null;

  constructor(redis: Redis, o: { gatewayId: string; ttlMs: number; log: Logger }) {
    if (!Number.isInteger(o.ttlMs) || o.ttlMs < 300) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `the WS session TTL must be an integer of at least 300 ms, not ${o.ttlMs}`, { sessionTtlMs: o.ttlMs });
    }
    this.#redis = redis;
    this.gatewayId = o.gatewayId;
    this.#ttlMs = o.ttlMs;
    this.#log = o.log;
  }

  /** Heartbeat first (a field must never be written before its gateway is alive), then the refresh timer. */
  async start(): Promise<void> {
    await this.#redis.set(aliveKey(this.gatewayId), '1', 'PX', this.#ttlMs);
    // A third of the TTL: two refreshes may fail or run late before the entries lapse.
    this.#timer = setInterval(() => void this.#refresh(), Math.floor(this.#ttlMs / 3));
    this.#timer.unref();
  }

  add(account: string, connection: string, user: string, channels: Iterable<string>): Promise<void> {
    const entry: SessionEntry = { gateway: this.gatewayId, connection, user, openedAt: new Date().toISOString(), channels: [...channels] };
    this.#local.set(connection, { account, entry });
    return this.#write(account, [entry], 'add');
  }

  /** Resolves once Redis has the new channel list (and every earlier write of this gateway). */
  setChannels(connection: string, channels: Iterable<string>): Promise<void> {
    const l = this.#local.get(connection);
    if (l === undefined) return Promise.resolve();
    l.entry.channels = [...channels];
    return this.#write(l.account, [l.entry], 'update');
  }

  remove(connection: string): Promise<void> {
    const l = this.#local.get(connection);
    if (l === undefined) return Promise.resolve();
    this.#local.delete(connection);
    return this.#redis.hdel(sessionsKey(l.account), fieldOf(l.entry)).then(() => {}, (err: Error) => {
      // Left behind, it is pruned by readers once this gateway's heartbeat lapses (or at close()).
      this.#log.warn({ connection, err: err.message }, 'WS session not removed from the session map');
    });
  }

  /** The account's live connections on every gateway, oldest first; dead gateways' fields are deleted. */
  async list(account: string): Promise<SessionEntry[]> {
    const key = sessionsKey(account);
    try {
      const fields = await this.#redis.hgetall(key);
      const entries = Object.entries(fields).map(([field, json]) => ({ field, entry: JSON.parse(json) as SessionEntry }));
      const gateways = [...new Set(entries.map((e) => e.entry.gateway))];
      if (gateways.length === 0) return [];
      const beats = await this.#redis.mget(gateways.map(aliveKey));
      const alive = new Set(gateways.filter((_, i) => beats[i] !== null));
      const dead = entries.filter((e) => !alive.has(e.entry.gateway)).map((e) => e.field);
      if (dead.length > 0) await this.#redis.hdel(key, ...dead);
      return entries.filter((e) => alive.has(e.entry.gateway)).map((e) => e.entry).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    } catch (err) {
      throw new PipstreamError('PS_SERVICE_UNAVAILABLE', 'the WS session map (Redis) cannot be read', { service: 'redis' }, { cause: err });
    }
  }

  /** Stops refreshing and deletes this gateway's fields and heartbeat: its connections are gone. */
  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    const byAccount = this.#byAccount();
    this.#local.clear();
    try {
      await Promise.all([
        ...[...byAccount].map(([account, entries]) => this.#redis.hdel(sessionsKey(account), ...entries.map(fieldOf))),
        this.#redis.del(aliveKey(this.gatewayId)),
      ]);
    } catch (err) {
      this.#log.warn({ err: (err as Error).message }, 'session map not cleaned at close: the entries lapse with the heartbeat TTL');
    }
  }

  #byAccount(): Map<string, SessionEntry[]> {
    const m = new Map<string, SessionEntry[]>();
    for (const { account, entry } of this.#local.values()) {
      let list = m.get(account);
      if (list === undefined) m.set(account, (list = []));
      list.push(entry);
    }
    return m;
  }

  #put(account: string, entries: readonly SessionEntry[]): Promise<unknown>[] {
    const key = sessionsKey(account);
    const fields: string[] = [];
    for (const e of entries) fields.push(fieldOf(e), JSON.stringify(e));
    return [
      this.#redis.hset(key, ...fields),
      // NX gives a new hash its TTL; GT only ever extends it, so a gateway with a shorter TTL never
      // shortens the life of another gateway's entries.
      this.#redis.pexpire(key, this.#ttlMs, 'NX'),
      this.#redis.pexpire(key, this.#ttlMs, 'GT'),
    ];
  }

  #write(account: string, entries: readonly SessionEntry[], what: string): Promise<void> {
    return Promise.all(this.#put(account, entries)).then(() => {}, (err: Error) => {
      this.#log.warn({ account, what, err: err.message }, 'WS session map write failed: the next refresh repairs it');
    });
  }

  async #refresh(): Promise<void> {
    try {
      const writes: Promise<unknown>[] = [this.#redis.set(aliveKey(this.gatewayId), '1', 'PX', this.#ttlMs)];
      for (const [account, entries] of this.#byAccount()) writes.push(...this.#put(account, entries));
      await Promise.all(writes);
    } catch (err) {
      this.#log.warn({ err: (err as Error).message }, 'WS session map refresh failed: its entries lapse if this goes on for the TTL');
    }
  }
}
