import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { connectBus } from '../engine/bus/mod.ts';
import { encodeInstrumentRegisteredEvent, EventType, makeEnvelope } from '../engine/events/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { oandaFeed } from '../engine/node/oanda-feed.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { fixtureWorkflow, OANDA_FILE, referenceRun, silentLogger, ticksOf, waitFor } from './helpers/engine.ts';
import { loadTicks, startLoopback, tickScript } from './helpers/oanda-loopback.ts';
import { migratedSchemaUrl, natsUrl, probes, requireService } from './helpers/services.ts';

const N = 60_000;

t.test('OANDA stream -> PRICES -> actor: the live path gives the signals of a replay of the same ticks', async (t) => {
  // Real ticks from the start of the file; 1.3850 is crossed inside them (checked below).
  const csv = await loadTicks(undefined, N);
  const server = await startLoopback({
    token: 'tok', accountId: 'acct', instruments: ['EUR_USD'], script: tickScript(csv, { heartbeatEvery: 500 }),
    chunkSize: () => 777, plans: [{ dropAfterLines: 20_000 }],
  });
  t.teardown(() => server.close());
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  const workflows = [fixtureWorkflow('price-cross-1.3850.json'), fixtureWorkflow('macd-cross-execute.json')];
  const signals: EngineSignal[] = [];
  const node = new PipstreamNode({ bus, logger: silentLogger(), onSignal: (s) => signals.push(s) });
  await node.addInstrument('EUR_USD');
  await node.putWorkflows(workflows);
  await node.consumePrices('EUR_USD', 'all');
  const errors: string[] = [];
  const feed = oandaFeed({
    bus, streamUrl: server.url, accountId: 'acct', token: 'tok', instruments: ['EUR_USD'],
    onError: (e) => errors.push(e.code), stream: { backoffBaseMs: 10, backoffMaxMs: 50 },
  });
  const running = feed.start();
  t.ok(await waitFor(() => node.supervisor.stats('EUR_USD').ticks >= N, 60_000), 'every tick reached the actor');
  await feed.stop();
  await running;
  await node.supervisor.drain('EUR_USD');
  const st = node.supervisor.stats('EUR_USD');
  t.equal(st.ticks, N, 'each tick exactly once, although the connection dropped mid-stream');
  t.ok(feed.stats().reconnects >= 1, 'the client reconnected');
  t.ok(errors.includes('PS_OANDA_DISCONNECTED'), 'the drop was reported');
  await node.stop();
  await bus.close();

  const ticks = await ticksOf(OANDA_FILE);
  const reference = await referenceRun(ticks, workflows, N);
  t.ok(reference.some((s) => s.workflow_id === 'price-cross-1-3850'), 'the segment crosses 1.3850');
  const key = (s: EngineSignal) => `${s.time_ms} ${s.workflow_id} ${s.node_id} ${s.bid} ${s.ask}`;
  t.same(signals.map(key), reference.map(key), 'same signals as a replay (ids differ: live tick seq is the tick time in µs)');
});

/** A throwaway schema with every migration (so the registered instruments are the default three), as a DATABASE_URL. */
async function schemaUrl(t: Test): Promise<string | null> {
  if (!(await requireService(t, 'postgres', probes.postgres))) return null;
  return (await migratedSchemaUrl(t)).url;
}

/**
 * `pipstream run --source oanda` against the loopback server; resolves when `until` matches stdout (then
 * `then()` runs, then SIGTERM) or the process ends.
 */
function runNode(streamUrl: string, until: RegExp | null, o: { timeoutMs?: number; databaseUrl?: string; then?: () => Promise<void> } = {}):
  Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/pipstream.mjs', 'run', '--source', 'oanda', '--instrument', 'EUR_USD'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: {
        ...process.env, LOG_LEVEL: 'warn', OANDA_STREAM_URL: streamUrl, OANDA_TOKEN: 'tok', OANDA_ACCOUNT_ID: 'acct',
        ...(o.databaseUrl === undefined ? {} : { DATABASE_URL: o.databaseUrl }),
      },
    });
    let stdout = '', stderr = '';
    let signalled = false;
    // One SIGTERM, as one Ctrl-C: the node keeps printing while it stops.
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!signalled && until !== null && until.test(stdout)) {
        signalled = true;
        void (o.then?.() ?? Promise.resolve()).finally(() => child.kill('SIGTERM'));
      }
    });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 90_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

t.test('pipstream run --source oanda: live prices reach the actor, a registered instrument joins the stream; Ctrl-C stops cleanly', async (t) => {
  const db = await schemaUrl(t);
  if (db === null) return;
  const server = await startLoopback({
    token: 'tok', accountId: 'acct', instruments: ['EUR_USD', 'NZD_USD', 'USD_JPY', 'GBP_USD'], script: tickScript(await loadTicks(undefined, 5000)),
    heartbeatIntervalMs: 200,
  });
  t.teardown(() => server.close());
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl(), name: 'pipstream-test-oanda-register' });
  t.teardown(() => bus.close());
  const asked = (i: string) => server.requests.some((r) => r.status === 200 && new URL(r.url, 'http://x').searchParams.get('instruments')!.split(',').includes(i));
  let joined = false;
  const r = await runNode(server.url, / ticks [1-9][0-9]* /, {
    databaseUrl: db,
    // As the gateway's POST /v1/instruments announces one.
    then: async () => {
      bus.publishCore(Subjects.instrumentRegistered, encodeInstrumentRegisteredEvent({
        envelope: makeEnvelope(EventType.EVENT_TYPE_INSTRUMENT_REGISTERED), instrumentRegistered: { instrument: 'GBP_USD' },
      }));
      joined = await waitFor(() => asked('GBP_USD'), 30_000);
    },
  });
  t.match(r.stdout, /streaming EUR_USD, NZD_USD, USD_JPY from http:\/\/127\.0\.0\.1/, 'streams every registered instrument, says from where');
  t.match(r.stdout, /EUR_USD ticks [1-9][0-9]* /, `ticks reached the actor (stderr: ${r.stderr.slice(0, 300)})`);
  t.ok(joined, 'a newly registered instrument: the stream resubscribes with it');
  t.notMatch(r.stderr, /PS_OANDA/, 'without an error');
  t.equal(r.code, 0, `exit 0 after SIGTERM (stderr: ${r.stderr.slice(0, 400)})`);
});

t.test('pipstream run --source oanda: a rejected token ends the node with PS_OANDA_HTTP, no hang', async (t) => {
  const db = await schemaUrl(t);
  if (db === null) return;
  const server = await startLoopback({ token: 'another-token', accountId: 'acct', instruments: ['EUR_USD', 'NZD_USD', 'USD_JPY'], script: tickScript([]) });
  t.teardown(() => server.close());
  const r = await runNode(server.url, null, { timeoutMs: 30_000, databaseUrl: db });
  t.equal(r.code, 1, 'exit 1');
  t.match(r.stderr, /error PS_OANDA_HTTP: .*401/, r.stderr.split('\n')[0]);
});

t.test('pipstream run --source oanda without credentials is a usage error', async (t) => {
  const child = spawn(process.execPath, ['bin/pipstream.mjs', 'run', '--source', 'oanda'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)), env: { ...process.env, OANDA_TOKEN: '', OANDA_ACCOUNT_ID: '' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const [code] = await once(child, 'close');
  t.equal(code, 2);
  t.match(stderr, /error PS_BAD_ARGUMENT: --source oanda needs OANDA_TOKEN/);
});
