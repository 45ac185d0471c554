import { type Bus, type BusConsumer, type BusMsg, type BusSubscription, type DeliverFrom, readToEnd } from '../../engine/bus/mod.ts';
import { PipstreamError } from '../../engine/errors/mod.ts';
import { SignalMode, decodeSignalEvent, type Signal } from '../../engine/events/mod.ts';
import { orderIdFor, type OrderUpdateFields, orderUpdateMessage, readOrderUpdate } from '../../engine/events/trade.ts';
import { engineSignalOf } from '../../engine/node/journal.ts';
import type { EngineSignal } from '../../engine/supervisor/mod.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
import { MAX_CONFIRMATION_EXPIRY_S } from '../../engine/workflow/mod.ts';
import { DeadlineHeap } from './deadlines.ts';

/** DESIGN.md §8: the part of the order lifecycle this actor owns. */
export type ConfirmationState = 'PENDING_CONFIRMATION' | 'CONFIRMED' | 'EXPIRED' | 'REJECTED_BY_USER';

/** A signal waiting for the user. `id` is the signal id: the order's idempotency key (DESIGN.md §8). */
export interface PendingOrder {
  readonly id: string;
  /** Its id on ORDERS, kept when execution places it (orderIdFor(signal id, signal time)). */
  readonly order_id: string;
  readonly account: string;
  readonly instrument: string;
  readonly side: 'buy' | 'sell' | null;
  readonly units: number | null;
  readonly stop_loss_pips: number | null;
  readonly take_profit_pips: number | null;
  /** The signal's price and quote: informational only; execution re-prices (see onConfirmed). */
  readonly signal_price: number;
  readonly bid: number;
  readonly ask: number;
  readonly signal_time_ms: number;
  readonly workflow_id: string;
  readonly workflow_version: number;
  readonly node_id: string;
  readonly created_ms: number;
  readonly expires_ms: number;
  state: ConfirmationState;
  updated_ms: number;
}

/** What the gateway sends on `confirmations.request.<account>` (JSON). */
export interface ConfirmRequest {
  op: 'confirm' | 'reject';
  id: string;
  account: string;
}

/** The JSON reply. `state` is null when no order is visible to the caller. */
export interface ConfirmReply {
  ok: boolean;
  state: ConfirmationState | null;
  reason?: string;
  /** The execution hand-off's result, on a successful confirm. */
  outcome?: unknown;
}

export interface ConfirmationActorOptions<Outcome = unknown> {
  bus: Bus;
  /** Epoch ms. Default Date.now. */
  now?: () => number;
  /**
   * The execution hand-off, called once per confirmed order. The order was priced when the signal
   * fired, possibly long ago: the callee must re-run the risk checks at the current price before
   * submitting, and journals what follows (RISK_REJECTED, SUBMITTED, FILLED ...) itself.
   * Its result (or failure) is the confirm reply, repeated to every later confirm of the order.
   */
  onConfirmed: (order: Readonly<PendingOrder>) => Promise<Outcome>;
  /** Expiry when the signal carries none (the workflow action set no expiry_s). Default 30000, at most a day. */
  defaultExpiryMs?: number;
  /** Durable consumer name on SIGNALS. Default 'confirmation'. */
  durable?: string;
  /** Settled orders remembered for idempotent replies. Default 100000. */
  settledCapacity?: number;
  /** Undecodable signals, hand-off failures. */
  onError?: (err: PipstreamError) => void;
  /**
   * Rebuild pending and settled orders from the ORDERS journal at start (default true): a restarted
   * actor keeps its pending confirmations and their deadlines, and a replayed signal of an order already
   * confirmed, rejected or expired does not become pending again.
   */
  restore?: boolean;
  /**
   * The accounts whose orders the restore rebuilds (a node: its workflows' accounts; add more later with
   * restoreAccount()). Default every account's. A node must not hold another node's pending orders: it
   * would expire them and answer their confirm requests.
   */
  restoreAccounts?: () => Iterable<string>;
  /** How far back (wall clock) the restore reads ORDERS. Default a day: the longest expiry (MAX_CONFIRMATION_EXPIRY_S). */
  restoreWindowMs?: number;
  /** Where a new durable consumer starts on SIGNALS. Default 'all'. */
  deliver?: DeliverFrom;
  /** Accounts whose SIGNALS this actor takes up (a node: the accounts of its workflows). Default all. */
  owns?: (account: string) => boolean;
}

/** No pending order can be older than the longest expiry; a minute's margin for clocks and journal lag. */
const MAX_EXPIRY_MS = MAX_CONFIRMATION_EXPIRY_S * 1000;
const RESTORE_WINDOW_MS = MAX_EXPIRY_MS + 60_000;
const CONFIRMATION_STATES: ReadonlySet<string> = new Set(['PENDING_CONFIRMATION', 'CONFIRMED', 'EXPIRED', 'REJECTED_BY_USER']);

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * PENDING_CONFIRMATION signals -> pending orders that the user confirms or rejects through a
 * request on `confirmations.request.<account>`, or that expire. Every state change is journaled
 * on ORDERS. State is in memory: one instance serves all accounts (it is not a queue group).
 */
export class ConfirmationActor<Outcome = unknown> {
  private readonly orders = new Map<string, PendingOrder>();
  /** Confirm replies by order id: a repeated confirm gets the same (possibly still running) answer. */
  private readonly confirmReplies = new Map<string, Promise<ConfirmReply>>();
  private readonly deadlines = new DeadlineHeap();
  private readonly now: () => number;
  private readonly defaultExpiryMs: number;
  private readonly capacity: number;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private consumer: BusConsumer | null = null;
  private responder: BusSubscription | null = null;
  private readonly handoffs = new Set<Promise<unknown>>();
  /** Accounts restored or being restored (restoreAccounts), so each is read once. */
  private readonly restored = new Map<string, Promise<void>>();

  constructor(private readonly o: ConfirmationActorOptions<Outcome>) {
    this.now = o.now ?? Date.now;
    this.defaultExpiryMs = o.defaultExpiryMs ?? 30_000;
    this.capacity = o.settledCapacity ?? 100_000;
    if (!(Number.isFinite(this.defaultExpiryMs) && this.defaultExpiryMs > 0 && this.defaultExpiryMs <= MAX_EXPIRY_MS)) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `defaultExpiryMs must be > 0 and at most ${MAX_EXPIRY_MS} (a day)`, { defaultExpiryMs: this.defaultExpiryMs });
    }
  }

  /** Answers confirm requests; with `consume` (default true) also consumes `workflow.signals.*`. */
  async start(opts: { consume?: boolean } = {}): Promise<void> {
    if (this.o.restore !== false && !this.responder) await this.restore();
    this.responder ??= this.o.bus.respond(Subjects.confirmRequest('*'), (data, subject) => this.onRequest(data, subject));
    if (opts.consume !== false && !this.consumer) {
      this.consumer = await this.o.bus.consume('SIGNALS', Subjects.allSignals, (m) => this.onSignalMessage(m),
        { durable: this.o.durable ?? 'confirmation', deliver: this.o.deliver });
    }
  }

  /** Stops consuming and answering, disarms the expiry timer, waits for running hand-offs. */
  async stop(): Promise<void> {
    this.responder?.unsubscribe();
    this.responder = null;
    const c = this.consumer;
    this.consumer = null;
    await c?.close();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
    while (this.handoffs.size > 0) await Promise.allSettled([...this.handoffs]);
  }

  /** Rebuilds `orders` from the journal: every account's, or those of restoreAccounts. */
  private async restore(): Promise<void> {
    if (this.o.restoreAccounts === undefined) {
      this.armRestored(await this.restoreSubject(Subjects.orders('*')));
      return;
    }
    await Promise.all([...this.o.restoreAccounts()].map((a) => this.restoreAccount(a)));
  }

  /**
   * Rebuilds one account's pending and settled orders from the journal (once per account; later calls
   * resolve when that one is done). For an account a node takes on after it started.
   */
  restoreAccount(account: string): Promise<void> {
    let p = this.restored.get(account);
    if (p === undefined) {
      p = this.restoreSubject(Subjects.orders(account)).then((ids) => this.armRestored(ids), (err: unknown) => {
        this.restored.delete(account); // a later call tries again
        throw err;
      });
      this.restored.set(account, p);
    }
    return p;
  }

  /** Deadlines of the restored orders still pending (expireDue() skips those settled by then). */
  private armRestored(ids: ReadonlySet<string>): void {
    for (const id of ids) {
      const o = this.orders.get(id);
      if (o?.state === 'PENDING_CONFIRMATION') this.deadlines.push(o.expires_ms, o.id);
    }
    this.arm();
  }

  /**
   * Replays the confirmation states on `subject` of ORDERS, up to the stream's current end, into `orders`
   * (the journal is the truth). Returns the ids of the orders it restored.
   */
  private async restoreSubject(subject: string): Promise<Set<string>> {
    const ids = new Set<string>();
    await readToEnd(this.o.bus, 'ORDERS', subject, { startTimeMs: this.now() - (this.o.restoreWindowMs ?? RESTORE_WINDOW_MS) }, (m) => {
      try {
        const u = readOrderUpdate(m.data);
        if (CONFIRMATION_STATES.has(u.state)) {
          this.restoreOne(u);
          ids.add(u.signalId);
        }
      } catch (err) {
        this.o.onError?.(new PipstreamError('PS_CONFIRMATION', `undecodable ORDERS message ${m.seq} skipped while restoring`,
          { seq: m.seq }, { cause: err }));
      }
    });
    return ids;
  }

  private restoreOne(u: OrderUpdateFields): void {
    const known = this.orders.get(u.signalId);
    if (known !== undefined) {
      // States only move forward from PENDING_CONFIRMATION.
      if (known.state === 'PENDING_CONFIRMATION') {
        known.state = u.state as ConfirmationState;
        known.updated_ms = u.timeMs;
      }
      return;
    }
    this.orders.set(u.signalId, {
      id: u.signalId, account: u.account, instrument: u.instrument, side: u.side, units: u.units || null,
      stop_loss_pips: u.stopLossPips, take_profit_pips: u.takeProfitPips,
      signal_price: u.side === 'sell' ? u.bid : u.ask, bid: u.bid, ask: u.ask, signal_time_ms: u.timeMs, order_id: u.orderId,
      workflow_id: u.workflowId, workflow_version: u.workflowVersion, node_id: '', created_ms: u.timeMs,
      expires_ms: u.expiresMs ?? u.timeMs + this.defaultExpiryMs, state: u.state as ConfirmationState, updated_ms: u.timeMs,
    });
  }

  /** Orders held by state (settled ones while remembered), and the accounts restored from the journal. */
  stats(): Record<Lowercase<ConfirmationState>, number> & { held: number; restored_accounts: number } {
    const out = { held: this.orders.size, pending_confirmation: 0, confirmed: 0, expired: 0, rejected_by_user: 0, restored_accounts: this.restored.size };
    for (const o of this.orders.values()) out[o.state.toLowerCase() as Lowercase<ConfirmationState>]++;
    return out;
  }

  get(id: string): Readonly<PendingOrder> | undefined {
    return this.orders.get(id);
  }

  /**
   * Turns a PENDING_CONFIRMATION signal into a pending order. Returns null for any other signal,
   * a crossed quote, or a signal already seen (a redelivery does not create a second order).
   */
  handleSignal(s: EngineSignal): Readonly<PendingOrder> | null {
    if (s.type !== 'SIGNAL_PENDING_CONFIRMATION' || !s.tradeable || this.orders.has(s.id)) return null;
    const now = this.now();
    // A journaled signal need not come from a validated workflow: its expiry is held to what a restart restores.
    const expiryMs = s.expiry_s !== null && Number.isFinite(s.expiry_s) && s.expiry_s > 0 ? Math.min(s.expiry_s * 1000, MAX_EXPIRY_MS) : this.defaultExpiryMs;
    const order: PendingOrder = {
      id: s.id,
      account: s.account,
      instrument: s.instrument,
      side: s.side,
      units: s.units,
      stop_loss_pips: s.stop_loss_pips,
      take_profit_pips: s.take_profit_pips,
      signal_price: s.price,
      bid: s.bid,
      ask: s.ask,
      signal_time_ms: s.time_ms,
      order_id: orderIdFor(s.id, s.time_ms),
      workflow_id: s.workflow_id,
      workflow_version: s.workflow_version,
      node_id: s.node_id,
      created_ms: now,
      expires_ms: now + expiryMs,
      state: 'PENDING_CONFIRMATION',
      updated_ms: now,
    };
    this.orders.set(order.id, order);
    this.journal(order);
    this.deadlines.push(order.expires_ms, order.id);
    this.arm();
    this.evictSettled();
    return order;
  }

  /** Expires every pending order whose deadline has passed (the timer calls this; tests may too). */
  expireDue(): number {
    const now = this.now();
    let n = 0;
    for (const id of this.deadlines.popDue(now)) {
      const order = this.orders.get(id);
      if (order?.state === 'PENDING_CONFIRMATION') {
        this.settle(order, 'EXPIRED', now);
        n++;
      }
    }
    return n;
  }

  /** One confirm/reject request from `account` (the account the gateway authorized). */
  async decide(req: ConfirmRequest, account: string): Promise<ConfirmReply> {
    const order = this.orders.get(req.id);
    // Another account's order answers exactly like an unknown one: its existence is not disclosed.
    if (!order || order.account !== account || req.account !== account) {
      return { ok: false, state: null, reason: `no order ${req.id} for account ${account}` };
    }
    const now = this.now();
    // The deadline decides, not the timer: a confirm that arrives late never wins a race with it.
    if (order.state === 'PENDING_CONFIRMATION' && now >= order.expires_ms) this.settle(order, 'EXPIRED', now);
    if (req.op === 'confirm') return this.confirm(order, now);
    if (order.state === 'PENDING_CONFIRMATION') this.settle(order, 'REJECTED_BY_USER', now);
    return order.state === 'REJECTED_BY_USER' ? { ok: true, state: order.state }
      : { ok: false, state: order.state, reason: refusal(order) };
  }

  private confirm(order: PendingOrder, now: number): Promise<ConfirmReply> {
    const earlier = this.confirmReplies.get(order.id);
    if (earlier) return earlier;
    if (order.state !== 'PENDING_CONFIRMATION') {
      return Promise.resolve({ ok: false, state: order.state, reason: refusal(order) });
    }
    this.settle(order, 'CONFIRMED', now);
    const reply = this.handOff(order);
    this.confirmReplies.set(order.id, reply);
    return reply;
  }

  private async handOff(order: PendingOrder): Promise<ConfirmReply> {
    const run = Promise.resolve().then(() => this.o.onConfirmed(order));
    this.handoffs.add(run);
    try {
      return { ok: true, state: 'CONFIRMED', outcome: await run };
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      this.o.onError?.(new PipstreamError('PS_CONFIRMATION', `order ${order.id}: execution hand-off failed: ${message}`,
        { id: order.id, account: order.account }, { cause: err }));
      return { ok: false, state: 'CONFIRMED', reason: `confirmed, but the execution hand-off failed: ${message}` };
    } finally {
      this.handoffs.delete(run);
    }
  }

  private settle(order: PendingOrder, state: ConfirmationState, now: number): void {
    order.state = state;
    order.updated_ms = now;
    this.journal(order);
  }

  private journal(o: PendingOrder): void {
    const m = orderUpdateMessage({
      orderId: o.order_id, signalId: o.id, account: o.account, instrument: o.instrument, state: o.state, side: o.side, units: o.units ?? 0,
      timeMs: o.updated_ms, broker: '', price: null, reason: null, riskLimit: null, riskValue: null, stopLossPrice: null,
      takeProfitPrice: null, slippagePips: null, bid: o.bid, ask: o.ask, expiresMs: o.expires_ms, workflowId: o.workflow_id,
      workflowVersion: o.workflow_version, stopLossPips: o.stop_loss_pips, takeProfitPips: o.take_profit_pips, brokerTransactionId: null,
    });
    // Journal failures surface through the bus's onError / flush (publishAsync retries with the msgId).
    this.o.bus.publishAsync(m.subject, m.data, m.msgId);
  }

  /**
   * Every node's actor hears every request: only the one holding the order answers. An order this actor
   * does not hold (unknown here, or another account's) gets no answer at all, so the requester cannot tell
   * another account's order from one that does not exist (it times out either way).
   */
  private async onRequest(data: Uint8Array, subject: string): Promise<Uint8Array | null> {
    const account = subject.slice(subject.lastIndexOf('.') + 1);
    const req = parseRequest(data);
    if (typeof req === 'string') return enc.encode(JSON.stringify({ ok: false, state: null, reason: req }));
    const reply = await this.decide(req, account);
    return reply.state === null ? null : enc.encode(JSON.stringify(reply));
  }

  private onSignalMessage(m: BusMsg): void {
    let s: Signal | null | undefined;
    try {
      s = decodeSignalEvent(m.data).signal;
    } catch (err) {
      this.o.onError?.(new PipstreamError('PS_CONFIRMATION', `undecodable signal on ${m.subject}`,
        { subject: m.subject, seq: m.seq }, { cause: err }));
    }
    if (s && s.mode === SignalMode.SIGNAL_PENDING_CONFIRMATION && (this.o.owns?.(s.account ?? '') ?? true)) this.handleSignal(engineSignalOf(s));
    m.ack();
  }

  /** One timer for the earliest deadline; re-armed when an earlier one arrives or after firing. */
  private arm(): void {
    const next = this.deadlines.peek();
    if (next >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = next;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.expireDue();
      if (this.deadlines.size > 0) this.arm();
    }, Math.max(0, next - this.now()));
    this.timer.unref();
  }

  private evictSettled(): void {
    if (this.orders.size <= this.capacity) return;
    // Map iterates in insertion order: drop the oldest settled orders, never a pending one.
    for (const [id, o] of this.orders) {
      if (this.orders.size <= this.capacity) break;
      if (o.state === 'PENDING_CONFIRMATION') continue;
      this.orders.delete(id);
      this.confirmReplies.delete(id);
    }
  }
}

function refusal(o: PendingOrder): string {
  switch (o.state) {
    case 'EXPIRED': return `order ${o.id} expired at ${new Date(o.expires_ms).toISOString()}`;
    case 'REJECTED_BY_USER': return `order ${o.id} was already rejected`;
    case 'CONFIRMED': return `order ${o.id} was already confirmed`;
    default: return `order ${o.id} is ${o.state}`;
  }
}

function parseRequest(data: Uint8Array): ConfirmRequest | string {
  let v: unknown;
  try {
    v = JSON.parse(dec.decode(data));
  } catch {
    return 'malformed request: not JSON';
  }
  const r = v as Partial<ConfirmRequest> | null;
  if (!r || (r.op !== 'confirm' && r.op !== 'reject')) return 'malformed request: op must be "confirm" or "reject"';
  if (typeof r.id !== 'string' || r.id === '') return 'malformed request: id must be a non-empty string';
  if (typeof r.account !== 'string' || r.account === '') return 'malformed request: account must be a non-empty string';
  return { op: r.op, id: r.id, account: r.account };
}

/** Creates the actor and starts it (see ConfirmationActor.start). */
export async function startConfirmationActor<Outcome = unknown>(
  o: ConfirmationActorOptions<Outcome> & { consume?: boolean },
): Promise<ConfirmationActor<Outcome>> {
  const a = new ConfirmationActor<Outcome>(o);
  await a.start({ consume: o.consume });
  return a;
}
