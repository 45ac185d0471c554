/**
 * A trader's manual orders (POST /v1/accounts/{account}/orders, journaled by the gateway as signals) execute on
 * the node that serves the database, for accounts with no workflow anywhere: registered before the node started,
 * or after. A signal of an account the database does not know is left alone. A restart rebuilds the paper books
 * of those accounts at start. Real gateway, node, NATS JetStream, Redis and PostgreSQL (a throwaway schema).
 */
import { randomBytes } from 'node:crypto';
import t from 'tap';
import { PaperBroker } from '../actors/execution/mod.ts';
import { connectBus } from '../engine/bus/mod.ts';
import { withTimeout } from '../engine/errors/mod.ts';
import { EventType, encodeSignalEvent, makeEnvelope, newEventId, Side, SignalMode } from '../engine/events/mod.ts';
import { readOrderUpdate, type OrderUpdateFields } from '../engine/events/trade.ts';
import { bookCheckpointKey } from '../engine/node/book-checkpoint.ts';
import { publishTicks } from '../engine/node/feed.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { storedAccounts } from '../engine/node/stored-setup.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { batchesOf, INSTRUMENT, OANDA_FILE, silentLogger, ticksOf } from './helpers/engine.ts';
import { testGateway } from './helpers/gateway.ts';
import { CLOSE_MS, natsUrl } from './helpers/services.ts';

const WAIT_MS = 20_000;

t.test('manual orders of accounts without workflows execute on the node serving their database, and survive its restart', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const tag = randomBytes(4).toString('hex');
  const source = `manual-${tag}`;
  const errors: string[] = [];
  const before = await g.register(`before-${tag}@example.com`);
  const mine = [before.account];

  // The nodes' durables are this run's alone: the server deletes them a minute after it (as engine-services does).
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl(), durableInactiveMs: 60_000 });
  t.teardown(() => withTimeout(bus.close(), CLOSE_MS, 'closing the nodes\' bus'));
  const startNode = async (nodeId: string) => {
    const node = new PipstreamNode({ bus, logger: silentLogger(), nodeId, source, services: false });
    await node.addInstrument(INSTRUMENT);
    const trade = await node.startTrading({
      redis: g.redis, broker: new PaperBroker(), durablePrefix: nodeId, directory: storedAccounts(g.sql),
      onError: (e) => {
        // Other tests' poison signals on the shared bus reach this node's recovery consumer too (and are set aside).
        const subject = e.details.subject;
        if (typeof subject === 'string' && subject.startsWith('workflow.signals.') && !subject.includes(tag) &&
          !mine.some((a) => subject.endsWith(`.${a}`))) return;
        errors.push(`${e.code}: ${e.message}`);
      },
    });
    await node.consumePrices(INSTRUMENT, 'new', { source });
    return { node, trade };
  };
  // A restarted node keeps its id, and so its SIGNALS durable: it resumes where it stopped.
  const nodeId = `manual-${tag}`;
  const first = await startNode(nodeId);
  let firstStopped = false;
  t.teardown(async () => { if (!firstStopped) await withTimeout(first.node.stop(), CLOSE_MS, 'stopping the node'); });
  const after = await g.register(`after-${tag}@example.com`);
  mine.push(after.account);
  for (const a of [before.account, after.account]) t.teardown(() => g.redis.del(bookCheckpointKey('paper', a)));

  // Order outcomes as the trader's WebSocket would see them (ORDERS, per account).
  const outcomes = new Map<string, OrderUpdateFields[]>();
  const ghost = `ghost-${tag}`;
  for (const a of [before.account, after.account, ghost]) {
    outcomes.set(a, []);
    const sub = bus.subscribe(Subjects.orders(a), (m) => { outcomes.get(a)!.push(readOrderUpdate(m.data)); });
    t.teardown(() => sub.unsubscribe());
  }
  await bus.nats!.flush();
  const until = async (what: string, done: () => boolean) => {
    for (const deadline = Date.now() + WAIT_MS; !done();) {
      if (Date.now() > deadline) throw new Error(`${what} never happened (errors: ${errors.join('; ')})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  // The gateway takes an order once it has a price; the node's actor sees the same ticks.
  const ticks = await ticksOf(OANDA_FILE);
  await publishTicks(bus, INSTRUMENT, source, batchesOf(ticks, 0, 200), 0);
  const order = async (user: { account: string; access_token: string }, side: 'buy' | 'sell', units: number, expiryS?: number) => {
    const body = { instrument: INSTRUMENT, side, units, stop_loss_pips: 50, ...(expiryS === undefined ? {} : { expiry_s: expiryS }) };
    for (const deadline = Date.now() + WAIT_MS; ;) {
      const r = await g.call('POST', `/v1/accounts/${user.account}/orders`, { token: user.access_token, body });
      if (r.status === 202) return r.body as { signal_id: string; order_id: string; expires_at: string };
      if (r.status !== 409 || Date.now() > deadline) throw new Error(`order answered ${r.status}: ${JSON.stringify(r.body)}`);
      await new Promise((w) => setTimeout(w, 50));
    }
  };
  const filled = (account: string, signalId: string) => () => outcomes.get(account)!.some((u) => u.signalId === signalId && u.state === 'FILLED');

  // A signal of an account the database does not know, journaled before the others: left alone.
  await bus.publish(Subjects.signals(ghost), encodeSignalEvent({
    envelope: makeEnvelope(EventType.EVENT_TYPE_SIGNAL),
    signal: {
      id: newEventId(), account: ghost, workflowId: 'manual', nodeId: 'manual', triggerNodeId: 'manual', instrument: INSTRUMENT,
      mode: SignalMode.SIGNAL_AUTO_EXECUTE, timeMs: ticks.time[10], price: ticks.ask[10], bid: ticks.bid[10], ask: ticks.ask[10],
      side: Side.SIDE_BUY, units: 1000, tickSeq: 10, tradeable: true,
    },
  }));
  const placedAt = Date.now();
  const b1 = await order(before, 'buy', 1000);
  const expiresIn = Date.parse(b1.expires_at) - placedAt;
  t.ok(expiresIn >= 29_000 && expiresIn <= 31_000, `a manual order's time in force is 30 s unless the trader names one (expires_at ${b1.expires_at})`);
  for (const expiry_s of [0, -5, 3601, 'soon']) {
    const r = await g.call('POST', `/v1/accounts/${before.account}/orders`, { token: before.access_token, body: { instrument: INSTRUMENT, side: 'buy', units: 1, expiry_s } });
    t.match(r, { status: 400, body: { error: { code: 'PS_BAD_REQUEST', message: /expiry_s/ } } }, `expiry_s ${JSON.stringify(expiry_s)} refused with its path`);
  }
  await until('the first account\'s order filled', filled(before.account, b1.signal_id));
  t.pass('an account registered before the node started: its manual order filled');
  const a1 = await order(after, 'sell', 2500);
  await until('the second account\'s order filled', filled(after.account, a1.signal_id));
  t.pass('an account registered after: its manual order filled too');
  t.same(outcomes.get(ghost), [], 'the unknown account\'s signal placed no order');
  // The fill is journaled before the node books it: wait for the books.
  const holds = (trade: typeof first.trade, account: string, units: number) => () => trade.portfolio.positionsOf(account)[0]?.units === units;
  await until('the first account\'s position', holds(first.trade, before.account, 1000));
  await until('the second account\'s position', holds(first.trade, after.account, -2500));
  t.match(first.trade.portfolio.positionsOf(before.account), [{ instrument: INSTRUMENT, units: 1000 }]);
  t.match(first.trade.portfolio.positionsOf(after.account), [{ instrument: INSTRUMENT, units: -2500 }]);
  t.same(first.trade.portfolio.positionsOf(ghost), []);

  // An operator halts the second account through the gateway: its next order is refused, and the halt outlives the restart.
  const risk = (op: string, user = after) => g.call(op === 'status' ? 'GET' : 'POST', `/v1/accounts/${user.account}/risk${op === 'status' ? '' : `/${op}`}`,
    { token: user.access_token });
  t.match(await risk('status'), { status: 200, body: { ok: true, budget: false, halted: { manual: false, drawdown: false } } },
    'no limits, no budget: nothing halted');
  t.match(await risk('halt'), { status: 200, body: { ok: true, op: 'halt', budget: true, halted: { manual: true } } }, 'halted (the account gets a budget of its own)');
  const a2 = await order(after, 'sell', 100);
  await until("the halted account's order was refused", () => outcomes.get(after.account)!.some((u) => u.signalId === a2.signal_id && u.state === 'RISK_REJECTED'));
  t.match(outcomes.get(after.account)!.find((u) => u.signalId === a2.signal_id && u.state === 'RISK_REJECTED'), { reason: 'ACCOUNT_HALTED' },
    'its next order is refused: ACCOUNT_HALTED');

  // A restart: both paper books (stops included) are there at start, before any new order of theirs.
  await first.node.stop();
  firstStopped = true;
  // Meanwhile no node serves the accounts: an order with a 1 s time in force is refused once one is back, not traded late.
  const late = await order(before, 'buy', 300, 1);
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(late.expires_at) + 200 - Date.now())));
  const second = await startNode(nodeId);
  t.teardown(() => withTimeout(second.node.stop(), CLOSE_MS, 'stopping the second node'));
  t.match(second.trade.stats(), { checkpointsLoaded: 2 }, 'both books loaded from their checkpoints at start');
  t.match(second.trade.portfolio.positionsOf(before.account), [{ units: 1000 }]);
  t.match(second.trade.portfolio.positionsOf(after.account), [{ units: -2500 }]);
  t.match(await risk('status'), { status: 200, body: { halted: { manual: true } } }, 'the halt is still on after the restart');
  t.match(await risk('resume'), { status: 200, body: { halted: { manual: false } } }, 'until the owner resumes');
  const a3 = await order(after, 'buy', 500);
  await until('an order after the resume filled', filled(after.account, a3.signal_id));
  await until('the position after the resume', holds(second.trade, after.account, -2000));
  t.pass('then it trades again: -2,500 + 500');
  await until('the late order was refused', () => outcomes.get(before.account)!.some((u) => u.signalId === late.signal_id && u.state === 'RISK_REJECTED'));
  t.match(outcomes.get(before.account)!.find((u) => u.signalId === late.signal_id && u.state === 'RISK_REJECTED'), { reason: 'ORDER_EXPIRED', riskLimit: 1000 },
    'the order placed while no node ran, taken after its time in force: ORDER_EXPIRED');
  const b2 = await order(before, 'sell', 400);
  await until('an order after the restart filled', filled(before.account, b2.signal_id));
  await until('the position after the restart', holds(second.trade, before.account, 600));
  t.pass('and it trades on from the book it had: 1,000 - 400');
  t.same(errors, [], 'no trade path error');
});
