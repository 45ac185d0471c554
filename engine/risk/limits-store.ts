/**
 * Risk limits per account in PostgreSQL (table risk_limits, infra/migrations/0003_risk_limits.sql).
 * Documents are validated before they are stored and again when read (a row may have been edited by
 * hand); watchLimits() follows changes through LISTEN/NOTIFY so a node applies them (applyLimits())
 * without a restart. Every query is bounded in time (PS_TIMEOUT).
 */
import type postgres from 'postgres';
import { isPipstreamError, PipstreamError } from '../errors/mod.ts';
import type { Sql } from '../store/mod.ts';
import { validateLimits, type RiskLimits } from './limits.ts';

/** The NOTIFY channel of the risk_limits triggers; the payload is the account ('' = resynchronise everything). */
export const RISK_LIMITS_CHANNEL = 'pipstream_risk_limits';

const DEFAULT_TIMEOUT_MS = 5000;
/** Pause before a watcher retries after the database failed it. */
const WATCH_RETRY_MS = 1000;

export interface StoredLimits {
  account: string;
  limits: RiskLimits;
  /** 1 when inserted, +1 with every update (a trigger keeps it, whoever writes). */
  version: number;
  updatedAt: Date;
}

interface Row { account: string; document: unknown; version: number; updated_at: Date }

/** Races a query against its time limit; a query that loses is cancelled on the server. */
async function bounded<T>(query: Promise<T> & { cancel?: () => unknown }, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      query.cancel?.();
      reject(new PipstreamError('PS_TIMEOUT', `PostgreSQL ${what} did not answer within ${timeoutMs} ms`, { timeoutMs }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([query, timeout]);
  } catch (err) {
    if (isPipstreamError(err)) throw err;
    throw new PipstreamError('PS_RISK_LIMITS_STORE', `risk limits ${what} failed: ${err instanceof Error ? err.message : String(err)}`, {}, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

function checkAccount(account: unknown): string {
  if (typeof account !== 'string' || account.length < 1 || account.length > 128) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'a risk limits account is a string of 1 to 128 characters', { account });
  }
  return account;
}

/** A document valid on its own and for `account` (its `account` key, when present, must name it). */
function validFor(account: string, doc: unknown): RiskLimits {
  const limits = validateLimits(doc, { account });
  if (limits.account !== undefined && limits.account !== account) {
    throw new PipstreamError('PS_RISK_LIMITS_INVALID', `invalid risk limits: /account: must be ${account}, the account they are stored for`,
      { account, errors: [{ path: '/account', message: `must be ${account}, the account they are stored for` }] });
  }
  return limits;
}

const stored = (row: Row): StoredLimits =>
  ({ account: row.account, limits: validFor(row.account, row.document), version: row.version, updatedAt: row.updated_at });

/** The account's limits, or null when none are stored. */
export async function loadLimits(sql: Sql, account: string, options: { timeoutMs?: number } = {}): Promise<StoredLimits | null> {
  checkAccount(account);
  const rows = await bounded(sql<Row[]>`select account, document, version, updated_at from risk_limits where account = ${account}`,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'load');
  return rows.length === 0 ? null : stored(rows[0]);
}

/**
 * Store the account's limits (insert, or replace and bump the version). An invalid document is refused
 * with PS_RISK_LIMITS_INVALID (`details.errors`: JSON-pointer paths) and changes nothing.
 */
export async function saveLimits(sql: Sql, account: string, doc: unknown, options: { timeoutMs?: number } = {}): Promise<StoredLimits> {
  const limits = validFor(checkAccount(account), doc);
  const rows = await bounded(sql<Row[]>`
    insert into risk_limits (account, document) values (${account}, ${sql.json(limits as postgres.JSONValue)})
    on conflict (account) do update set document = excluded.document
    returning account, document, version, updated_at`, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'save');
  return stored(rows[0]);
}

const selectAll = (sql: Sql, timeoutMs: number) =>
  bounded(sql<Row[]>`select account, document, version, updated_at from risk_limits order by account`, timeoutMs, 'list');

/** Every stored account's limits, by account. A stored document that is no longer valid throws PS_RISK_LIMITS_INVALID. */
export async function listLimits(sql: Sql, options: { timeoutMs?: number } = {}): Promise<StoredLimits[]> {
  return (await selectAll(sql, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)).map(stored);
}

export interface WatchLimitsOptions {
  /** Per query, LISTEN and UNLISTEN (ms, default 5000). */
  timeoutMs?: number;
  /**
   * A change that could not be delivered: a stored document that is invalid (the limits in force stay),
   * or a database failure (retried by a full resynchronisation a second later). Default: a process warning.
   */
  onError?: (err: unknown, account: string | null) => void;
}

export interface LimitsWatch { close(): Promise<void> }

/**
 * Calls `onChange(account, limits)` for every stored account once listening (so nothing between a load
 * and the watch is missed), then for every change (null: the account's row was deleted), in order per
 * account and never twice for one version. After a reconnection it resynchronises the same way, so
 * changes made meanwhile are delivered too.
 */
export async function watchLimits(sql: Sql, onChange: (account: string, limits: RiskLimits | null) => void,
  options: WatchLimitsOptions = {}): Promise<LimitsWatch> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const onError = options.onError ?? ((err: unknown, account: string | null) => {
    process.emitWarning(`risk limits watch${account === null ? '' : ` (${account})`}: ${err instanceof Error ? err.message : String(err)}`);
  });
  /** Version last delivered per account; changes are loaded and delivered one at a time, so in order. */
  const delivered = new Map<string, number>();
  const dirty = new Set<string>();
  let resyncWanted = false;
  let started = false;
  let closed = false;
  let running: Promise<void> | null = null;
  let retry: NodeJS.Timeout | undefined;

  function deliver(account: string, s: StoredLimits | null): void {
    if (closed) return;
    if (s === null ? !delivered.delete(account) : delivered.get(account) === s.version) return;
    if (s !== null) delivered.set(account, s.version);
    try {
      onChange(account, s === null ? null : s.limits);
    } catch (err) {
      onError(err, account);
    }
  }

  function failed(err: unknown, account: string | null): void {
    onError(err, account);
    // An invalid document waits for its next edit; a database failure is retried.
    if (!isPipstreamError(err, 'PS_RISK_LIMITS_INVALID') && retry === undefined && !closed) {
      retry = setTimeout(() => { retry = undefined; resyncWanted = true; kick(); }, WATCH_RETRY_MS);
    }
  }

  async function resync(): Promise<void> {
    const rows = await selectAll(sql, timeoutMs);
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.account);
      let s: StoredLimits;
      try {
        s = stored(row);
      } catch (err) {
        failed(err, row.account);
        continue;
      }
      deliver(row.account, s);
    }
    for (const account of [...delivered.keys()]) if (!seen.has(account)) deliver(account, null);
  }

  async function drain(): Promise<void> {
    while (!closed && (resyncWanted || dirty.size > 0)) {
      if (resyncWanted) {
        resyncWanted = false;
        dirty.clear();
        try { await resync(); } catch (err) { failed(err, null); }
        continue;
      }
      const account: string = dirty.values().next().value!;
      dirty.delete(account);
      try { deliver(account, await loadLimits(sql, account, { timeoutMs })); } catch (err) { failed(err, account); }
    }
  }

  function kick(): void {
    if (running !== null || !started || closed || (!resyncWanted && dirty.size === 0)) return;
    running = drain().finally(() => {
      running = null;
      kick();
    });
  }

  const listenQuery = sql.listen(RISK_LIMITS_CHANNEL, (payload) => {
    if (payload === '') resyncWanted = true;
    else dirty.add(payload);
    kick();
  }, () => {
    // Called again after every reconnection: notifications may have been missed meanwhile.
    resyncWanted = true;
    kick();
  });
  let listening: postgres.ListenMeta;
  try {
    listening = await bounded(listenQuery, timeoutMs, 'LISTEN');
  } catch (err) {
    // A LISTEN that completes after its time limit must not stay behind.
    listenQuery.then((l) => l.unlisten(), () => {});
    throw err;
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    clearTimeout(retry);
    await bounded(listening.unlisten(), timeoutMs, 'UNLISTEN');
    await running;
  }

  // Listening already, so a change made during this first load is delivered after it.
  try {
    resyncWanted = false;
    await resync();
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
  started = true;
  kick();
  return { close };
}
