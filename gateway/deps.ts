/** What every part of one gateway shares: its options, connections and services. */
import type { Logger } from 'pino';
import type { Bus } from '../engine/bus/mod.ts';
import type { Redis, Sql } from '../engine/store/mod.ts';
import type { TokenService } from './auth/tokens.ts';
import type { Meter } from './metering.ts';
import type { GatewayMetrics } from './metrics.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { PriceBook } from './ws/hub.ts';
import type { SessionMap } from './ws/session-map.ts';

export interface ResolvedGatewayOptions {
  maxBodyBytes: number;
  corsOrigins: readonly string[];
  /** WS: bytes buffered for a client above which prices are conflated and reliable messages queued. */
  wsBackpressureBytes: number;
  /** WS: reliable (order, confirmation) messages queued for a slow client before it is closed. */
  wsMaxQueued: number;
  wsIdleTimeoutS: number;
  /** NATS request timeout for confirm/reject. */
  confirmTimeoutMs: number;
}

export interface GatewayDeps {
  options: ResolvedGatewayOptions;
  sql: Sql;
  redis: Redis;
  bus: Bus;
  tokens: TokenService;
  limiter: RateLimiter;
  meter: Meter;
  metrics: GatewayMetrics;
  log: Logger;
  prices: PriceBook;
  /** Every gateway's WS connections, by account (Redis). */
  sessions: SessionMap;
}
