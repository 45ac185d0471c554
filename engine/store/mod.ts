/**
 * Store connections (DESIGN.md §9): PostgreSQL through `postgres`, Redis through `ioredis`, and the SQL
 * migrator. Connecting is bounded in time and proven with a round trip, so a caller learns at start-up —
 * as PS_SERVICE_UNAVAILABLE — whether to use the service or fall back to the in-memory store.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import postgres from 'postgres';
import { loadConfig, REPO_ROOT } from '../config/mod.ts';
import { isPipstreamError, PipstreamError, withTimeout } from '../errors/mod.ts';

export type Sql = postgres.Sql;
export type { Redis };

export const MIGRATIONS_DIR = join(REPO_ROOT, 'infra', 'migrations');

export interface PostgresOptions {
  /** Upper bound for connecting and the first round trip (ms). */
  connectTimeoutMs?: number;
  /** Pool size. */
  max?: number;
  /** Schema search path, e.g. `'test_x, public'` for a throwaway schema. */
  searchPath?: string;
  /** Server-side limit per statement (ms); 0 = none. */
  statementTimeoutMs?: number;
}

export interface RedisOptions {
  connectTimeoutMs?: number;
  /** Per-command limit (ms) once connected. */
  commandTimeoutMs?: number;
  /**
   * Once connected: the connection was lost (`err`, once per outage; the client keeps reconnecting, and its
   * commands fail meanwhile) or is back (`err` null). Default: a process warning for each.
   */
  onConnection?: (err: Error | null) => void;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparsable URL>';
  }
}

function unavailable(service: string, url: string, cause: unknown): PipstreamError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PipstreamError('PS_SERVICE_UNAVAILABLE', `${service} at ${redactUrl(url)} is unreachable: ${reason}`,
    { service, url: redactUrl(url) }, { cause });
}

/**
 * A failed command of a connected Redis client, as an error a user can act on: PS_TIMEOUT when Redis did not
 * answer in time, PS_SERVICE_UNAVAILABLE when it could not be reached (ioredis gives up on a command after
 * its retries while the connection is down), naming what was being done.
 */
export function redisFailure(err: unknown, what: string): PipstreamError {
  if (err instanceof PipstreamError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  const code = /timed out/i.test(reason) ? 'PS_TIMEOUT' : 'PS_SERVICE_UNAVAILABLE';
  return new PipstreamError(code, `Redis: ${what}: ${reason}`, { service: 'redis' }, { cause: err });
}

/** Socket errors: the service could not be reached, or dropped the connection. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a server that is not taking work: connection exceptions, shutdowns, too many connections. */
const PG_UNAVAILABLE = /^(08|57P0[1-3]$|53300$)/;

/**
 * A request that failed because PostgreSQL or Redis is down, as the error a caller can act on (retry later):
 * PS_SERVICE_UNAVAILABLE (PS_TIMEOUT for a Redis command that timed out) naming the service; null for any
 * other failure. For a boundary (the gateway) that must not answer such an outage as an internal error.
 * ioredis's errors and PostgreSQL's own are recognised as theirs; a bare socket error (postgres.js passes
 * them on as they are, without a frame of its own) is `socketService`'s, the caller's one raw-socket client.
 */
export function serviceFailure(err: unknown, what: string, socketService: 'postgres' | 'unknown' = 'unknown'): PipstreamError | null {
  if (!(err instanceof Error) || err instanceof PipstreamError) return null;
  if (err.name === 'MaxRetriesPerRequestError' || /^(Connection is closed|Command timed out|Stream isn't writeable)/.test(err.message)) {
    return redisFailure(err, what);
  }
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  let service: 'postgres' | 'unknown';
  if (err.name === 'PostgresError') {
    if (!PG_UNAVAILABLE.test(code)) return null;
    service = 'postgres';
  } else if (code === 'CONNECT_TIMEOUT' || code.startsWith('CONNECTION_')) {
    service = 'postgres'; // postgres.js's own connection codes
  } else if (UNREACHABLE_CODES.has(code)) {
    service = socketService;
  } else {
    return null;
  }
  return new PipstreamError('PS_SERVICE_UNAVAILABLE', `${service === 'postgres' ? 'PostgreSQL' : 'a service'}: ${what}: ${err.message}`,
    { service }, { cause: err });
}

/** A pooled PostgreSQL client that has answered `select 1`. Close it with `sql.end()`. */
export async function connectPostgres(url: string = loadConfig().databaseUrl, options: PostgresOptions = {}): Promise<Sql> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const connection: Record<string, string> = { application_name: 'pipstream' };
  if (options.searchPath) connection.search_path = options.searchPath;
  if (options.statementTimeoutMs) connection.statement_timeout = String(options.statementTimeoutMs);
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: Math.ceil(connectTimeoutMs / 1000),
    idle_timeout: 30,
    onnotice: () => {},
    connection,
  });
  try {
    await withTimeout(sql`select 1`, connectTimeoutMs, 'PostgreSQL');
    return sql;
  } catch (err) {
    await sql.end({ timeout: 0 });
    throw unavailable('postgres', url, err);
  }
}

/**
 * A Redis client that has answered PING. It reconnects by itself after a later drop; attach an
 * 'error' listener to observe that. Close it with `redis.quit()`.
 */
export async function connectRedis(url: string = loadConfig().redisUrl, options: RedisOptions = {}): Promise<Redis> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    maxRetriesPerRequest: 2,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    // Commands issued in the same event-loop turn go out in one write: the order path issues many at once.
    enableAutoPipelining: true,
  });
  let lastError: unknown;
  const noteError = (err: unknown) => { lastError = err; };
  redis.on('error', noteError);
  try {
    await withTimeout(redis.connect().then(() => redis.ping()), connectTimeoutMs, 'Redis');
    watchConnection(redis, redactUrl(url), options.onConnection);
    return redis;
  } catch (err) {
    redis.disconnect();
    throw unavailable('redis', url, lastError ?? err);
  } finally {
    redis.off('error', noteError);
  }
}

/** RedisOptions.onConnection for a process that logs with pino: the outage at error level, its end at info. */
export function logRedisConnection(log: Logger): NonNullable<RedisOptions['onConnection']> {
  return (err) => (err === null ? log.info('Redis reachable again') : log.error({ err: err.message }, 'Redis unreachable (reconnecting)'));
}

/**
 * An outage of a connected client reported once, and its end, instead of ioredis's "Unhandled error event"
 * on stderr at every reconnection attempt.
 */
function watchConnection(redis: Redis, url: string, onConnection: RedisOptions['onConnection']): void {
  const tell = onConnection ?? ((err: Error | null) => {
    process.emitWarning(err === null ? `Redis at ${url} is reachable again` : `Redis at ${url} is unreachable (reconnecting): ${err.message}`);
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    tell(err);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    tell(null);
  });
}

// ---- migrations -------------------------------------------------------------------------------------

export interface Migration {
  version: number;
  name: string;
  file: string;
  checksum: string;
  sql: string;
}

export interface MigrationResult {
  /** Versions applied by this call, in order. */
  applied: number[];
  /** Highest applied version after this call (0 when none). */
  current: number;
  /** Versions recorded in the database that no file here describes (a newer checkout migrated it). */
  unknown: number[];
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** infra/migrations/NNNN_name.sql files in version order, with their SHA-256 checksums. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()) {
    const m = FILE_NAME.exec(file);
    if (!m) throw new PipstreamError('PS_MIGRATION_INVALID', `${file}: migration files are named NNNN_lower_snake.sql`, { file });
    const version = Number(m[1]);
    if (migrations.some((x) => x.version === version)) {
      throw new PipstreamError('PS_MIGRATION_INVALID', `${file}: version ${m[1]} is used twice`, { file, version });
    }
    const text = await readFile(join(dir, file), 'utf8');
    migrations.push({ version, name: m[2], file, sql: text, checksum: createHash('sha256').update(text).digest('hex') });
  }
  return migrations;
}

/**
 * Applies pending migrations in order, each in its own transaction together with its
 * `schema_migrations` row. Idempotent. Refuses (PS_MIGRATION_CHECKSUM, before applying anything) when a
 * file that was already applied has changed. Tables go to the first schema of the search path.
 */
export async function applyMigrations(sql: Sql, options: { dir?: string } = {}): Promise<MigrationResult> {
  const migrations = await readMigrations(options.dir);
  // One migrator at a time per schema; the lock is released with each transaction.
  const lock = (tx: postgres.TransactionSql) =>
    tx`select pg_advisory_xact_lock(hashtext(current_schema() || '.schema_migrations'))`;

  await sql.begin(async (tx) => {
    await lock(tx);
    await tx`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now())`;
  });

  const recorded = async (q: Sql | postgres.TransactionSql) =>
    new Map((await q<{ version: number; name: string; checksum: string }[]>`
      select version, name, checksum from schema_migrations`).map((r) => [r.version, r]));
  const verify = (rows: Map<number, { version: number; name: string; checksum: string }>) => {
    for (const m of migrations) {
      const row = rows.get(m.version);
      if (row && row.checksum !== m.checksum) {
        throw new PipstreamError('PS_MIGRATION_CHECKSUM',
          `${m.file} was changed after it was applied (recorded ${row.checksum.slice(0, 12)}, file ${m.checksum.slice(0, 12)})`,
          { version: m.version, file: m.file, recorded: row.checksum, actual: m.checksum });
      }
    }
  };

  const before = await recorded(sql);
  verify(before);

  const applied: number[] = [];
  for (const m of migrations) {
    if (before.has(m.version)) continue;
    try {
      await sql.begin(async (tx) => {
        await lock(tx);
        const now = await recorded(tx);
        verify(now);
        if (now.has(m.version)) return; // another migrator got here first
        await tx.unsafe(m.sql).simple();
        await tx`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`;
        applied.push(m.version);
      });
    } catch (err) {
      if (isPipstreamError(err)) throw err;
      throw new PipstreamError('PS_MIGRATION_INVALID', `${m.file} failed: ${err instanceof Error ? err.message : String(err)}`,
        { version: m.version, file: m.file }, { cause: err });
    }
  }

  const after = await recorded(sql);
  const known = new Set(migrations.map((m) => m.version));
  return {
    applied,
    current: Math.max(0, ...after.keys()),
    unknown: [...after.keys()].filter((v) => !known.has(v)).sort((a, b) => a - b),
  };
}
