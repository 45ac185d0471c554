/**
 * Process configuration from environment variables (DESIGN.md §15). Every variable has a documented
 * default in CONFIG_VARS (infra/README.md shows the same table), so a fresh checkout runs with no setup.
 * Read once at start-up; nothing on a hot path reads the environment.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PipstreamError } from '../errors/mod.ts';
import { Streams, type StreamName } from '../switchboard/mod.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  natsUrl: string;
  natsMonitorUrl: string;
  redisUrl: string;
  databaseUrl: string;
  port: number;
  logLevel: LogLevel;
  /** Absolute directory for local state: NATS store, Redis dump, logs, checkpoints. */
  home: string;
  /** Size bounds of JetStream streams replacing the switchboard's (bytes; only the streams named). */
  streamMaxBytes: Partial<Record<StreamName, number>>;
}

/** Variable -> default and meaning. NATS_MONITOR_URL's default follows NATS_URL's host. */
export const CONFIG_VARS = {
  NATS_URL: { default: 'nats://127.0.0.1:4222', doc: 'NATS server (JetStream enabled) the bus connects to.' },
  NATS_MONITOR_URL: { default: 'http://<NATS_URL host>:8222', doc: 'nats-server HTTP monitoring (/varz, /jsz, /healthz).' },
  REDIS_URL: { default: 'redis://127.0.0.1:6379', doc: 'Redis for idempotency keys, rate limits, checkpoints, WS sessions.' },
  DATABASE_URL: {
    default: 'postgres://pipstream:pipstream@127.0.0.1:5432/pipstream',
    doc: 'PostgreSQL (+PostGIS, +TimescaleDB when present).',
  },
  PORT: { default: '8080', doc: 'Gateway HTTP/WebSocket port.' },
  LOG_LEVEL: { default: 'info', doc: `pino log level: ${LOG_LEVELS.join(', ')}.` },
  PIPSTREAM_HOME: { default: '.pipstream', doc: 'Local state directory; a relative path is taken from the repository root.' },
  PIPSTREAM_STREAM_MAX_BYTES: {
    default: '',
    doc: 'JetStream stream size bounds replacing the defaults, e.g. `ORDERS=8GiB,RISK=2GiB` (bytes, or KiB/MiB/GiB).',
  },
} as const;

export type ConfigVar = keyof typeof CONFIG_VARS;

/** The repository root (this file is engine/config/mod.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function invalid(name: ConfigVar, value: string, why: string): PipstreamError {
  return new PipstreamError('PS_CONFIG_INVALID', `${name}=${JSON.stringify(value)}: ${why}`, { variable: name, value });
}

function url(env: NodeJS.ProcessEnv, name: ConfigVar, protocols: readonly string[], fallback: string): string {
  const value = env[name] || fallback;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw invalid(name, value, 'not a URL');
  }
  if (!protocols.includes(parsed.protocol)) throw invalid(name, value, `expected a ${protocols.join(' or ')} URL`);
  if (!parsed.hostname) throw invalid(name, value, 'no host');
  return value;
}

/** Reads and validates the configuration; throws PS_CONFIG_INVALID naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const natsUrl = url(env, 'NATS_URL', ['nats:', 'tls:'], CONFIG_VARS.NATS_URL.default);
  const natsMonitorUrl = url(env, 'NATS_MONITOR_URL', ['http:', 'https:'], `http://${new URL(natsUrl).hostname}:8222`)
    .replace(/\/+$/, '');
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:'], CONFIG_VARS.REDIS_URL.default);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], CONFIG_VARS.DATABASE_URL.default);

  const portText = env.PORT || CONFIG_VARS.PORT.default;
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw invalid('PORT', portText, 'expected an integer 1..65535');

  const logLevel = (env.LOG_LEVEL || CONFIG_VARS.LOG_LEVEL.default).toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw invalid('LOG_LEVEL', logLevel, `expected one of ${LOG_LEVELS.join(', ')}`);
  }

  const homeText = env.PIPSTREAM_HOME || CONFIG_VARS.PIPSTREAM_HOME.default;
  const home = isAbsolute(homeText) ? homeText : resolve(REPO_ROOT, homeText);

  const streamMaxBytes = parseStreamMaxBytes(env.PIPSTREAM_STREAM_MAX_BYTES || CONFIG_VARS.PIPSTREAM_STREAM_MAX_BYTES.default);

  return { natsUrl, natsMonitorUrl, redisUrl, databaseUrl, port, logLevel: logLevel as LogLevel, home, streamMaxBytes };
}

const UNIT: Record<string, number> = { '': 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** `NAME=SIZE[,NAME=SIZE...]`, a size in bytes or KiB, MiB, GiB (`2.5GiB`). */
function parseStreamMaxBytes(text: string): Partial<Record<StreamName, number>> {
  const out: Partial<Record<StreamName, number>> = {};
  for (const item of text.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
    const m = /^([A-Z_]+)=(\d+(?:\.\d+)?)(KiB|MiB|GiB)?$/.exec(item);
    if (m === null) throw invalid('PIPSTREAM_STREAM_MAX_BYTES', text, `"${item}" is not NAME=SIZE (a size in bytes, or with KiB, MiB or GiB)`);
    const [, name, amount, unit] = m;
    if (!(name! in Streams)) throw invalid('PIPSTREAM_STREAM_MAX_BYTES', text, `no stream ${name} (streams: ${Object.keys(Streams).join(', ')})`);
    const bytes = Math.floor(Number(amount) * UNIT[unit ?? '']!);
    if (bytes <= 0) throw invalid('PIPSTREAM_STREAM_MAX_BYTES', text, `${name}: a size above 0`);
    out[name as StreamName] = bytes;
  }
  return out;
}
