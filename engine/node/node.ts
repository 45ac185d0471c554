import type { Logger } from 'pino';
import type { Bus, BusConsumer } from '../bus/mod.ts';
import { PipstreamError, isPipstreamError } from '../errors/mod.ts';
import { decodeEnvelope, decodeInstrumentRegisteredEvent, decodeWorkflowChangedEvent, wallMs } from '../events/mod.ts';
import type { Redis } from '../store/mod.ts';
import { type EngineSignal, loadCheckpoint, saveCheckpoint, Supervisor } from '../supervisor/mod.ts';
import { Subjects } from '../switchboard/mod.ts';
import { validateWorkflow, type Workflow } from '../workflow/mod.ts';
import type { MicroService } from '../bus/micro-service.ts';
import { registerActorService, registerTradeServices } from './actor-services.ts';
import { type AcceptedTick, TickReader } from './feed.ts';
import { bookCheckpointKey } from './book-checkpoint.ts';
import { rejectedTickMessage, signalMessage } from './journal.ts';
import type { AccountDirectory } from './stored-setup.ts';
import { TradePath, type TradePathOptions } from './trade-path.ts';

export interface NodeOptions {
  bus: Bus;
  logger: Logger;
  /** Name of this node (checkpoint keys, service metadata). */
  nodeId?: string;
  /** Tick source name used in tick dedupe ids (`<source>:<instrument>:<seq>`). */
  source?: string;
  instrumentsPerWorker?: number;
  /** Every signal, after it was queued for the journal. */
  onSignal?: (signal: EngineSignal) => void;
  /** Redis for checkpoints; null disables them. */
  redis?: Redis | null;
  /** Register each actor as a NATS service (needs a NATS bus). Default true when the bus is NATS. */
  services?: boolean;
}

/**
 * One pipstream node: a supervisor with its instrument actors, wired to the bus.
 * Signals and rejected ticks are journaled asynchronously (never awaited on the
 * hot path); control subjects add instruments and swap workflows; the live path
 * consumes ticks from JetStream.
 */
export class PipstreamNode {
  readonly supervisor: Supervisor;
  readonly bus: Bus;
  readonly nodeId: string;
  readonly source: string;
  readonly #log: Logger;
  readonly #redis: Redis | null;
  readonly #services: MicroService[] = [];
  readonly #consumers: BusConsumer[] = [];
  readonly #unsubscribe: (() => void)[] = [];
  readonly #workflows = new Map<string, Workflow>();
  /** Workflows per account (asked for every journaled signal: no walk over every workflow). */
  readonly #workflowsOf = new Map<string, number>();
  readonly #withServices: boolean;
  #trade: TradePath | null = null;

  constructor(opts: NodeOptions) {
    this.bus = opts.bus;
    this.#log = opts.logger;
    this.nodeId = opts.nodeId ?? 'node-1';
    this.source = opts.source ?? 'replay';
    this.#redis = opts.redis ?? null;
    this.#withServices = (opts.services ?? true) && opts.bus.nats !== null;
    const onSignal = opts.onSignal;
    this.supervisor = new Supervisor({
      instrumentsPerWorker: opts.instrumentsPerWorker,
      logger: opts.logger,
      onSignal: (s) => {
        const m = signalMessage(s, this.source);
        this.bus.publishAcked(m.subject, m.data, { msgId: m.msgId }, this.#journaled);
        this.#trade?.onSignal(s);
        onSignal?.(s);
      },
      onRejectedTick: (r) => {
        const m = rejectedTickMessage(r, this.source);
        this.bus.publishAsync(m.subject, m.data, m.msgId);
      },
    });
  }

  /**
   * A signal the journal did not take (after the bus's retries) is said, by id: it is then in no record, and an
   * order of it that failed in memory has no recovery consumer to run it again.
   */
  readonly #journaled = (err: PipstreamError | null): void => {
    if (err !== null) this.#log.error({ code: err.code, err: err.message, msg_id: err.details.msgId }, 'signal not journaled');
  };

  /**
   * Starts the trade path (execution, confirmations, alerts, portfolio): from now on the actors' signals
   * go to it in memory, and the ticks this node consumes mark its portfolio.
   */
  async startTrading(opts: Omit<TradePathOptions, 'bus' | 'logger' | 'nodeId' | 'quote' | 'takeAccount'> & { directory?: AccountDirectory }):
    Promise<TradePath> {
    if (this.#trade !== null) throw new PipstreamError('PS_BAD_ARGUMENT', 'the trade path is already running');
    const sup = this.supervisor;
    const { directory, ...tradeOpts } = opts;
    // A directory's accounts are this node's too (manual orders, no workflow needed). Those with a paper book
    // are rebuilt at start, so its stops keep working; the others when their first signal comes.
    const taken = new Set<string>();
    const atStart = new Set<string>();
    if (directory !== undefined) {
      const listed = await directory.list();
      for (const a of listed) taken.add(a);
      const book = opts.broker.book === undefined ? [] : await opts.redis.pipeline(listed.map((a) => ['exists', bookCheckpointKey(opts.broker.name, a)])).exec();
      for (const [i, a] of listed.entries()) if (book?.[i]?.[1] === 1) atStart.add(a);
    }
    this.#trade = await TradePath.start({
      // The journal's signals this node recovers are its own workflows' accounts' (a shared bus carries others'),
      // and its directory's.
      owns: (account) => taken.has(account) || this.#workflowsOf.has(account),
      accounts: () => new Set([...atStart, ...this.#workflowsOf.keys()]),
      takeAccount: directory === undefined ? undefined : async (account) => {
        if (!(await directory.has(account))) return false;
        taken.add(account);
        return true;
      },
      durablePrefix: `trade-${this.nodeId}`,
      // Budget slots for the instruments running now, from the start (a budget a rebuilt book needs may come before knowInstrument()).
      risk: { instruments: [...sup.instruments] },
      ...tradeOpts, bus: this.bus, logger: this.#log, nodeId: this.nodeId,
      // The actors see the accounts' limits and positions (DESIGN §5): instrument checks and `position` conditions.
      onAccountRisk: (account, memory) => {
        sup.attachAccountRisk(account, memory);
        opts.onAccountRisk?.(account, memory);
      },
      onPosition: (account, instrument, units) => {
        sup.setPosition(account, instrument, units);
        opts.onPosition?.(account, instrument, units);
      },
      quote: (instrument) => {
        if (!sup.instruments.includes(instrument)) return null;
        const st = sup.stats(instrument);
        return st.ticks > 0 ? { timeMs: st.last_tick_ms, bid: st.last_bid, ask: st.last_ask } : null;
      },
    });
    for (const i of sup.instruments) this.#trade.knowInstrument(i);
    for (const account of [...this.#workflowsOf.keys()]) await this.#trade.knowAccount(account);
    if (this.#withServices) this.#services.push(...await registerTradeServices(this.bus, this.#trade, this.nodeId));
    return this.#trade;
  }

  get trade(): TradePath | null { return this.#trade; }

  /** Starts an actor; with `warm`, from this node's Redis checkpoint when there is one. */
  async addInstrument(instrument: string, opts: { warm?: boolean } = {}): Promise<{ warm: boolean; lastSeq: number }> {
    if (this.supervisor.instruments.includes(instrument)) return { warm: false, lastSeq: -1 };
    let checkpoint = null;
    if (opts.warm === true && this.#redis !== null) {
      try {
        checkpoint = await loadCheckpoint(this.#redis, this.nodeId, instrument);
      } catch (err) {
        if (!isPipstreamError(err, 'PS_CHECKPOINT_INVALID')) throw err;
        this.#log.warn({ code: err.code, instrument }, `ignoring checkpoint: ${err.message}`);
      }
    }
    try {
      await this.supervisor.addInstrument(instrument, checkpoint ?? undefined);
    } catch (err) {
      if (checkpoint === null || !isPipstreamError(err, 'PS_CHECKPOINT_INVALID')) throw err;
      this.#log.warn({ code: err.code, instrument }, `ignoring checkpoint: ${err.message}`);
      checkpoint = null;
      await this.supervisor.addInstrument(instrument);
    }
    this.#trade?.knowInstrument(instrument);
    const covering = [...this.#workflows.values()].filter((w) => w.instruments.includes(instrument));
    if (covering.length > 0) await this.supervisor.setWorkflows(instrument, covering);
    if (this.#withServices) {
      const svc = await registerActorService(this.bus, this.supervisor, instrument, this.nodeId);
      if (svc !== null) this.#services.push(svc);
    }
    const lastSeq = this.supervisor.stats(instrument).last_seq;
    return { warm: checkpoint !== null, lastSeq };
  }

  /** Adds or replaces workflows (keyed by account and id) and swaps the programs of the instruments they touch. */
  async putWorkflows(workflows: Workflow[]): Promise<void> {
    // Their accounts' books first (a paper broker's, rebuilt from the journal): none of their orders before their history.
    if (this.#trade !== null) for (const account of new Set(workflows.map((w) => w.account))) await this.#trade.knowAccount(account);
    const touched = new Set<string>();
    for (const w of workflows) {
      const key = `${w.account}/${w.id}`;
      const old = this.#workflows.get(key);
      for (const i of old?.instruments ?? []) touched.add(i);
      for (const i of w.instruments) touched.add(i);
      this.#workflows.set(key, w);
      if (old === undefined) this.#workflowsOf.set(w.account, (this.#workflowsOf.get(w.account) ?? 0) + 1);
    }
    await this.#reprogram(touched);
  }

  async removeWorkflow(account: string, id: string): Promise<void> {
    const key = `${account}/${id}`;
    const old = this.#workflows.get(key);
    if (old === undefined) return;
    this.#workflows.delete(key);
    const left = this.#workflowsOf.get(account)! - 1;
    if (left === 0) this.#workflowsOf.delete(account);
    else this.#workflowsOf.set(account, left);
    await this.#reprogram(new Set(old.instruments));
  }

  async #reprogram(instruments: Set<string>): Promise<void> {
    const all = [...this.#workflows.values()];
    for (const instrument of instruments) {
      if (this.supervisor.instruments.includes(instrument)) await this.supervisor.setWorkflows(instrument, all);
    }
  }

  /**
   * Listens to the control subjects: `instrument.registered` starts an actor (and
   * its live price consumer when `live`; `onInstrument` then hears of it, e.g. for a live feed to
   * stream it) unless it runs already, `workflow.changed.<account>` validates
   * and hot-swaps a workflow version. Bad control messages are logged with their
   * error code and change nothing. Read from the CONTROL stream, from now on, one at a time in order: an
   * announcement made while this node was cut off from NATS is handled once it is back (core NATS dropped it).
   */
  async listenControl(opts: { live?: boolean; onInstrument?: (instrument: string) => void } = {}): Promise<void> {
    await this.#onControl(Subjects.instrumentRegistered, 'instrument.registered', async (data, _subject, log) => {
      const instrument = decodeInstrumentRegisteredEvent(data).instrumentRegistered?.instrument ?? '';
      if (this.supervisor.instruments.includes(instrument)) return;
      const { warm } = await this.addInstrument(instrument);
      if (opts.live === true) await this.consumePrices(instrument, 'new');
      opts.onInstrument?.(instrument);
      log.info({ instrument, warm }, 'instrument actor started');
    });
    await this.#onControl(Subjects.allWorkflowChanges, 'workflow.changed', async (data, subject, log) => {
      const ev = decodeWorkflowChangedEvent(data).workflowChanged;
      if (ev === null || ev === undefined) throw new PipstreamError('PS_WORKFLOW_INVALID', 'workflow.changed without a payload');
      if (ev.active === false) return this.removeWorkflow(ev.account ?? '', ev.workflowId ?? '');
      let json: unknown;
      try {
        json = JSON.parse(ev.documentJson ?? '');
      } catch (err) {
        throw new PipstreamError('PS_WORKFLOW_INVALID', `workflow document is not JSON: ${(err as Error).message}`);
      }
      const doc = validateWorkflow(json);
      if (Subjects.workflowChanged(doc.account) !== subject) {
        throw new PipstreamError('PS_WORKFLOW_INVALID', `workflow of account ${doc.account} published on ${subject}`, { subject });
      }
      await this.putWorkflows([doc]);
      log.info({ account: doc.account, workflow: doc.id, version: doc.version }, 'workflow swapped in');
    });
  }

  /**
   * A control consumer (stopped with the node) whose handling is logged with the event's correlation id; a failure
   * changes nothing and is logged with its code. The next announcement waits for the one being handled.
   */
  async #onControl(subject: string, what: string, handle: (data: Uint8Array, subject: string, log: Logger) => Promise<void>): Promise<void> {
    const consumer = await this.bus.consume('CONTROL', subject, (m) => {
      let log = this.#log;
      return (async () => {
        const env = decodeEnvelope(m.data);
        log = this.#log.child({ correlation_id: env.correlationId, event_id: env.eventId });
        await handle(m.data, m.subject, log);
      })().catch((err: Error & { code?: string }) => log.error({ code: err.code ?? 'PS_BAD_ARGUMENT', err: err.message }, `${what} rejected`));
    }, { deliver: 'new' });
    this.#consumers.push(consumer);
  }

  /**
   * The live path: consumes `prices.forex.<instrument>` from JetStream into the
   * actor's ring (waiting for ring space rather than dropping ticks). With `source`,
   * only ticks of that source (a replay's own ticks, not a live feed's on the same subject);
   * `onAccepted` hears every tick the actor took.
   */
  async consumePrices(instrument: string, deliver: 'all' | 'new' | { startSeq: number }, opts: { source?: string; onAccepted?: AcceptedTick } = {}):
    Promise<void> {
    const sup = this.supervisor;
    const reader = new TickReader(opts.source);
    const t = reader.tick;
    // Messages of one socket read arrive back to back: ring the worker once after them, not per tick.
    let ringing = false;
    const ring = () => { ringing = false; sup.wake(instrument); };
    // Only ticks the actor accepted (valid ones) mark the portfolio; the latency clock starts on arrival.
    const accepted = (timeMs: number, bid: number, ask: number, seq: number, arrivedMs: number) => {
      opts.onAccepted?.(timeMs, bid, ask, seq);
      const trade = this.#trade;
      if (trade === null) return;
      trade.tickReceived(instrument, seq, arrivedMs);
      trade.mark(instrument, timeMs, bid, ask);
    };
    const waitForRoom = async (timeMs: number, bid: number, ask: number, seq: number, arrivedMs: number) => {
      let r;
      do {
        sup.wake(instrument);
        await sup.room(instrument);
        r = sup.push(instrument, timeMs, bid, ask, seq);
      } while (r === 'full');
      if (r === 'ok') accepted(timeMs, bid, ask, seq, arrivedMs);
      sup.wake(instrument);
    };
    const consumer = await this.bus.consume('PRICES', Subjects.price(instrument), (msg) => {
      if (!reader.read(msg.data)) return;
      const arrivedMs = this.#trade === null ? 0 : wallMs();
      const r = sup.push(instrument, t.timeMs, t.bid, t.ask, t.seq);
      if (r === 'full') return waitForRoom(t.timeMs, t.bid, t.ask, t.seq, arrivedMs);
      if (r === 'ok') accepted(t.timeMs, t.bid, t.ask, t.seq, arrivedMs);
      if (!ringing) {
        ringing = true;
        queueMicrotask(ring);
      }
    }, { deliver });
    this.#consumers.push(consumer);
  }

  /** Copies every actor's newest snapshot to Redis. */
  async checkpoint(): Promise<number> {
    if (this.#redis === null) return 0;
    for (const i of this.supervisor.instruments) await saveCheckpoint(this.#redis, this.nodeId, this.supervisor.checkpoint(i));
    return this.supervisor.instruments.length;
  }

  /**
   * Checkpoints every `everyMs` in the background (a whole-process restart is then at most that far
   * behind). A failed checkpoint is logged with its code and retried at the next period.
   */
  checkpointEvery(everyMs: number): void {
    if (this.#redis === null) return;
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.checkpoint().catch((err: Error & { code?: string }) => {
        this.#log.warn({ code: err.code ?? 'PS_SERVICE_UNAVAILABLE', err: err.message }, 'checkpoint failed; retrying at the next period');
      }).finally(() => { running = false; });
    }, everyMs);
    timer.unref();
    this.#unsubscribe.push(() => clearInterval(timer));
  }

  /** Stops consumers and actors (draining them), journals the last signals, then checkpoints. */
  async stop(): Promise<void> {
    for (const u of this.#unsubscribe) u();
    for (const c of this.#consumers) await c.close();
    await this.supervisor.stop();
    await this.#trade?.stop();
    await this.checkpoint();
    for (const s of this.#services) await s.stop();
    await this.bus.flush();
  }
}
