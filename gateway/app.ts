/**
 * One gateway: a uWebSockets.js app with the REST routes, the WebSocket endpoint and the NATS fan-out,
 * on connections it is given or opens itself (and then closes on `close()`).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { pino, type Logger } from 'pino';
import uWS from 'uWebSockets.js';
import { connectBus, type Bus } from '../engine/bus/mod.ts';
import { loadConfig } from '../engine/config/mod.ts';
import { PipstreamError } from '../engine/errors/mod.ts';
import { connectPostgres, connectRedis, logRedisConnection, type Redis, type Sql } from '../engine/store/mod.ts';
import { TokenService } from './auth/tokens.ts';
import type { GatewayDeps } from './deps.ts';
import type { RouteDef } from './http/route.ts';
import { mountFallbacks, mountRoute } from './http/server.ts';
import { Meter } from './metering.ts';
import { gatewayMetrics } from './metrics.ts';
import { openApiDocument } from './openapi.ts';
import { RateLimiter, type BucketConfig } from './rate-limit.ts';
import { accountRoutes } from './routes/accounts.ts';
import { authRoutes } from './routes/auth.ts';
import { mountDashboard } from './routes/dashboard.ts';
import { opsRoutes } from './routes/ops.ts';
import { tradingRoutes } from './routes/trading.ts';
import { workflowRoutes } from './routes/workflows.ts';
import { Hub } from './ws/hub.ts';
import { SessionMap } from './ws/session-map.ts';
import { mountWebSocket } from './ws/socket.ts';

export interface GatewayOptions {
  /** 0 = an ephemeral port (tests). Default: PORT. */
  port?: number;
  host?: string;
  /** HS256 key (>= 32 bytes) shared by all gateways. Default: GATEWAY_JWT_SECRET, else a random one per process (sessions then die with it). */
  jwtSecret?: string | Uint8Array;
  accessTtlS?: number;
  refreshTtlS?: number;
  maxBodyBytes?: number;
  corsOrigins?: readonly string[];
  rateLimit?: { perToken?: BucketConfig; perIp?: BucketConfig; prefix?: string };
  wsBackpressureBytes?: number;
  wsMaxQueued?: number;
  wsIdleTimeoutS?: number;
  /**
   * How long a confirm/reject waits for the node holding the order (only that node answers; silence means no
   * such order). Default 2000.
   */
  confirmTimeoutMs?: number;
  /** This process's id in the WS session map; unique per gateway. Default: `<hostname>-<pid>-<random>`. */
  gatewayId?: string;
  /** How long a gateway's session map entries outlive its last refresh (refreshed every third of it). Default 30 s. */
  sessionTtlMs?: number;
  /** Connections to use (not closed by the gateway); opened from the configuration when absent. */
  sql?: Sql;
  redis?: Redis;
  bus?: Bus;
  log?: Logger;
  /** Node.js process metrics in /metrics (off in tests: one registry per process would repeat them). */
  processMetrics?: boolean;
}

export interface Gateway {
  /** Its id in the WS session map. */
  readonly id: string;
  readonly port: number;
  /** The routes mounted, as the OpenAPI document describes them. */
  readonly routes: readonly RouteDef[];
  close(): Promise<void>;
}

function secretOf(o: GatewayOptions, log: Logger): Uint8Array {
  const s = o.jwtSecret ?? process.env.GATEWAY_JWT_SECRET;
  if (s === undefined || s === '') {
    log.warn('GATEWAY_JWT_SECRET is not set: using a random key, so tokens are valid on this process only and die with it');
    return randomBytes(32);
  }
  return typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
}

export async function startGateway(o: GatewayOptions = {}): Promise<Gateway> {
  const config = loadConfig();
  const log = o.log ?? pino({ level: config.logLevel, name: 'gateway' });
  const owned: (() => Promise<unknown>)[] = [];
  try {
    const sql = o.sql ?? await connectPostgres(config.databaseUrl);
    if (o.sql === undefined) owned.push(() => sql.end());
    const redis = o.redis ?? await connectRedis(config.redisUrl, { onConnection: logRedisConnection(log) });
    if (o.redis === undefined) owned.push(() => redis.quit());
    const bus = o.bus ?? await connectBus({ kind: 'jetstream', url: config.natsUrl, name: 'pipstream-gateway',
      onError: (err) => log.error({ code: err.code, err: err.message }, 'bus failure') });
    if (o.bus === undefined) owned.push(() => bus.close());
    await bus.ensureStreams();

    const hub = new Hub(bus, log);
    const sessions = new SessionMap(redis, {
      gatewayId: o.gatewayId ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
      ttlMs: o.sessionTtlMs ?? 30_000, log,
    });
    await sessions.start();
    // Released before the connections it uses (owned is released in reverse), also when listen fails.
    owned.push(() => sessions.close());
    const deps: GatewayDeps = {
      options: {
        maxBodyBytes: o.maxBodyBytes ?? 64 * 1024,
        corsOrigins: o.corsOrigins ?? (process.env.GATEWAY_CORS_ORIGINS ?? '').split(',').filter((x) => x !== ''),
        wsBackpressureBytes: o.wsBackpressureBytes ?? 256 * 1024,
        wsMaxQueued: o.wsMaxQueued ?? 10_000,
        wsIdleTimeoutS: o.wsIdleTimeoutS ?? 60,
        confirmTimeoutMs: o.confirmTimeoutMs ?? 2000,
      },
      sql, redis, bus, log,
      tokens: new TokenService(sql, { jwtSecret: secretOf(o, log), accessTtlS: o.accessTtlS ?? 900, refreshTtlS: o.refreshTtlS ?? 30 * 24 * 3600 }),
      limiter: new RateLimiter(redis, {
        perToken: o.rateLimit?.perToken ?? { capacity: 100, refillPerS: 20 },
        perIp: o.rateLimit?.perIp ?? { capacity: 300, refillPerS: 60 },
        prefix: o.rateLimit?.prefix ?? 'pipstream:gw:',
      }),
      meter: new Meter(bus),
      metrics: gatewayMetrics(o.processMetrics ?? false),
      prices: hub,
      sessions,
    };

    const app = uWS.App();
    const routes: RouteDef[] = [];
    const doc = () => openApiDocument(routes);
    routes.push(...opsRoutes(deps, doc), ...authRoutes(deps), ...accountRoutes(deps), ...workflowRoutes(deps), ...tradingRoutes(deps));
    for (const r of routes) mountRoute(app, deps, r);
    const sockets = mountWebSocket(app, deps, hub);
    mountDashboard(app, deps);
    mountFallbacks(app, deps);

    const requested = o.port ?? config.port;
    const socket = await new Promise<uWS.us_listen_socket>((resolve, reject) => {
      app.listen(o.host ?? '0.0.0.0', requested, (s) => (s ? resolve(s) : reject(new PipstreamError('PS_SERVICE_UNAVAILABLE',
        `the gateway cannot listen on port ${requested}`, { service: 'gateway', port: requested }))));
    });
    const port = uWS.us_socket_local_port(socket as unknown as uWS.us_socket);
    log.info({ port }, 'gateway listening');
    let closed = false;
    return {
      id: sessions.gatewayId,
      port,
      routes,
      async close() {
        if (closed) return;
        closed = true;
        uWS.us_listen_socket_close(socket);
        sockets.closeAll();
        await hub.close();
        await bus.flush().catch((err: Error) => log.warn({ err: err.message }, 'metering events not flushed'));
        for (const release of owned.reverse()) await release();
      },
    };
  } catch (err) {
    for (const release of owned.reverse()) await release().catch(() => {});
    throw err;
  }
}
