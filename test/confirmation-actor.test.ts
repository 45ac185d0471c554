import t, { type Test } from 'tap';
import fc from 'fast-check';
import { ConfirmationActor, startConfirmationActor, type ConfirmReply, type PendingOrder } from '../actors/confirmation/mod.ts';
import { orderIdFor, type OrderUpdateFields, readOrderUpdate } from '../engine/events/trade.ts';
import { connectBus, type Bus } from '../engine/bus/mod.ts';
import type { PipstreamError } from '../engine/errors/mod.ts';
import { EventType, Side, SignalMode, encodeSignalEvent, makeEnvelope } from '../engine/events/mod.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { MAX_CONFIRMATION_EXPIRY_S, workflowSchema } from '../engine/workflow/mod.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();
const T0 = 1_700_000_000_000;

function signal(over: Partial<EngineSignal> = {}): EngineSignal {
  return {
    id: '0190f5a3-0000-7000-8000-000000000001', type: 'SIGNAL_PENDING_CONFIRMATION', instrument: 'EUR_USD',
    time_ms: T0 - 5, workflow_id: 'wf-1', workflow_version: 3, node_id: 'buy-1', trigger_node_id: 'tick', account: 'acc1',
    price: 1.0871, bid: 1.087, ask: 1.0871, side: 'buy', units: 1000, stop_loss_pips: 20, take_profit_pips: 40,
    cooldown_s: null, expiry_s: null, tick_seq: 42, tradeable: true, ...over,
  };
}

interface Rig {
  bus: Bus;
  clock: { ms: number };
  actor: ConfirmationActor<string>;
  handed: PendingOrder[];
  errors: PipstreamError[];
  ask(body: unknown, account?: string): Promise<ConfirmReply>;
  /** The reply, or null when no actor answered within `ms` (it answers only for orders it holds). */
  tryAsk(body: unknown, account?: string, ms?: number): Promise<ConfirmReply | null>;
  journal(): Promise<OrderUpdateFields[]>;
}

async function rig(t: Test, o: { defaultExpiryMs?: number; realClock?: boolean; fail?: boolean; consume?: boolean } = {}): Promise<Rig> {
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  const clock = { ms: T0 };
  const handed: PendingOrder[] = [];
  const errors: PipstreamError[] = [];
  const actor = await startConfirmationActor<string>({
    bus,
    now: o.realClock ? undefined : () => clock.ms,
    defaultExpiryMs: o.defaultExpiryMs,
    consume: o.consume ?? false,
    onError: (e) => errors.push(e),
    onConfirmed: async (p) => {
      handed.push({ ...p });
      if (o.fail) throw new Error('broker down');
      return `filled ${p.id}`;
    },
  });
  t.teardown(async () => { await actor.stop(); await bus.close(); });
  return {
    bus, clock, actor, handed, errors,
    async ask(body, account = 'acc1') {
      const data = typeof body === 'string' ? enc.encode(body) : enc.encode(JSON.stringify(body));
      return JSON.parse(dec.decode(await bus.request(Subjects.confirmRequest(account), data, { timeoutMs: 2000 }))) as ConfirmReply;
    },
    async tryAsk(body, account = 'acc1', ms = 300) {
      try {
        return JSON.parse(dec.decode(await bus.request(Subjects.confirmRequest(account), enc.encode(JSON.stringify(body)), { timeoutMs: ms }))) as ConfirmReply;
      } catch (err) {
        if ((err as { code?: string }).code === 'PS_TIMEOUT') return null;
        throw err;
      }
    },
    async journal() {
      await bus.flush();
      const want = (await bus.streamInfo('ORDERS')).messages;
      const out: OrderUpdateFields[] = [];
      let done!: () => void;
      const all = new Promise<void>((r) => { done = r; });
      if (want === 0) done();
      const c = await bus.consume('ORDERS', 'orders.lifecycle.*', (m) => {
        out.push(readOrderUpdate(m.data));
        if (out.length === want) done();
      });
      await all;
      await c.close();
      return out;
    },
  };
}

const states = (j: OrderUpdateFields[], id: string) => j.filter((e) => e.signalId === id).map((e) => e.state);

t.test('a pending order takes its expiry from the signal, else the default', async (t) => {
  const r = await rig(t, { defaultExpiryMs: 45_000 });
  const a = r.actor.handleSignal(signal({ id: 'sig-a', expiry_s: 10 }));
  const b = r.actor.handleSignal(signal({ id: 'sig-b' }));
  t.equal(a?.state, 'PENDING_CONFIRMATION');
  t.equal(a?.id, 'sig-a', 'order id is the signal id (the idempotency key)');
  t.equal(a?.expires_ms, T0 + 10_000);
  t.equal(b?.expires_ms, T0 + 45_000);
  const j = await r.journal();
  t.same(j.map((e) => [e.signalId, e.state, e.timeMs]), [['sig-a', 'PENDING_CONFIRMATION', T0], ['sig-b', 'PENDING_CONFIRMATION', T0]]);
  t.match(j[0], { units: 1000, account: 'acc1', side: 'buy', expiresMs: T0 + 10_000, workflowId: 'wf-1', workflowVersion: 3, stopLossPips: 20 },
    'the pending order, its expiry and its workflow are journaled');
  t.equal(j[0]!.orderId, orderIdFor('sig-a', T0 - 5), 'the order id is derived from the signal (execution keeps it once confirmed)');
  const dup = await r.bus.publish(Subjects.orders('acc1'), enc.encode('{}'), { msgId: `${j[0]!.orderId}:PENDING_CONFIRMATION` });
  t.ok(dup.duplicate, 'journal msgId is <order id>:<state>');
});

t.test('the default expiry is 30 s', async (t) => {
  const r = await rig(t);
  t.equal(r.actor.handleSignal(signal())?.expires_ms, T0 + 30_000);
});

t.test('no order waits longer than a day, the window a restart restores', async (t) => {
  t.equal(MAX_CONFIRMATION_EXPIRY_S, (workflowSchema as any).$defs.confirm.properties.expiry_s.maximum, 'the schema says the same');
  const r = await rig(t);
  t.equal(r.actor.handleSignal(signal({ id: 'sig-long', expiry_s: 3 * 86_400 }))?.expires_ms, T0 + MAX_CONFIRMATION_EXPIRY_S * 1000,
    'a journaled signal with a longer expiry (not from a validated workflow) is held to a day');
  t.throws(() => new ConfirmationActor({ bus: r.bus, onConfirmed: async () => null, defaultExpiryMs: MAX_CONFIRMATION_EXPIRY_S * 1000 + 1 }),
    { code: 'PS_BAD_ARGUMENT' });
});

t.test('confirm before expiry: CONFIRMED, hand-off once, repeated confirms get the same reply', async (t) => {
  const r = await rig(t);
  r.actor.handleSignal(signal({ id: 'sig-c' }));
  r.clock.ms += 29_999;
  const [first, concurrent] = await Promise.all([
    r.ask({ op: 'confirm', id: 'sig-c', account: 'acc1' }),
    r.ask({ op: 'confirm', id: 'sig-c', account: 'acc1' }),
  ]);
  t.same(first, { ok: true, state: 'CONFIRMED', outcome: 'filled sig-c' });
  t.same(concurrent, first);
  t.same(await r.ask({ op: 'confirm', id: 'sig-c', account: 'acc1' }), first);
  t.equal(r.handed.length, 1, 'onConfirmed called once');
  t.equal(r.handed[0]!.state, 'CONFIRMED');
  t.equal(r.handed[0]!.side, 'buy');
  const rej = await r.ask({ op: 'reject', id: 'sig-c', account: 'acc1' });
  t.same(rej, { ok: false, state: 'CONFIRMED', reason: 'order sig-c was already confirmed' });
  r.clock.ms += 10_000;
  t.equal(r.actor.expireDue(), 0, 'a confirmed order does not expire');
  t.same(states(await r.journal(), 'sig-c'), ['PENDING_CONFIRMATION', 'CONFIRMED']);
});

t.test('reject: REJECTED_BY_USER, idempotent, a later confirm is refused', async (t) => {
  const r = await rig(t);
  r.actor.handleSignal(signal({ id: 'sig-r' }));
  t.same(await r.ask({ op: 'reject', id: 'sig-r', account: 'acc1' }), { ok: true, state: 'REJECTED_BY_USER' });
  t.same(await r.ask({ op: 'reject', id: 'sig-r', account: 'acc1' }), { ok: true, state: 'REJECTED_BY_USER' });
  t.same(await r.ask({ op: 'confirm', id: 'sig-r', account: 'acc1' }),
    { ok: false, state: 'REJECTED_BY_USER', reason: 'order sig-r was already rejected' });
  t.equal(r.handed.length, 0);
  t.same(states(await r.journal(), 'sig-r'), ['PENDING_CONFIRMATION', 'REJECTED_BY_USER']);
});

t.test('expiry: EXPIRED journaled, a late confirm answers expired', async (t) => {
  const r = await rig(t);
  r.actor.handleSignal(signal({ id: 'sig-e', expiry_s: 5 }));
  r.actor.handleSignal(signal({ id: 'sig-f', expiry_s: 60 }));
  r.clock.ms += 4_999;
  t.equal(r.actor.expireDue(), 0);
  r.clock.ms += 1;
  t.equal(r.actor.expireDue(), 1);
  t.equal(r.actor.get('sig-e')?.state, 'EXPIRED');
  t.equal(r.actor.get('sig-f')?.state, 'PENDING_CONFIRMATION');
  const late = await r.ask({ op: 'confirm', id: 'sig-e', account: 'acc1' });
  t.same(late, { ok: false, state: 'EXPIRED', reason: `order sig-e expired at ${new Date(T0 + 5_000).toISOString()}` });
  t.equal(r.handed.length, 0);
  const j = await r.journal();
  t.same(states(j, 'sig-e'), ['PENDING_CONFIRMATION', 'EXPIRED']);
  t.equal(j.find((e) => e.state === 'EXPIRED')?.timeMs, T0 + 5_000);
});

t.test('the deadline decides even before the timer fires', async (t) => {
  const r = await rig(t);
  r.actor.handleSignal(signal({ id: 'sig-l', expiry_s: 1 }));
  r.clock.ms += 1_000;
  const late = await r.ask({ op: 'confirm', id: 'sig-l', account: 'acc1' });
  t.equal(late.state, 'EXPIRED');
  t.equal(late.ok, false);
  t.equal(r.handed.length, 0);
  t.same(states(await r.journal(), 'sig-l'), ['PENDING_CONFIRMATION', 'EXPIRED']);
});

t.test('the expiry timer auto-cancels with the real clock', async (t) => {
  const r = await rig(t, { realClock: true, defaultExpiryMs: 30 });
  r.actor.handleSignal(signal({ id: 'sig-t1' }));
  r.actor.handleSignal(signal({ id: 'sig-t2', expiry_s: 0.06 }));
  r.actor.handleSignal(signal({ id: 'sig-t3', expiry_s: 3600 }));
  await new Promise((res) => setTimeout(res, 150));
  t.equal(r.actor.get('sig-t1')?.state, 'EXPIRED');
  t.equal(r.actor.get('sig-t2')?.state, 'EXPIRED');
  t.equal(r.actor.get('sig-t3')?.state, 'PENDING_CONFIRMATION');
});

t.test('another account cannot see or decide an order: it gets no answer, exactly like an unknown order', async (t) => {
  const r = await rig(t);
  r.actor.handleSignal(signal({ id: 'sig-x' }));
  t.equal(await r.tryAsk({ op: 'confirm', id: 'nope', account: 'acc2' }, 'acc2'), null, 'unknown order: no answer');
  t.equal(await r.tryAsk({ op: 'confirm', id: 'sig-x', account: 'acc2' }, 'acc2'), null, "another account's order: no answer either");
  t.equal(await r.tryAsk({ op: 'reject', id: 'sig-x', account: 'acc1' }, 'acc2'), null, 'the body account must match the subject account');
  t.equal(await r.tryAsk({ op: 'confirm', id: 'sig-x', account: 'acc2' }, 'acc1'), null, "even on the owner's subject");
  t.match(await r.actor.decide({ op: 'confirm', id: 'nope', account: 'acc1' }, 'acc1'), { ok: false, state: null },
    'decide() itself says why (for a caller in this process)');
  t.equal(r.actor.get('sig-x')?.state, 'PENDING_CONFIRMATION');
  t.equal(r.handed.length, 0);
});

t.test('malformed requests get a reason', async (t) => {
  const r = await rig(t);
  t.same(await r.ask('{nope'), { ok: false, state: null, reason: 'malformed request: not JSON' });
  t.match(await r.ask({ op: 'cancel', id: 'x', account: 'acc1' }), { ok: false, reason: /op must be/ });
  t.match(await r.ask({ op: 'confirm', account: 'acc1' }), { ok: false, reason: /id must be/ });
});

t.test('duplicate signals: one pending order, one journal entry; other signals are ignored', async (t) => {
  const r = await rig(t);
  t.ok(r.actor.handleSignal(signal({ id: 'sig-d' })));
  r.clock.ms += 1000;
  t.equal(r.actor.handleSignal(signal({ id: 'sig-d' })), null);
  t.equal(r.actor.get('sig-d')?.created_ms, T0);
  t.equal(r.actor.handleSignal(signal({ id: 'sig-alert', type: 'SIGNAL_ALERT' })), null);
  t.equal(r.actor.handleSignal(signal({ id: 'sig-auto', type: 'SIGNAL_AUTO_EXECUTE' })), null);
  t.equal(r.actor.handleSignal(signal({ id: 'sig-crossed', tradeable: false })), null);
  const j = await r.journal();
  t.same(j.map((e) => e.signalId), ['sig-d']);
});

t.test('a failed hand-off: CONFIRMED stays, the reply says why, the failure is reported once', async (t) => {
  const r = await rig(t, { fail: true });
  r.actor.handleSignal(signal({ id: 'sig-h' }));
  const first = await r.ask({ op: 'confirm', id: 'sig-h', account: 'acc1' });
  t.same(first, { ok: false, state: 'CONFIRMED', reason: 'confirmed, but the execution hand-off failed: broker down' });
  t.same(await r.ask({ op: 'confirm', id: 'sig-h', account: 'acc1' }), first);
  t.equal(r.handed.length, 1);
  t.same(r.errors.map((e) => e.code), ['PS_CONFIRMATION']);
});

t.test('signals consumed from SIGNALS: pending confirmations only, redelivery deduplicated', async (t) => {
  const r = await rig(t, { consume: true });
  const publishSignal = (id: string, mode: SignalMode, msgId: string, over: { expiryS?: number; tradeable?: boolean } = {}) =>
    r.bus.publish(Subjects.signals('acc1'), encodeSignalEvent({
      envelope: makeEnvelope(EventType.EVENT_TYPE_SIGNAL, { eventId: id }),
      signal: {
        id, account: 'acc1', instrument: 'EUR_USD', mode, side: Side.SIDE_SELL, units: 500, price: 1.087, timeMs: T0 - 5, tradeable: true,
        ...over,
      },
    }), { msgId });
  await publishSignal('sig-p', SignalMode.SIGNAL_PENDING_CONFIRMATION, 'sig-p');
  await publishSignal('sig-p', SignalMode.SIGNAL_PENDING_CONFIRMATION, 'sig-p-again'); // as a redelivery would
  await publishSignal('sig-q', SignalMode.SIGNAL_ALERT, 'sig-q');
  await publishSignal('sig-r', SignalMode.SIGNAL_PENDING_CONFIRMATION, 'sig-r', { expiryS: 12 });
  await publishSignal('sig-s', SignalMode.SIGNAL_PENDING_CONFIRMATION, 'sig-s', { tradeable: false });
  for (let i = 0; i < 100 && !r.actor.get('sig-r'); i++) await new Promise((res) => setTimeout(res, 5));
  await new Promise((res) => setTimeout(res, 20));
  const p = r.actor.get('sig-p');
  t.equal(p?.state, 'PENDING_CONFIRMATION');
  t.equal(p?.side, 'sell');
  t.equal(p?.units, 500);
  t.equal(p?.expires_ms, T0 + 30_000, 'a signal without expiry_s gets the default');
  t.equal(r.actor.get('sig-r')?.expires_ms, T0 + 12_000, "the workflow action's expiry_s travels on the signal");
  t.equal(r.actor.get('sig-q'), undefined);
  t.equal(r.actor.get('sig-s'), undefined, 'a signal on a crossed quote (tradeable false) never becomes an order');
  t.same((await r.journal()).map((e) => e.signalId), ['sig-p', 'sig-r']);
  t.same(await r.ask({ op: 'confirm', id: 'sig-p', account: 'acc1' }), { ok: true, state: 'CONFIRMED', outcome: 'filled sig-p' });
});

t.test('property: exactly the orders whose deadline has passed are expired', async (t) => {
  const r = await rig(t);
  let n = 0;
  await fc.assert(fc.asyncProperty(
    fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 40 }),
    fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 10 }),
    async (expiries, steps) => {
      const start = r.clock.ms;
      const ids = expiries.map((s) => {
        const id = `prop-${++n}`;
        r.actor.handleSignal(signal({ id, expiry_s: s }));
        return { id, deadline: start + s * 1000 };
      });
      for (const step of steps) {
        r.clock.ms += step;
        r.actor.expireDue();
        for (const o of ids) {
          const want = o.deadline <= r.clock.ms ? 'EXPIRED' : 'PENDING_CONFIRMATION';
          if (r.actor.get(o.id)?.state !== want) return false;
        }
      }
      r.clock.ms += 121_000;
      r.actor.expireDue();
      return ids.every((o) => r.actor.get(o.id)?.state === 'EXPIRED');
    },
  ), { numRuns: 100 });
  t.pass('property held');
});

t.test('a restarted actor rebuilds its orders from ORDERS: pending ones keep their deadline, decided ones stay decided', async (t) => {
  const r = await rig(t);
  r.actor.handleSignal(signal({ id: 'sig-keep', expiry_s: 20 }));
  r.actor.handleSignal(signal({ id: 'sig-no', expiry_s: 20 }));
  r.actor.handleSignal(signal({ id: 'sig-gone', expiry_s: 5 }));
  t.match(await r.ask({ op: 'reject', id: 'sig-no', account: 'acc1' }), { ok: true, state: 'REJECTED_BY_USER' });
  r.clock.ms += 6_000;
  r.actor.expireDue();
  await r.actor.stop();
  await r.bus.flush();
  const errors: PipstreamError[] = [];
  const again = await startConfirmationActor<string>({
    bus: r.bus, now: () => r.clock.ms, consume: false, onError: (e) => errors.push(e), onConfirmed: async (p) => `filled ${p.id}`,
  });
  t.teardown(() => again.stop());
  t.match(again.get('sig-keep'), { state: 'PENDING_CONFIRMATION', expires_ms: T0 + 20_000, units: 1000, side: 'buy', account: 'acc1' });
  t.equal(again.get('sig-no')?.state, 'REJECTED_BY_USER');
  t.equal(again.get('sig-gone')?.state, 'EXPIRED');
  t.equal(again.handleSignal(signal({ id: 'sig-no' })), null, 'a replayed signal of a decided order does not become pending again');
  r.clock.ms = T0 + 20_000;
  t.equal(again.expireDue(), 1, 'the restored deadline still expires the pending order');
  t.equal(again.get('sig-keep')?.state, 'EXPIRED');
  t.same(errors, []);
});

t.test('restoreAccounts: a node rebuilds only its own accounts\' orders, and another account\'s when it takes it on', async (t) => {
  const r = await rig(t);
  r.actor.handleSignal(signal({ id: 'sig-mine', expiry_s: 20 }));
  r.actor.handleSignal(signal({ id: 'sig-theirs', account: 'acc2', expiry_s: 20 }));
  await r.actor.stop();
  await r.bus.flush();
  const again = await startConfirmationActor<string>({
    bus: r.bus, now: () => r.clock.ms, consume: false, restoreAccounts: () => ['acc1'], onConfirmed: async (p) => `filled ${p.id}`,
  });
  t.teardown(() => again.stop());
  t.equal(again.get('sig-mine')?.state, 'PENDING_CONFIRMATION', 'its own account\'s pending order is back');
  t.equal(again.get('sig-theirs'), undefined, 'another account\'s is not held');
  t.equal(await r.tryAsk({ op: 'confirm', id: 'sig-theirs', account: 'acc2' }, 'acc2'), null, 'so its confirm requests go unanswered here');
  r.clock.ms = T0 + 20_000;
  t.equal(again.expireDue(), 1, 'only its own order expires');
  t.same(states(await r.journal(), 'sig-theirs'), ['PENDING_CONFIRMATION'], 'the other account\'s order is not expired by this node');

  r.clock.ms = T0 + 10_000;
  await Promise.all([again.restoreAccount('acc2'), again.restoreAccount('acc2')]);
  t.match(again.get('sig-theirs'), { state: 'PENDING_CONFIRMATION', account: 'acc2', expires_ms: T0 + 20_000 }, 'taken on: restored');
  t.match(await r.ask({ op: 'confirm', id: 'sig-theirs', account: 'acc2' }, 'acc2'), { ok: true, state: 'CONFIRMED' }, 'and answered');
});
