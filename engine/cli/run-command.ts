/**
 * `pipstream run [--ticks FILE --instrument EUR_USD --workflow FILE ...] [--speed 1000x] [--warm] [--broker paper|oanda|none] [--limits FILE] [--balance AMOUNT]`
 *
 * Starts a node (supervisor, instrument actors, journal, NATS services, control
 * subjects, and the trade path: execution, confirmations, alerts, portfolio) and
 * feeds it the bundled real ticks through the live path (JetStream PRICES), paced,
 * so prices, bars, signals and orders move at once. Prints where to
 * look, a status line every two seconds and each signal. Ctrl-C stops it
 * cleanly (drains, journals, checkpoints to Redis).
 */
import pino from 'pino';
import { type Transport, webhookTransport } from '../../actors/alert/mod.ts';
import { type PersistenceActor, startPersistence } from '../../actors/persistence/mod.ts';
import { type Gateway, startGateway } from '../../gateway/mod.ts';
import { type Broker, createOandaBroker, PaperBroker } from '../../actors/execution/mod.ts';
import { parseSpeed, replayTicks } from '../../actors/ingest/mod.ts';
import { connectBus } from '../bus/mod.ts';
import { loadConfig } from '../config/mod.ts';
import { isPipstreamError, withTimeout } from '../errors/mod.ts';
import { assertInstrumentName } from '../instruments/mod.ts';
import { publishTicks } from '../node/feed.ts';
import { oandaFeed } from '../node/oanda-feed.ts';
import { PipstreamNode } from '../node/node.ts';
import { loadStoredSetup, storedAccounts } from '../node/stored-setup.ts';
import { loadLimitsFile, type RiskLimits } from '../risk/mod.ts';
import { applyMigrations, connectPostgres, connectRedis, logRedisConnection, type Redis, type Sql } from '../store/mod.ts';
import { checkpointKey } from '../supervisor/checkpoint.ts';
import { Services, Streams } from '../switchboard/mod.ts';
import { badArgument, PAPER_BALANCE, parseBalance, parseFlags } from './args.ts';
import { loadWorkflowFile } from './replay-command.ts';

const USAGE = 'usage: pipstream run [--source file|oanda] [--ticks FILE] [--instrument EUR_USD] [--workflow FILE ...] [--speed 1000x] [--warm]\n' +
  '                    [--broker paper|oanda|none] [--limits FILE] [--balance AMOUNT] [--reconcile adopt|halt] [--webhook URL] [--gateway PORT]\n' +
  '                    [--persist]\n' +
  '  --source oanda streams live prices: OANDA_TOKEN and OANDA_ACCOUNT_ID required, OANDA_STREAM_URL defaults to the practice server\n' +
  '  --broker paper (default) fills at the triggering quote; oanda places orders through v20 REST (OANDA_REST_URL, default practice);\n' +
  '           none: signals only. Orders need Redis (the exactly-once claim). Limits stored in PostgreSQL (risk_limits)\n' +
  '           apply too, and follow every change. --reconcile: check the workflows\' accounts against the broker every minute.\n' +
  '  --balance AMOUNT: each account\'s starting cash, on which equity and drawdown are measured (default 100000 with the paper\n' +
  '           broker, 0 with oanda, whose balance --reconcile adopt takes).\n' +
  '  --webhook URL: alerts also go there, signed with HMAC-SHA256 (PIPSTREAM_WEBHOOK_SECRET), retried, dead-lettered.\n' +
  '  --gateway PORT: the gateway (REST, WebSocket, dashboard) in this process on PORT (0: any free port);\n' +
  '  --persist: the persistence actor in this process (journal -> PostgreSQL).';
const FLAGS = {
  source: {}, ticks: {}, instrument: {}, workflow: { repeat: true }, speed: {}, warm: { boolean: true }, broker: {}, limits: {}, balance: {}, reconcile: {}, webhook: {}, gateway: {}, persist: { boolean: true },
} as const;
const OANDA_PRACTICE_STREAM = 'https://stream-fxpractice.oanda.com';
const OANDA_PRACTICE_REST = 'https://api-fxpractice.oanda.com';
const CHECKPOINT_EVERY_MS = 5000;
const DEFAULT_TICKS = 'data/ticks/oanda-EUR_USD-2014-05.csv.gz';
const DEFAULT_WORKFLOWS = ['test/fixtures/workflows/price-cross-1.3850.json', 'test/fixtures/workflows/macd-cross-execute.json'];
/** What a run stops, in this order: what feeds a part before the part, the connections last. */
const STOP_ORDER = ['OANDA price stream', 'gateway', 'node', 'persistence', 'persistence\'s PostgreSQL pool', 'OANDA broker', 'PostgreSQL connection', 'Redis connection', 'bus'] as const;
type Part = (typeof STOP_ORDER)[number];
/** Each part gets this long to stop; one that takes longer is named, and the run exits without it. */
const STOP_PART_MS = 15_000;
/** Persistence commits what it holds for this long at a stop (it may hold a backlog of hundreds of thousands). */
const PERSIST_STOP_MS = 5_000;

export async function runRunCommand(argv: string[]): Promise<number> {
  const opts = parseFlags(argv, 'run', FLAGS, USAGE);
  const one = (k: keyof typeof FLAGS) => opts.get(k)?.[0];
  const ticksFile = one('ticks') ?? DEFAULT_TICKS;
  const instrument = assertInstrumentName(one('instrument') ?? 'EUR_USD');
  const speed = parseSpeed(one('speed') ?? '1000x');
  const source = one('source') ?? 'file';
  if (source !== 'file' && source !== 'oanda') badArgument(`--source must be file or oanda, got ${source}`, USAGE);
  const oanda = source === 'oanda' ? {
    streamUrl: nonEmpty(process.env.OANDA_STREAM_URL) ?? OANDA_PRACTICE_STREAM,
    token: nonEmpty(process.env.OANDA_TOKEN) ?? badArgument('--source oanda needs OANDA_TOKEN in the environment', USAGE),
    accountId: nonEmpty(process.env.OANDA_ACCOUNT_ID) ?? badArgument('--source oanda needs OANDA_ACCOUNT_ID in the environment', USAGE),
  } : null;
  const brokerName = one('broker') ?? 'paper';
  if (brokerName !== 'paper' && brokerName !== 'oanda' && brokerName !== 'none') badArgument(`--broker must be paper, oanda or none, got ${brokerName}`, USAGE);
  const limitsFile = one('limits');
  let limits: RiskLimits | null = null;
  try {
    limits = limitsFile === undefined ? null : loadLimitsFile(limitsFile);
  } catch (err) {
    badArgument((err as Error).message, USAGE);
  }
  const oandaBroker = brokerName !== 'oanda' ? null : createOandaBroker({
    restUrl: nonEmpty(process.env.OANDA_REST_URL) ?? OANDA_PRACTICE_REST,
    token: nonEmpty(process.env.OANDA_TOKEN) ?? badArgument('--broker oanda needs OANDA_TOKEN in the environment', USAGE),
    accountId: nonEmpty(process.env.OANDA_ACCOUNT_ID) ?? badArgument('--broker oanda needs OANDA_ACCOUNT_ID in the environment', USAGE),
  });
  const broker: Broker | null = brokerName === 'paper' ? new PaperBroker() : oandaBroker;
  const balanceText = one('balance');
  if (balanceText !== undefined && broker === null) badArgument('--balance is the trading accounts\': it needs a broker', USAGE);
  const balance = balanceText !== undefined ? parseBalance(balanceText, USAGE) : brokerName === 'paper' ? PAPER_BALANCE : 0;
  const reconcilePolicy = one('reconcile');
  if (reconcilePolicy !== undefined && reconcilePolicy !== 'adopt' && reconcilePolicy !== 'halt') {
    badArgument(`--reconcile must be adopt or halt, got ${reconcilePolicy}`, USAGE);
  }
  const webhookUrl = one('webhook');
  let webhook: Transport | null = null;
  try {
    webhook = webhookUrl === undefined ? null : webhookTransport({
      url: webhookUrl,
      secret: nonEmpty(process.env.PIPSTREAM_WEBHOOK_SECRET) ?? badArgument('--webhook needs PIPSTREAM_WEBHOOK_SECRET in the environment', USAGE),
    });
  } catch (err) {
    badArgument((err as Error).message, USAGE);
  }
  const gatewayFlag = one('gateway');
  const gatewayPort = gatewayFlag === undefined ? null : Number(gatewayFlag);
  if (gatewayPort !== null && !(Number.isInteger(gatewayPort) && gatewayPort >= 0 && gatewayPort <= 65535)) {
    badArgument(`--gateway must be a port number (0 for any free one), got ${gatewayFlag}`, USAGE);
  }
  const persist = one('persist') !== undefined;
  const workflows = await Promise.all((opts.get('workflow') ?? DEFAULT_WORKFLOWS).map(loadWorkflowFile));
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const say = (line: string) => process.stdout.write(`${line}\n`);

  const bus = await connectBus({ kind: 'auto', name: 'pipstream-node' });
  // Whatever has started is stopped however the run ends: a signal, the end of a live stream, a failure.
  const closers = new Map<Part, () => Promise<unknown>>([['bus', () => bus.close()]]);
  if (oandaBroker !== null) closers.set('OANDA broker', () => oandaBroker.close());
  let status: NodeJS.Timeout | undefined;
  /** Stops every part that started; what did not stop (or failed to), named. */
  async function stop(): Promise<string[]> {
    clearInterval(status);
    const unstopped: string[] = [];
    for (const part of STOP_ORDER) {
      const close = closers.get(part);
      if (close === undefined) continue;
      try {
        await withTimeout(Promise.resolve().then(close), STOP_PART_MS, `the ${part}`);
      } catch (err) {
        unstopped.push(isPipstreamError(err, 'PS_TIMEOUT') ? err.message : `the ${part}: ${(err as Error).message}`);
      }
    }
    return unstopped;
  }

  async function runUntilStopped(): Promise<number> {
    if (bus.fallbackReason !== null) say(bus.fallbackReason);
    let redis: Redis | null = null;
    try {
      redis = await connectRedis(config.redisUrl, {
        connectTimeoutMs: 2000,
        onConnection: logRedisConnection(logger),
      });
    } catch (err) {
      say(`Redis unavailable (${(err as Error).message.split('\n')[0]}); running without checkpoints`);
    }
    if (redis !== null) closers.set('Redis connection', redis.quit.bind(redis));
    let sql: Sql | null = null;
    try {
      sql = await connectPostgres(config.databaseUrl, { connectTimeoutMs: 2000, max: 2 });
      // Idempotent (recorded with checksums, under an advisory lock): the tables read below must exist.
      await applyMigrations(sql);
    } catch (err) {
      await sql?.end();
      sql = null;
      say(`PostgreSQL unavailable (${(err as Error).message.split('\n')[0]}); no stored workflows or instruments, risk limits from --limits only`);
    }
    if (sql !== null) closers.set('PostgreSQL connection', sql.end.bind(sql));
    // What users stored through the gateway runs again; a --workflow file wins over a stored workflow of the same account and id.
    const stored = sql === null ? null : await loadStoredSetup(sql);
    for (const s of stored?.skipped ?? []) say(`stored ${s.what} not run: ${s.code}: ${s.reason}`);
    const fromFiles = new Set(workflows.map((w) => `${w.account}/${w.id}`));
    const storedWorkflows = (stored?.workflows ?? []).filter((w) => !fromFiles.has(`${w.account}/${w.id}`));
    const instruments = [...new Set([instrument, ...(stored?.instruments ?? []), ...storedWorkflows.flatMap((w) => w.instruments)])];
    await bus.ensureStreams();
    const node = new PipstreamNode({
      bus, logger, redis, source: `run-${Date.now().toString(36)}`,
      onSignal: (s) => say(`signal ${s.type} ${s.instrument} ${s.side ?? ''} @ ${s.price} (${new Date(s.time_ms).toISOString()}) ` +
        `${s.workflow_id}/${s.node_id} id=${s.id}`),
    });
    closers.set('node', () => node.stop());
    await node.putWorkflows([...workflows, ...storedWorkflows]);
    const { warm, lastSeq } = await node.addInstrument(instrument, { warm: one('warm') !== undefined });
    for (const i of instruments) if (i !== instrument) await node.addInstrument(i, { warm: one('warm') !== undefined });
    const live = oanda === null ? null : oandaFeed({
      bus, ...oanda, instruments,
      onError: (err) => logger.warn({ code: err.code, err: err.message }, 'OANDA stream'),
    });
    if (live !== null) closers.set('OANDA price stream', () => live.stop());
    // A newly registered instrument: its actor starts, and a live feed streams it too.
    await node.listenControl({ live: true, onInstrument: () => live?.setInstruments(node.supervisor.instruments) });
    node.checkpointEvery(CHECKPOINT_EVERY_MS);
    const trade = broker === null ? null : redis === null ? (say('no Redis: orders off (signals only)'), null) : await node.startTrading({
      // Budget slots for every instrument the node runs or the limits whitelist (ones registered later get theirs then).
      redis, broker, risk: { limits: limits ?? undefined, instruments: [...new Set([...instruments, ...(limits?.instruments ?? [])])] },
      limitsStore: sql ?? undefined,
      // The database's registered accounts trade here too: their manual orders (journaled by the gateway) execute.
      directory: sql === null ? undefined : storedAccounts(sql),
      defaultBalance: balance,
      transportsFor: webhook === null ? undefined : () => [webhook],
      reconcile: reconcilePolicy === undefined ? undefined
        : { accounts: [...new Set(workflows.map((w) => w.account))], policy: reconcilePolicy as 'adopt' | 'halt' },
      onError: (err) => logger.warn({ code: err.code, err: err.message }, 'trade path'),
    });
    // A file replay reads only its own ticks (not a live feed's or another replay's on the same subject); the
    // other instruments take whatever live ticks arrive.
    await node.consumePrices(instrument, 'new', oanda === null ? { source: node.source } : {});
    for (const i of instruments) if (i !== instrument) await node.consumePrices(i, 'new');
    // The gateway and persistence open their own PostgreSQL and Redis connections (pools sized for them) and share the bus.
    // Both need PostgreSQL (and the gateway Redis): without them the node runs on, and says so in one line.
    const firstLine = (err: unknown) => (err as Error).message.split('\n')[0];
    let gateway: Gateway | null = null;
    if (gatewayPort !== null) {
      try {
        const started = await startGateway({ port: gatewayPort, bus, log: logger.child({ part: 'gateway' }) });
        closers.set('gateway', () => started.close());
        gateway = started;
      } catch (err) {
        say(`gateway not started: ${firstLine(err)}`);
      }
    }
    let persistence: PersistenceActor | null = null;
    if (persist) {
      let pool: Sql | null = null;
      try {
        pool = await connectPostgres(config.databaseUrl, { connectTimeoutMs: 2000, max: 4 });
        const actor = await startPersistence({ bus, sql: pool, onError: (err) => logger.warn({ code: err.code, err: err.message }, 'persistence') });
        closers.set('persistence', async () => {
          const left = Object.values(await actor.stop({ withinMs: PERSIST_STOP_MS })).reduce((a, b) => a + b, 0);
          if (left > 0) say(`persistence: ${left} journal events not in PostgreSQL yet are handed back to the journal for the next start`);
        });
        closers.set('persistence\'s PostgreSQL pool', pool.end.bind(pool));
        persistence = actor;
      } catch (err) {
        await pool?.end();
        say(`persistence not started: ${firstLine(err)}`);
      }
    }

    say(`pipstream node ${node.nodeId} running: ${instrument} actor on a worker thread (${warm ? `warm start at tick ${lastSeq}` : 'cold start'})`);
    if (instruments.length > 1) say(`  instruments  ${instruments.join(', ')} (registered ones take live ticks from ${Streams.PRICES.name})`);
    say(`  workflows    ${workflows.length} from files, ${storedWorkflows.length} stored (active versions in PostgreSQL)`);
    if (bus.kind === 'jetstream') {
      say(`  bus       JetStream ${config.natsUrl}; monitoring ${config.natsMonitorUrl}/jsz?streams=true  /connz  /varz`);
      say(`  services  $SRV.PING|INFO|STATS.${Services.instrumentActor}; actor status: ${Services.instrumentStatus(instrument)}`);
      say(`  streams   ticks -> ${Streams.PRICES.name} (${Streams.PRICES.subjects[0]}), signals -> ${Streams.SIGNALS.name} (${Streams.SIGNALS.subjects[0]})`);
    }
    if (trade !== null) {
      const limitsFrom = [limits === null ? '' : limitsFile, sql === null ? '' : 'PostgreSQL risk_limits (live)'].filter((x) => x !== '').join(' + ');
      say(`  orders    ${broker!.name} broker, risk limits: ${limitsFrom === '' ? 'none' : limitsFrom}` +
        `${reconcilePolicy === undefined ? '' : `, reconciled every minute (${reconcilePolicy})`}; journal -> ` +
        `${Streams.ORDERS.name}, ${Streams.RISK.name}, ${Streams.PORTFOLIO.name}; confirm with a request on confirmations.request.<account>`);
      say(`  accounts  the workflows'${sql === null ? '' : ', and every account registered in PostgreSQL (manual orders through the gateway)'}`);
      const { restored, unrestored, checkpointsLoaded } = trade.stats();
      if (restored + unrestored + checkpointsLoaded > 0) {
        say(`  book      ${broker!.name} book rebuilt from ${checkpointsLoaded === 0 ? '' : `its Redis checkpoint (${checkpointsLoaded} account${checkpointsLoaded === 1 ? '' : 's'}) and `}` +
          `${Streams.ORDERS.name}: ${restored} fills${checkpointsLoaded === 0 ? '' : ' after it'}` +
          `${unrestored === 0 ? '' : `, ${unrestored} not applied (closes of trades older than the journal, or repeats)`}`);
      }
    }
    if (gateway !== null) say(`  gateway   http://127.0.0.1:${gateway.port}/ (dashboard), REST /v1, WebSocket /v1/ws, /openapi.json`);
    if (persistence !== null) say(`  persist   the journal -> PostgreSQL ${config.databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
    if (redis !== null) say(`  checkpoints  every ${CHECKPOINT_EVERY_MS / 1000} s to Redis ${config.redisUrl} key ${checkpointKey(node.nodeId, instrument)}`);
    say(oanda === null
      ? `  replaying ${ticksFile} at ${speed === 0 ? 'max speed' : `${speed}x`} through ${Streams.PRICES.name}; Ctrl-C to stop`
      : `  streaming ${instruments.join(', ')} from ${oanda.streamUrl} (account ${oanda.accountId}) through ${Streams.PRICES.name}; Ctrl-C to stop`);

    status = setInterval(() => {
      const s = node.supervisor.stats(instrument);
      say(`[${new Date(s.last_tick_ms > 0 ? s.last_tick_ms : 0).toISOString()}] ${instrument} ticks ${s.ticks} bars ${s.bars} ` +
        `signals ${s.signals} rejected ${s.rejected_ticks} restarts ${s.restarts} tick p50 ${s.tick_handling.p50_ns} ns p99 ${s.tick_handling.p99_ns} ns`);
      if (trade !== null) {
        const o = trade.stats();
        const pos = trade.portfolio.positionsOf(workflows[0]?.account ?? '').map((p) => `${p.instrument} ${p.units} @ ${p.avgPrice.toFixed(5)}`).join(', ');
        // Signal ids are deterministic: a second run over the same file finds its orders already placed.
        say(`  orders ${o.orders} filled ${o.filled} rejected ${o.rejected} failed ${o.failed} already-executed ${o.duplicates} ` +
          `stops/targets hit ${o.closes} alerts ${o.alerts}${pos === '' ? '' : `; ${pos}`}`);
      }
    }, 2000);
    const interrupted = new AbortController();
    const signalled = new Promise<void>((resolve) => {
      const on = () => { interrupted.abort(); resolve(); };
      process.once('SIGINT', on);
      process.once('SIGTERM', on);
    });
    if (live !== null) {
      // A fatal stream error (401/403, unknown account) ends the run: stopped, then reported.
      await Promise.race([live.start(), signalled]);
    } else {
      // Ctrl-C during the replay ends it at once (a paced replay of the whole file takes hours), without waiting for the
      // acks of what it published: the bus's close waits for them, within its time limit.
      const replay = publishTicks(bus, instrument, node.source, replayTicks(ticksFile, speed, { signal: interrupted.signal }))
        .catch((err: unknown) => {
          if (!interrupted.signal.aborted) throw err;
          logger.warn({ err: (err as Error).message }, 'replay ended by the stop');
          return null;
        });
      const published = await Promise.race([replay, signalled.then(() => null)]);
      if (published !== null) say(`replay of ${published} ticks published; the node keeps running (Ctrl-C to stop)`);
    }
    await signalled;
    return 0;
  }

  let code = 1;
  try {
    code = await runUntilStopped();
  } finally {
    const unstopped = await stop();
    if (unstopped.length > 0) {
      process.stderr.write(`shutdown incomplete: ${unstopped.join('; ')}\n`);
      code = 1;
      // What did not stop may hold the event loop open: the process ends all the same, once its output is out.
      setTimeout(() => process.exit(), 1000).unref();
    }
  }
  return code;
}

const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
