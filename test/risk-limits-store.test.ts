import { randomBytes } from 'node:crypto';
import t from 'tap';
import { isPipstreamError } from '../engine/errors/mod.ts';
import {
  applyLimits, createAccountRisk, listLimits, loadLimits, reserve, saveLimits, watchLimits, type RiskLimits,
} from '../engine/risk/mod.ts';
import { applyMigrations, connectPostgres } from '../engine/store/mod.ts';
import { databaseUrl, probes, requireService, throwawaySchema } from './helpers/services.ts';

/** Unique per run: the NOTIFY channel is database-wide, other tests may use it at the same time. */
const acct = (name: string) => `${name}-${randomBytes(3).toString('hex')}`;

/** JSON-pointer paths of the PS_RISK_LIMITS_INVALID that `p` rejects with, sorted. */
async function pathsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (isPipstreamError(e, 'PS_RISK_LIMITS_INVALID')) return (e.details.errors as { path: string }[]).map((x) => x.path).sort();
    throw e;
  }
  throw new Error('nothing was thrown');
}

/** Resolves with the first value `take` accepts among those pushed, or rejects after `ms`. */
function waiter<T>() {
  const seen: T[] = [];
  const wanted: { take: (x: T) => boolean; resolve: (x: T) => void }[] = [];
  return {
    push(x: T) {
      seen.push(x);
      for (const w of wanted.splice(0)) {
        if (w.take(x)) w.resolve(x); else wanted.push(w);
      }
    },
    seen,
    next(take: (x: T) => boolean, ms: number): Promise<T> {
      const hit = seen.find(take);
      if (hit !== undefined) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
        wanted.push({ take, resolve: (x) => { clearTimeout(timer); resolve(x); } });
      });
    },
  };
}

t.test('risk limits in PostgreSQL', async (t) => {
  if (!(await requireService(t, 'postgres', probes.postgres))) return;
  const admin = await connectPostgres(databaseUrl(), { max: 2 });
  t.teardown(() => admin.end());
  const { schema, sql } = await throwawaySchema(t, admin);
  await applyMigrations(sql);
  /** A second client on the same schema: what another process would use. */
  const other = await connectPostgres(databaseUrl(), { searchPath: `${schema}, public`, max: 2 });
  t.teardown(() => other.end());

  t.test('save, load and list round trip; every save bumps the version', async (t) => {
    const a = acct('acct-rt');
    t.equal(await loadLimits(sql, a), null, 'nothing stored yet');
    const doc: RiskLimits = { account: a, instruments: ['EUR_USD'], max_order_units: 100000, max_position_units: 30000, max_daily_loss: 1000.25, max_spread_pips: 1.5 };
    const first = await saveLimits(sql, a, doc);
    t.match(first, { account: a, limits: doc, version: 1 });
    t.ok(first.updatedAt instanceof Date);
    t.same((await loadLimits(other, a))!.limits, doc, 'another connection reads the same document');
    const second = await saveLimits(other, a, { max_open_trades: 3 });
    t.equal(second.version, 2);
    t.same((await loadLimits(sql, a))!.limits, { max_open_trades: 3 }, 'replaced whole');
    await sql`update risk_limits set document = '{"max_open_trades": 4}' where account = ${a}`;
    t.equal((await loadLimits(sql, a))!.version, 3, 'a hand edit bumps the version too (trigger)');
    const b = acct('acct-list');
    await saveLimits(sql, b, {});
    const listed = (await listLimits(sql)).filter((s) => s.account === a || s.account === b);
    t.same(listed.map((s) => [s.account, s.limits, s.version]), [[a, { max_open_trades: 4 }, 3], [b, {}, 1]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
  });

  t.test('invalid documents are refused with their paths and change nothing', async (t) => {
    const a = acct('acct-bad');
    await saveLimits(sql, a, { max_position_units: 10 });
    t.same(await pathsOf(saveLimits(sql, a, { max_position_units: -1, max_units: 5, instruments: ['eurusd'] })),
      ['/instruments/0', '/max_position_units', '/max_units']);
    t.same(await pathsOf(saveLimits(sql, a, [])), ['']);
    t.same(await pathsOf(saveLimits(sql, a, { account: 'someone-else' })), ['/account'], 'a document names its own account only');
    await t.rejects(saveLimits(sql, '', {}), { code: 'PS_BAD_ARGUMENT' });
    t.match(await loadLimits(sql, a), { limits: { max_position_units: 10 }, version: 1 }, 'the stored row is untouched');

    await sql`update risk_limits set document = '{"max_position_units": "ten"}' where account = ${a}`;
    await t.rejects(loadLimits(sql, a), { code: 'PS_RISK_LIMITS_INVALID', details: { account: a, errors: [{ path: '/max_position_units' }] } },
      'a stored document edited into an invalid one is refused on load');
  });

  t.test('every query is bounded in time', async (t) => {
    const a = acct('acct-slow');
    await saveLimits(sql, a, {});
    // Another session holds the table locked: the load cannot finish.
    const locked = other.begin(async (tx) => {
      await tx`lock table risk_limits in access exclusive mode`;
      await tx`select pg_sleep(1.5)`;
    });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await t.rejects(loadLimits(sql, a, { timeoutMs: 300 }), { code: 'PS_TIMEOUT' });
    t.ok(Date.now() - started < 1000, `gave up after ${Date.now() - started} ms`);
    await locked;
    t.match(await loadLimits(sql, a), { account: a }, 'the pool is usable afterwards');
  });

  t.test('watchLimits: current limits first, then each change made elsewhere, within a bounded time', async (t) => {
    const a = acct('acct-watch');
    const b = acct('acct-gone');
    await saveLimits(sql, a, { max_position_units: 100 });
    await saveLimits(sql, b, { max_open_trades: 1 });
    const changes = waiter<[string, RiskLimits | null]>();
    const errors = waiter<[unknown, string | null]>();
    const watch = await watchLimits(sql, (account, limits) => changes.push([account, limits]),
      { onError: (err, account) => errors.push([err, account]), timeoutMs: 2000 });
    t.teardown(() => watch.close());
    t.same(changes.seen.filter(([x]) => x === a || x === b).sort(), [[a, { max_position_units: 100 }], [b, { max_open_trades: 1 }]].sort(),
      'the stored limits are delivered before watchLimits resolves');

    // A node's use: the change goes into the account's shared memory.
    const risk = createAccountRisk({ max_position_units: 100 }, ['EUR_USD']);
    const applied = waiter<number>();
    const follow = await watchLimits(sql, (account, limits) => {
      if (account === a && limits !== null) applied.push(applyLimits(risk, limits).version);
    });
    t.teardown(() => follow.close());

    const started = Date.now();
    await saveLimits(other, a, { max_position_units: 5 });
    await changes.next(([x, l]) => x === a && l?.max_position_units === 5, 3000);
    const latency = Date.now() - started;
    t.ok(latency < 3000, `a change saved through another connection arrived in ${latency} ms`);
    await applied.next(() => risk.limits.max_position_units === 5, 3000);
    t.equal(reserve(risk, 0, 6, 0).reason, 'MAX_POSITION', 'and is in force in the account memory');

    await other`delete from risk_limits where account = ${b}`;
    t.same(await changes.next(([x, l]) => x === b && l === null, 3000), [b, null], 'a deleted row is delivered as null');

    await other`update risk_limits set document = '{"max_position_units": -5}' where account = ${a}`;
    const [err, account] = await errors.next(([, x]) => x === a, 3000);
    t.ok(isPipstreamError(err, 'PS_RISK_LIMITS_INVALID'), 'an invalid hand edit is reported');
    t.equal(account, a);
    t.equal(changes.seen.filter(([x]) => x === a).length, 2, 'and not delivered: the limits in force stay');

    // The listening connection drops; a change made before it is back is not notified, the resync finds it.
    const dropped = await admin<{ pid: number }[]>`
      select pg_terminate_backend(pid) as pid from pg_stat_activity
      where query = ${'listen "pipstream_risk_limits"'} and pid <> pg_backend_pid()`;
    t.ok(dropped.length >= 1, 'the listening connection was terminated');
    await saveLimits(other, a, { max_position_units: 9 });
    const resynced = await changes.next(([x, l]) => x === a && l?.max_position_units === 9, 10_000);
    t.same(resynced, [a, { max_position_units: 9 }], 'a change made around a dropped connection is delivered (notification or resync after reconnecting)');

    await watch.close();
    const before = changes.seen.length;
    await saveLimits(other, a, { max_position_units: 7 });
    await new Promise((r) => setTimeout(r, 300));
    t.equal(changes.seen.length, before, 'nothing after close()');
  });
});
