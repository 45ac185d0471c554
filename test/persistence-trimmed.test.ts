/**
 * A stream's size bound can drop journal messages before the persistence actor writes them (it was down, or
 * too slow, for longer than the stream holds). That must not pass silently: the gap is reported with its
 * sequences (PS_PERSIST_TRIMMED), counted, and written into the tamper-evident audit log. A private
 * nats-server, so SIGNALS can be bounded to a few hundred messages without touching the shared one.
 */
import t from 'tap';
import { startPersistence, verifyAuditLog } from '../actors/persistence/mod.ts';
import { connectBus } from '../engine/bus/mod.ts';
import type { PipstreamError } from '../engine/errors/mod.ts';
import { withTimeout } from '../engine/errors/mod.ts';
import { deterministicEventId, encodeSignalEvent, EventType, SignalMode } from '../engine/events/mod.ts';
import { applyMigrations, connectPostgres } from '../engine/store/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { privateServer } from './helpers/private-server.ts';
import { CLOSE_MS, databaseUrl, probes, requireService, throwawaySchema } from './helpers/services.ts';

const ACCOUNT = 'trimmed';

function signal(i: number): { data: Uint8Array; id: string } {
  const timeMs = Date.UTC(2014, 4, 5, 10) + i * 1000;
  const id = deterministicEventId(timeMs, 'persistence-trimmed', i);
  const data = encodeSignalEvent({
    envelope: { schemaVersion: 1, type: EventType.EVENT_TYPE_SIGNAL, eventId: id, correlationId: id, sourceTsUs: timeMs * 1000, ingestTsUs: timeMs * 1000 },
    signal: {
      id, account: ACCOUNT, workflowId: 'wf', workflowVersion: 1, nodeId: 'act', triggerNodeId: 'trg', instrument: 'EUR_USD',
      mode: SignalMode.SIGNAL_ALERT, timeMs, price: 1.1, bid: 1.1, ask: 1.2, units: 1000, tickSeq: i,
    },
  });
  return { data, id };
}

t.test('messages a stream dropped before persistence wrote them are reported, counted and audited, never skipped silently', async (t) => {
  if (!(await requireService(t, 'postgres', probes.postgres))) return;
  const server = await privateServer(t, 'nats');
  if (server === null) return;

  const admin = await connectPostgres(databaseUrl(), { max: 1 });
  t.teardown(() => withTimeout(admin.end(), CLOSE_MS, 'closing the admin connection'));
  const { sql } = await throwawaySchema(t, admin, { max: 4 });
  await applyMigrations(sql);
  // SIGNALS holds ~64 KiB: a few hundred of these signals.
  const bus = await connectBus({ kind: 'jetstream', url: server.url, streamMaxBytes: { SIGNALS: 64 * 1024 } });
  t.teardown(() => withTimeout(bus.close(), CLOSE_MS, 'closing the bus'));
  await bus.ensureStreams();
  const publish = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const s = signal(i);
      if (!bus.publishAsync(Subjects.signals(ACCOUNT), s.data, s.id)) await bus.room();
    }
    await bus.flush();
  };
  const count = async () => Number((await sql<{ n: string }[]>`select count(*) as n from signals`)[0]!.n);
  const errors: PipstreamError[] = [];
  const persist = () => startPersistence({ bus, sql, streams: ['SIGNALS'], durablePrefix: 'trimmed', onError: (e) => errors.push(e) });

  await publish(0, 50);
  let p = await persist();
  for (let i = 0; i < 200 && (await count()) < 50; i++) await new Promise((r) => setTimeout(r, 50));
  t.equal(await count(), 50, 'the first 50 written');
  t.equal(p.stats().SIGNALS.trimmed, 0, 'no gap while it keeps up');
  await p.stop();

  // Persistence is down while 2,000 more are journaled: the stream keeps only the newest few hundred.
  await publish(50, 2050);
  const held = (await bus.streamInfo('SIGNALS'));
  t.ok(held.firstSeq > 51, `the stream dropped the oldest (it holds ${held.firstSeq}..${held.lastSeq})`);
  p = await persist();
  t.teardown(() => p.stop());
  for (let i = 0; i < 200 && (await count()) < 50 + held.messages; i++) await new Promise((r) => setTimeout(r, 50));
  t.equal(await count(), 50 + held.messages, 'what the stream still held written');
  const lost = held.firstSeq - 51;
  t.equal(p.stats().SIGNALS.trimmed, lost, `${lost} messages counted as trimmed`);
  t.match(errors.map((e) => ({ code: e.code, message: e.message, details: e.details })), [{
    code: 'PS_PERSIST_TRIMMED', message: new RegExp(`SIGNALS: ${lost} message\\(s\\), stream sequences 51\\.\\.${held.firstSeq - 1}, were dropped`),
    details: { stream: 'SIGNALS', firstSeq: 51, lastSeq: held.firstSeq - 1, messages: lost },
  }], 'reported once, with the sequences');
  const gaps = await sql<{ content: string }[]>`select content from audit_log where content::jsonb->>'kind' = 'journal_gap'`;
  t.same(gaps.map((g) => JSON.parse(g.content)), [{ kind: 'journal_gap', stream: 'SIGNALS', first_seq: 51, last_seq: held.firstSeq - 1, messages: lost }],
    'the gap is in the audit log');
  t.match(await verifyAuditLog(sql), { ok: true }, 'whose chain verifies');
});
