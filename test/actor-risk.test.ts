/**
 * What an instrument actor sees of its accounts (DESIGN §5, §7): the instrument-level risk checks of an
 * auto-execute signal run in the actor on the account's live limits (shared risk memory), and `position`
 * conditions see the positions the trade path reports. Real EUR/USD ticks, no services.
 */
import { randomBytes } from 'node:crypto';
import t, { type Test } from 'tap';
import { PaperBroker } from '../actors/execution/mod.ts';
import { connectBus } from '../engine/bus/mod.ts';
import { decodeSignalEvent } from '../engine/events/mod.ts';
import { publishTicks } from '../engine/node/feed.ts';
import { engineSignalOf } from '../engine/node/journal.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { connectRedis } from '../engine/store/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import {
  applyLimits, checkInstrumentOrder, createAccountRisk, instrumentChecks, type RiskLimits, RiskVerdict,
} from '../engine/risk/mod.ts';
import { type EngineSignal, Supervisor } from '../engine/supervisor/mod.ts';
import type { TickColumns } from '../engine/ticks/mod.ts';
import { validateWorkflow, type Workflow } from '../engine/workflow/mod.ts';
import { batchesOf, INSTRUMENT, OANDA_FILE, pushRange, referenceRun, silentLogger, ticksOf, waitFor } from './helpers/engine.ts';
import { probes, redisUrl, requireService } from './helpers/services.ts';

const N = 120_000;
const HALF = 60_000;
const LEVELS = [1.384, 1.385, 1.386, 1.387, 1.388, 1.389, 1.39];

/** Buys 1,000 on every up-cross and sells 1,000 on every down-cross of each level; alerts on the up-crosses too. */
function executeEverywhere(account: string, version = 1): Workflow {
  const nodes: unknown[] = [
    { id: 'buy', kind: 'action', type: 'execute', side: 'buy', units: 1000 },
    { id: 'sell', kind: 'action', type: 'execute', side: 'sell', units: 1000 },
    { id: 'note', kind: 'action', type: 'alert', side: 'buy' },
  ];
  const edges: Array<[string, string]> = [];
  LEVELS.forEach((level, i) => {
    nodes.push({ id: `up${i}`, kind: 'trigger', type: 'price_cross', level, direction: 'above' });
    nodes.push({ id: `down${i}`, kind: 'trigger', type: 'price_cross', level, direction: 'below' });
    edges.push([`up${i}`, 'buy'], [`down${i}`, 'sell'], [`up${i}`, 'note']);
  });
  return validateWorkflow({ id: 'everywhere', version, account, instruments: [INSTRUMENT], nodes, edges });
}

/** Alerts on every crossing while the account is long. */
function alertWhileLong(account: string, version = 1): Workflow {
  const nodes: unknown[] = [
    { id: 'long', kind: 'condition', type: 'position', state: 'long' },
    { id: 'note', kind: 'action', type: 'alert', side: 'buy' },
  ];
  const edges: Array<[string, string]> = [['long', 'note']];
  LEVELS.forEach((level, i) => {
    nodes.push({ id: `up${i}`, kind: 'trigger', type: 'price_cross', level, direction: 'above' });
    edges.push([`up${i}`, 'long']);
  });
  return validateWorkflow({ id: 'while-long', version, account, instruments: [INSTRUMENT], nodes, edges });
}

async function supervisor(signals: EngineSignal[]): Promise<Supervisor> {
  const sup = new Supervisor({ onSignal: (s) => signals.push(s), logger: silentLogger() });
  await sup.addInstrument(INSTRUMENT);
  return sup;
}

/** What the main thread's checks say of a signal's order under `limits` (the reference for the actor's). */
function expectedCheck(limits: RiskLimits, s: EngineSignal): EngineSignal['risk_check'] {
  const v = new RiskVerdict();
  const signed = s.side === 'sell' ? -s.units! : s.units!;
  checkInstrumentOrder(instrumentChecks(limits, INSTRUMENT), s.bid, s.ask, signed, v);
  const j = v.toJSON();
  return { approved: v.ok, reason: j.reason, limit: j.limit, value: j.value };
}

let ticks: TickColumns;
t.before(async () => {
  ticks = await ticksOf(OANDA_FILE);
});

t.test('instrument checks run in the actor, on the account\'s live limits', async (t) => {
  const signals: EngineSignal[] = [];
  const sup = await supervisor(signals);
  t.teardown(() => sup.stop());
  const first: RiskLimits = { max_order_units: 500 };
  const second: RiskLimits = { max_order_units: 5000, max_spread_pips: 1.2 };
  const risk = createAccountRisk(first, [INSTRUMENT]);
  sup.attachAccountRisk('acct-risk', risk.memory);
  sup.attachAccountRisk('acct-risk', risk.memory); // idempotent
  t.throws(() => sup.attachAccountRisk('acct-risk', createAccountRisk({}, [INSTRUMENT]).memory), { code: 'PS_BAD_ARGUMENT' });
  await sup.setWorkflows(INSTRUMENT, [executeEverywhere('acct-risk'), executeEverywhere('acct-free')]);

  await pushRange(sup, ticks, 0, HALF);
  await sup.drain(INSTRUMENT);
  const before = signals.length;
  applyLimits(risk, second);
  await pushRange(sup, ticks, HALF, N);
  await sup.drain(INSTRUMENT);

  const executes = (from: number, to: number, account: string) =>
    signals.slice(from, to).filter((s) => s.account === account && s.type === 'SIGNAL_AUTO_EXECUTE');
  const early = executes(0, before, 'acct-risk');
  const late = executes(before, signals.length, 'acct-risk');
  t.ok(early.length > 10 && late.length > 10, `orders on both sides of the change (${early.length}, ${late.length})`);
  t.ok(early.every((s) => s.risk_check?.approved === false && s.risk_check.reason === 'MAX_ORDER_UNITS' &&
    s.risk_check.limit === 500 && s.risk_check.value === 1000), 'before: every order over max_order_units, with limit and value');
  const mismatched = late.filter((s) => JSON.stringify(s.risk_check) !== JSON.stringify(expectedCheck(second, s)));
  t.same(mismatched.length, 0, 'after: each verdict is what the new limits give on that tick\'s quote');
  const spread = late.filter((s) => s.risk_check?.reason === 'MAX_SPREAD').length;
  t.ok(spread > 0 && spread < late.length, `the new spread limit rejects some (${spread} of ${late.length})`);

  t.ok(executes(0, signals.length, 'acct-free').every((s) => s.risk_check === null), 'an account without risk memory: not checked here');
  t.ok(signals.filter((s) => s.type === 'SIGNAL_ALERT').every((s) => s.risk_check === null), 'alerts carry no check');
});

t.test('risk memory attached later, and across a worker restart', async (t) => {
  const signals: EngineSignal[] = [];
  const sup = await supervisor(signals);
  t.teardown(() => sup.stop());
  await sup.setWorkflows(INSTRUMENT, [executeEverywhere('acct-late')]);
  await pushRange(sup, ticks, 0, 30_000);
  await sup.drain(INSTRUMENT);
  const unchecked = signals.length;
  t.ok(unchecked > 0 && signals.every((s) => s.risk_check == null), 'no memory yet: nothing checked');

  sup.attachAccountRisk('acct-late', createAccountRisk({ instruments: ['USD_JPY'] }, [INSTRUMENT, 'USD_JPY']).memory);
  await pushRange(sup, ticks, 30_000, 60_000);
  await sup.drain(INSTRUMENT);
  const attached = signals.slice(unchecked).filter((s) => s.type === 'SIGNAL_AUTO_EXECUTE');
  t.ok(attached.length > 0 && attached.every((s) => s.risk_check?.reason === 'INSTRUMENT_NOT_ALLOWED'),
    'attached to the running worker: not whitelisted');

  await sup.killWorker(INSTRUMENT);
  const restarted = signals.length;
  await pushRange(sup, ticks, 60_000, N);
  await sup.drain(INSTRUMENT);
  t.equal(sup.stats(INSTRUMENT).restarts, 1, 'the worker was restarted');
  const after = signals.slice(restarted).filter((s) => s.type === 'SIGNAL_AUTO_EXECUTE');
  t.ok(after.length > 0 && after.every((s) => s.risk_check?.reason === 'INSTRUMENT_NOT_ALLOWED'), 'the restarted worker has the memory too');
});

t.test('`position` conditions see the positions the trade path reports, across a program swap', async (t) => {
  const signals: EngineSignal[] = [];
  const sup = await supervisor(signals);
  t.teardown(() => sup.stop());
  await sup.setWorkflows(INSTRUMENT, [alertWhileLong('acct-pos'), alertWhileLong('acct-other')]);
  await pushRange(sup, ticks, 0, 40_000);
  await sup.drain(INSTRUMENT);
  t.equal(signals.length, 0, 'flat: no alert');

  sup.setPosition('acct-pos', INSTRUMENT, 1000);
  sup.setPosition('acct-pos', 'USD_JPY', -5); // another instrument's position changes nothing here
  await pushRange(sup, ticks, 40_000, 80_000);
  await sup.drain(INSTRUMENT);
  const long = signals.length;
  t.ok(long > 0 && signals.every((s) => s.account === 'acct-pos'), `long: the account's alerts fire (${long}), the other account's do not`);

  // A new version of the other workflow: the new program's tables carry the position over.
  await sup.setWorkflows(INSTRUMENT, [alertWhileLong('acct-other', 2), alertWhileLong('acct-pos')]);
  await pushRange(sup, ticks, 80_000, 100_000);
  await sup.drain(INSTRUMENT);
  const swapped = signals.length;
  t.ok(swapped > long && signals.slice(long).every((s) => s.account === 'acct-pos'), 'after the swap: still long');

  sup.setPosition('acct-pos', INSTRUMENT, 0);
  await pushRange(sup, ticks, 100_000, N);
  await sup.drain(INSTRUMENT);
  t.equal(signals.length, swapped, 'flat again: no alert');
});

/** Buys 1,000 on every up-cross of each level, but only while flat. */
function buyWhenFlat(account: string): Workflow {
  const nodes: unknown[] = [
    { id: 'flat', kind: 'condition', type: 'position', state: 'flat' },
    { id: 'buy', kind: 'action', type: 'execute', side: 'buy', units: 1000 },
  ];
  const edges: Array<[string, string]> = [['flat', 'buy']];
  LEVELS.forEach((level, i) => {
    nodes.push({ id: `up${i}`, kind: 'trigger', type: 'price_cross', level, direction: 'above' });
    edges.push([`up${i}`, 'flat']);
  });
  return validateWorkflow({ id: 'buy-when-flat', version: 1, account, instruments: [INSTRUMENT], nodes, edges });
}

/**
 * A node on the embedded bus with real Redis, trading on the paper broker under `account`'s limits (max order
 * units only), its EUR_USD actor running `workflows`; torn down with the test (its Redis records too).
 */
async function tradingNode(t: Test, tag: string, account: string, workflows: Workflow[]) {
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  const redis = await connectRedis(redisUrl());
  const signals: EngineSignal[] = [];
  const node = new PipstreamNode({ bus, logger: silentLogger(), nodeId: `n-${tag}`, onSignal: (s) => signals.push(s), services: false });
  t.teardown(async () => {
    await node.stop();
    if (signals.length > 0) await redis.del(...signals.map((s) => `pipstream:order:${s.id}`));
    await redis.quit();
    await bus.close();
  });
  await node.addInstrument(INSTRUMENT);
  await node.putWorkflows(workflows);
  const errors: string[] = [];
  await node.startTrading({
    redis, broker: new PaperBroker(), risk: { limits: { account, max_order_units: 100_000 }, instruments: [INSTRUMENT] },
    durablePrefix: `n-${tag}`, recover: false, onError: (e) => errors.push(`${e.code}: ${e.message}`),
  });
  return { bus, node, signals, errors, source: `n-${tag}` };
}

t.test('through a node: its fills reach `position` conditions, and its accounts\' orders are checked in the actor', async (t) => {
  if (!(await requireService(t, 'redis', probes.redis))) return;
  const tag = randomBytes(4).toString('hex');
  const account = `ar${tag}`;
  const wf = buyWhenFlat(account);
  const reference = (await referenceRun(ticks, [wf], N)).length;
  const { bus, node, signals, errors, source } = await tradingNode(t, tag, account, [wf]);
  await node.consumePrices(INSTRUMENT, 'all', { source });
  const CHUNK = 5_000;
  let firstFill = -1;
  for (let at = 0; at < N; at += CHUNK) {
    await publishTicks(bus, INSTRUMENT, source, batchesOf(ticks, at, Math.min(N, at + CHUNK)), at);
    t.ok(await waitFor(() => node.supervisor.stats(INSTRUMENT).ticks === Math.min(N, at + CHUNK), 60_000), `ticks to ${at + CHUNK} processed`);
    await node.supervisor.drain(INSTRUMENT);
    await node.trade!.idle();
    if (firstFill < 0 && node.trade!.stats().filled > 0) firstFill = signals.length;
  }
  t.same(errors, [], 'no errors');
  t.ok(reference > 20, `flat all along, the workflow would buy ${reference} times`);
  t.ok(firstFill > 0, `the first fill came after ${firstFill} buy signal(s) in its chunk`);
  t.equal(signals.length, firstFill, 'once the fill reached the actor, the position condition held off every later crossing');
  t.ok(signals.every((s) => s.risk_check?.approved === true), 'the account has limits: each order was checked in the actor, and passed');
  await bus.flush();
  const journaled: EngineSignal[] = [];
  const c = await bus.consume('SIGNALS', Subjects.signals(account), (m) => { journaled.push(engineSignalOf(decodeSignalEvent(m.data).signal!)); });
  t.ok(await waitFor(() => journaled.length === signals.length, 10_000), 'every signal journaled');
  await c.close();
  t.same(journaled.map((s) => s.risk_check), signals.map((s) => s.risk_check), 'with the actor\'s check, as a recovery or replay reads it');
  t.match(node.trade!.portfolio.positionsOf(account), [{ instrument: INSTRUMENT, units: 1000 * firstFill }], 'long by the buys made');
});

t.test('an instrument the node starts after its accounts\' budgets exist gets a slot in them: its orders are checked, not refused', async (t) => {
  if (!(await requireService(t, 'redis', probes.redis))) return;
  const tag = randomBytes(4).toString('hex');
  const account = `ai${tag}`;
  const LATE = 'GBP_USD';
  // Real EUR/USD ticks under another name: the instrument only labels the actor here.
  const wf = validateWorkflow({
    id: 'late', version: 1, account, instruments: [LATE],
    nodes: [
      ...LEVELS.map((level, i) => ({ id: `up${i}`, kind: 'trigger', type: 'price_cross', level, direction: 'above' })),
      { id: 'buy', kind: 'action', type: 'execute', side: 'buy', units: 1000 },
    ],
    edges: LEVELS.map((_, i) => [`up${i}`, 'buy']),
  });
  const { bus, node, signals, errors, source } = await tradingNode(t, tag, account, [wf]);
  t.same(node.trade!.execution.riskOf(account)!.instruments, [INSTRUMENT], 'the account\'s budget exists, without a slot for the late instrument');
  await node.addInstrument(LATE);
  await node.consumePrices(LATE, 'all', { source });
  await publishTicks(bus, LATE, source, batchesOf(ticks, 0, 40_000), 0);
  t.ok(await waitFor(() => node.supervisor.stats(LATE).ticks === 40_000, 60_000), 'ticks processed');
  await node.supervisor.drain(LATE);
  await node.trade!.idle();
  t.same(errors, []);
  t.ok(signals.length > 0, `${signals.length} orders`);
  t.ok(signals.every((s) => s.risk_check?.approved === true), 'checked in the actor on the account\'s limits, and passed');
  t.equal(node.trade!.stats().filled, signals.length, 'every one filled');
  t.same(node.trade!.execution.riskOf(account)!.instruments, [INSTRUMENT, LATE]);
});
