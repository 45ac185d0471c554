/**
 * The persistence actor against the real services: JetStream in, PostgreSQL (a throwaway schema) out.
 * Each test uses its own subjects and durable names, and removes them afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AckPolicy, DeliverPolicy, jetstreamManager } from '@nats-io/jetstream';
import t from 'tap';
import type { Test } from 'tap';
import { startPersistence, verifyAuditLog, type PersistenceActor } from '../actors/persistence/mod.ts';
import { connectBus, type Bus } from '../engine/bus/mod.ts';
import { REPO_ROOT } from '../engine/config/mod.ts';
import { deterministicEventId, encodeSignalEvent, encodeTickEvent, EventType, SignalMode } from '../engine/events/mod.ts';
import { applyMigrations, connectPostgres } from '../engine/store/mod.ts';
import type { Sql } from '../engine/store/mod.ts';
import { Streams, Subjects } from '../engine/switchboard/mod.ts';
import { databaseUrl, natsUrl, probes, requireService, throwawaySchema } from './helpers/services.ts';

const BASE_MS = Date.UTC(2014, 4, 5, 10); // inside the ticks_2014_05 partition

interface Fixture { tag: string; schema: string; sql: Sql; bus: Bus; account: string; instrument: string }

async function fixture(t: Test, admin: Sql): Promise<Fixture> {
  const tag = randomBytes(4).toString('hex');
  const { schema, sql } = await throwawaySchema(t, admin, { max: 4 });
  await applyMigrations(sql);
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl(), timeoutMs: 5000 });
  await bus.ensureStreams();
  const f = { tag, schema, sql, bus, account: `pt${tag}`, instrument: `PT_${tag.toUpperCase()}` };
  t.teardown(async () => {
    const jsm = await jetstreamManager(bus.nats!);
    for (const stream of ['SIGNALS', 'PRICES'] as const) {
      for await (const ci of jsm.consumers.list(Streams[stream].name)) {
        if (ci.name.includes(tag)) await jsm.consumers.delete(Streams[stream].name, ci.name).catch(() => undefined);
      }
    }
    await jsm.streams.purge(Streams.SIGNALS.name, { filter: Subjects.signals(f.account) }).catch(() => undefined);
    await jsm.streams.purge(Streams.PRICES.name, { filter: Subjects.price(f.instrument) }).catch(() => undefined);
    await bus.close();
  });
  return f;
}

function signal(f: Fixture, i: number): { data: Uint8Array; id: string } {
  const timeMs = BASE_MS + i * 1000;
  const id = deterministicEventId(timeMs, f.tag, 'signal', i);
  const data = encodeSignalEvent({
    envelope: { schemaVersion: 1, type: EventType.EVENT_TYPE_SIGNAL, eventId: id, correlationId: id, sourceTsUs: timeMs * 1000, ingestTsUs: timeMs * 1000 },
    signal: {
      id, account: f.account, workflowId: 'wf', workflowVersion: 2, nodeId: 'act', triggerNodeId: 'trg', instrument: f.instrument,
      mode: SignalMode.SIGNAL_ALERT, timeMs, price: 1.1 + i * 1e-5, bid: 1.1, ask: 1.2, units: 1000, tickSeq: i,
    },
  });
  return { data, id };
}

function tick(f: Fixture, i: number): Uint8Array {
  const timeMs = BASE_MS + i * 37.5; // sub-millisecond part must survive the round trip
  const id = deterministicEventId(timeMs, f.tag, 'tick', i);
  return encodeTickEvent({
    envelope: { schemaVersion: 1, type: EventType.EVENT_TYPE_TICK, eventId: id, correlationId: id, sourceTsUs: Math.round(timeMs * 1000), ingestTsUs: 1 },
    tick: { instrument: f.instrument, timeMs, seq: i, bid: 1.13 + i * 1e-6, ask: 1.1302 + i * 1e-6, source: 'ptest' },
  });
}

/** Publishes signals 0..nSignals-1 and ticks 0..nTicks-1; without msgIds when `again` (so JetStream stores them twice). */
async function publish(f: Fixture, nSignals: number, nTicks: number, again = false): Promise<void> {
  for (let i = 0; i < nSignals; i++) {
    const s = signal(f, i);
    if (!f.bus.publishAsync(Subjects.signals(f.account), s.data, again ? undefined : s.id)) await f.bus.room();
  }
  for (let i = 0; i < nTicks; i++) {
    if (!f.bus.publishAsync(Subjects.price(f.instrument), tick(f, i), again ? undefined : `ptest:${f.instrument}:${i}`)) await f.bus.room();
  }
  await f.bus.flush();
}

const start = (f: Fixture, prefix: string, extra: { maxRows?: number } = {}): Promise<PersistenceActor> => startPersistence({
  bus: f.bus, sql: f.sql, streams: ['SIGNALS', 'PRICES'], durablePrefix: `pt-${f.tag}-${prefix}`,
  filters: { SIGNALS: Subjects.signals(f.account), PRICES: Subjects.price(f.instrument) }, ...extra,
});

async function counts(sql: Sql): Promise<{ signals: number; ticks: number; distinctTicks: number; audit: number }> {
  const [r] = await sql<{ signals: number; ticks: number; distinct_ticks: number; audit: number }[]>`
    select (select count(*)::int from signals) as signals, (select count(*)::int from ticks) as ticks,
           (select count(distinct event_id)::int from ticks) as distinct_ticks, (select count(*)::int from audit_log) as audit`;
  return { signals: r!.signals, ticks: r!.ticks, distinctTicks: r!.distinct_ticks, audit: r!.audit };
}

async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

t.test('persistence actor', async (t) => {
  if (!(await requireService(t, 'postgres', probes.postgres))) return;
  if (!(await requireService(t, 'nats', probes.nats))) return;
  const admin = await connectPostgres(databaseUrl(), { max: 2 });
  t.teardown(() => admin.end());

  t.test('N signals and N ticks become exactly N rows each; replays add nothing', async (t) => {
    const f = await fixture(t, admin);
    const N_SIGNALS = 500, N_TICKS = 5000;
    await publish(f, N_SIGNALS, N_TICKS);

    const actor = await start(f, 'a');
    await until('all rows', async () => { const c = await counts(f.sql); return c.signals === N_SIGNALS && c.ticks === N_TICKS; });
    await actor.stop();
    const s = actor.stats();
    t.match(s.SIGNALS, { inserted: N_SIGNALS, acked: N_SIGNALS, duplicates: 0, skipped: 0, failures: 0 });
    t.match(s.PRICES, { inserted: N_TICKS, acked: N_TICKS, duplicates: 0, skipped: 0, failures: 0 });
    t.ok(s.PRICES.batches >= N_TICKS / 1000, `ticks went in batches of at most 1000 (${s.PRICES.batches} batches)`);

    const [one] = await f.sql`select id::text, account, workflow_id, workflow_version, node_id, instrument, mode,
      extract(epoch from time) * 1000 as time_ms, price, payload from signals where id = ${signal(f, 7).id}`;
    t.match(one, { account: f.account, workflow_id: 'wf', workflow_version: 2, node_id: 'act', instrument: f.instrument,
      mode: 'SIGNAL_ALERT', price: 1.1 + 7e-5, payload: { trigger_node_id: 'trg', bid: 1.1, ask: 1.2, units: 1000, tick_seq: 7 } });
    t.equal(Number(one!.time_ms), BASE_MS + 7000);
    const [tk] = await f.sql`select (extract(epoch from time) * 1000)::float8 as time_ms, bid, ask, seq::int, source from ticks where seq = 3`;
    t.same({ ...tk }, { time_ms: BASE_MS + 3 * 37.5, bid: 1.13 + 3e-6, ask: 1.1302 + 3e-6, seq: 3, source: 'ptest' }, 'a tick round-trips exactly');

    const before = await counts(f.sql);
    t.same(await verifyAuditLog(f.sql), { ok: true, rows: before.audit }, 'audit chain verifies');

    // The same events published again (no msgId, so JetStream stores them a second time).
    await publish(f, N_SIGNALS, N_TICKS, true);
    const again = await start(f, 'a');
    await until('the replay to be consumed', async () => {
      const st = again.stats();
      return st.SIGNALS.acked === N_SIGNALS && st.PRICES.acked === N_TICKS;
    });
    await again.stop();
    t.match(again.stats().PRICES, { inserted: 0, duplicates: N_TICKS });
    t.same(await counts(f.sql), before, 'replayed through the same durable: still N rows, no new audit rows');

    // A brand-new durable reads the whole stream (each event twice) from the start.
    const fresh = await start(f, 'b');
    await until('the full re-read', async () => {
      const st = fresh.stats();
      return st.SIGNALS.acked === 2 * N_SIGNALS && st.PRICES.acked === 2 * N_TICKS;
    });
    await fresh.stop();
    t.same(await counts(f.sql), before, 'full re-read from a new durable: still N rows');
    t.same(await verifyAuditLog(f.sql), { ok: true, rows: before.audit });
  });

  t.test('a failing database: nothing acked until a retry commits; bad messages are skipped and audited', async (t) => {
    const f = await fixture(t, admin);
    // A statement trigger that refuses inserts stands in for a database that cannot commit (renaming the
    // table would not: the search path would find public.signals).
    await f.sql.unsafe(`create function refuse() returns trigger language plpgsql as $$ begin raise exception 'down'; end $$;
      create trigger refuse before insert on signals for each statement execute function refuse()`);
    await publish(f, 50, 0);
    const bad = signal(f, 999).data.slice(0, 20); // truncated: undecodable
    const noMode = encodeSignalEvent({ signal: { id: deterministicEventId(BASE_MS, f.tag, 'x'), account: f.account, timeMs: BASE_MS, price: 1 } });
    await f.bus.publish(Subjects.signals(f.account), bad);
    await f.bus.publish(Subjects.signals(f.account), noMode);

    const errors: string[] = [];
    const actor = await startPersistence({
      bus: f.bus, sql: f.sql, streams: ['SIGNALS'], durablePrefix: `pt-${f.tag}-f`, filters: { SIGNALS: Subjects.signals(f.account) },
      retryDelayMs: 20, onError: (e) => errors.push(e.code),
    });
    await until('two failed attempts', async () => errors.length >= 2);
    t.match(actor.stats().SIGNALS, { acked: 0, batches: 0 }, 'nothing acked while the batch cannot commit');
    t.ok(errors.every((c) => c === 'PS_PERSIST_WRITE'), 'failures reported as PS_PERSIST_WRITE');

    await f.sql`drop trigger refuse on signals`;
    await until('the retried batch', async () => actor.stats().SIGNALS.acked === 52);
    await actor.stop();
    t.match(actor.stats().SIGNALS, { inserted: 50, skipped: 2, acked: 52 });
    t.equal((await counts(f.sql)).signals, 50);
    const audit = await f.sql<{ content: string }[]>`select content from audit_log order by id`;
    t.equal(audit.reduce((n, r) => n + (JSON.parse(r.content) as { skipped_seqs: number[] }).skipped_seqs.length, 0), 2,
      'the skipped messages are named in the audit log');
    t.match(await verifyAuditLog(f.sql), { ok: true });
  });

  t.test('a stop with a time limit hands back what it has not written; the next start writes it at once: no row lost, none doubled', async (t) => {
    const f = await fixture(t, admin);
    const N_TICKS = 30_000;
    await publish(f, 0, N_TICKS);
    // Batches of 100: the ticks arrive far faster than they are written, as when catching up on a backlog.
    const first = await start(f, 'h', { maxRows: 100 });
    await until('a backlog in the buffer', async () => {
      const st = first.stats().PRICES;
      return st.inserted > 0 && st.received - st.inserted >= N_TICKS / 3;
    }, 30_000);
    const left = await first.stop({ withinMs: 0 });
    const st = first.stats().PRICES;
    t.ok(left.PRICES > 0, `${left.PRICES} ticks handed back`);
    t.equal(st.inserted + left.PRICES, st.received, 'every tick received was written or handed back');
    t.equal(left.SIGNALS, 0);
    const atStop = await counts(f.sql);
    t.equal(atStop.ticks, st.inserted, 'what was written is in PostgreSQL');

    // Handed back, not left to the bus's 30 s ack wait: the next start writes them at once. (The few that were on the
    // wire as the consumer closed never reached it, so only the ack wait brings those back.)
    const started = performance.now();
    const second = await start(f, 'h');
    await until('the handed-back ticks', async () => (await counts(f.sql)).ticks >= st.inserted + left.PRICES, 15_000);
    const seconds = (performance.now() - started) / 1000;
    t.pass(`the handed-back ticks written ${seconds.toFixed(1)} s after the restart`);
    await until('every tick', async () => (await counts(f.sql)).ticks === N_TICKS, 60_000);
    t.same(await second.stop(), { SIGNALS: 0, PRICES: 0 }, 'an unlimited stop writes everything');
    t.match(await counts(f.sql), { ticks: N_TICKS, distinctTicks: N_TICKS }, 'every tick exactly once');
    t.same(await verifyAuditLog(f.sql), { ok: true, rows: (await counts(f.sql)).audit });
    await t.rejects(first.stop({ withinMs: -1 }), { code: 'PS_BAD_ARGUMENT' }, 'a negative limit is refused');
  });

  t.test('killed mid-stream (SIGKILL, unacked batches) and restarted: no row lost, none doubled', async (t) => {
    const f = await fixture(t, admin);
    const N_SIGNALS = 1000, N_TICKS = 30_000;
    // Short ack_wait so that what the dead process held unacked is redelivered within seconds
    // (the bus's own default is 30 s), and a pending window small enough that nothing waits in the
    // actor's buffer for longer than that; the actor resumes an existing durable with the same filter.
    const jsm = await jetstreamManager(f.bus.nats!);
    for (const [stream, filter] of [['SIGNALS', Subjects.signals(f.account)], ['PRICES', Subjects.price(f.instrument)]] as const) {
      await jsm.consumers.add(Streams[stream].name, {
        durable_name: `pt-${f.tag}-k-${stream.toLowerCase()}`, filter_subject: filter, ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All, ack_wait: 2_000_000_000, max_ack_pending: 1000,
      });
    }
    await publish(f, N_SIGNALS, N_TICKS);

    const run = (): ChildProcess => spawn(process.execPath, ['--import=tsx', join(REPO_ROOT, 'actors/persistence/main.ts'),
      '--search-path', `${f.schema}, public`, '--durable-prefix', `pt-${f.tag}-k`, '--max-rows', '100',
      '--streams', 'SIGNALS,PRICES', '--filter', `SIGNALS=${Subjects.signals(f.account)}`, '--filter', `PRICES=${Subjects.price(f.instrument)}`],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: databaseUrl(), NATS_URL: natsUrl() } });
    const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

    const first = run();
    t.teardown(() => { first.kill('SIGKILL'); });
    await until('a tenth of the ticks', async () => (await counts(f.sql)).ticks >= N_TICKS / 10, 30_000);
    first.kill('SIGKILL');
    await exited(first);
    const atKill = await counts(f.sql);
    t.ok(atKill.ticks > 0 && atKill.ticks < N_TICKS, `killed mid-stream (${atKill.ticks}/${N_TICKS} ticks stored)`);

    const second = run();
    t.teardown(() => { second.kill('SIGKILL'); });
    await until('all rows after restart', async () => {
      const c = await counts(f.sql);
      return c.signals === N_SIGNALS && c.ticks === N_TICKS;
    }, 60_000);
    let out = '';
    second.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    second.kill('SIGTERM');
    await exited(second);
    t.equal(second.exitCode, 0, 'a SIGTERM stop commits, acks and exits cleanly');
    const stats = JSON.parse(out.trim().split('\n').pop()!) as Record<string, { failures: number }>;
    t.equal(stats.PRICES!.failures, 0);

    const end = await counts(f.sql);
    t.match(end, { signals: N_SIGNALS, ticks: N_TICKS, distinctTicks: N_TICKS }, 'every event exactly once');
    t.same(await verifyAuditLog(f.sql), { ok: true, rows: end.audit }, 'audit chain intact across the crash');
    const info = await jsm.consumers.info(Streams.PRICES.name, `pt-${f.tag}-k-prices`);
    t.equal(info.num_ack_pending + info.num_pending, 0, 'nothing left unacked on the durable');
  });
});
