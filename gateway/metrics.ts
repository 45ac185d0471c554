/** Prometheus metrics of one gateway (its own registry: two gateways in one process do not collide). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function gatewayMetrics(defaults: boolean) {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry, prefix: 'pipstream_gateway_' });
  return {
    registry,
    requests: new Counter({ name: 'pipstream_gateway_http_requests_total', help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'] as const, registers: [registry] }),
    latency: new Histogram({ name: 'pipstream_gateway_http_request_seconds', help: 'HTTP request handling time',
      labelNames: ['method', 'route'] as const, buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1], registers: [registry] }),
    wsConnections: new Gauge({ name: 'pipstream_gateway_ws_connections', help: 'Open WebSocket connections', registers: [registry] }),
    wsConflated: new Counter({ name: 'pipstream_gateway_ws_prices_conflated_total',
      help: 'Price updates replaced by a newer one before a slow client could take them', registers: [registry] }),
    wsSlowClosed: new Counter({ name: 'pipstream_gateway_ws_slow_consumer_closed_total',
      help: 'WebSocket connections closed because their never-dropped buffer overflowed', registers: [registry] }),
  };
}

export type GatewayMetrics = ReturnType<typeof gatewayMetrics>;
