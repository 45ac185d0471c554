import type { Bus, BusConsumer, BusMsg, DeliverFrom } from '../../engine/bus/mod.ts';
import { PipstreamError, isPipstreamError } from '../../engine/errors/mod.ts';
import { SignalMode, decodeSignalEvent, type Signal } from '../../engine/events/mod.ts';
import { deadLetterMessage } from '../../engine/events/dead-letter.ts';
import { type JournalMessage, notificationMessage } from '../../engine/events/trade.ts';
import { engineSignalOf } from '../../engine/node/journal.ts';
import type { EngineSignal } from '../../engine/supervisor/mod.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
import { notificationFor, type AlertSignal, type Notification } from './notification.ts';
import type { Transport } from './transport.ts';

export interface AlertActorOptions {
  bus: Bus;
  /** The transports of one account (in-app delivery is the bus notification itself, always on). */
  transportsFor: (account: string) => readonly Transport[];
  /** Durable consumer name on SIGNALS (acked progress survives restarts). Default 'alert'. */
  durable?: string;
  /** Where a new durable consumer starts on SIGNALS. Default 'all'. */
  deliver?: DeliverFrom;
  /** Accounts whose SIGNALS this actor takes up (a node: the accounts of its workflows). Default all. */
  owns?: (account: string) => boolean;
  /** How many notification ids are remembered for dedupe. Default 100000. */
  dedupeCapacity?: number;
  /** Background failures: dead letters that could not be published, undecodable messages. */
  onError?: (err: PipstreamError) => void;
}


/**
 * Turns SIGNAL_ALERT signals into notifications: published on `notifications.events.<account>`
 * (msgId = notification id) and sent through the account's transports. A transport that gives up
 * leaves a dead letter on `notifications.events.<account>.dlq`. Idempotent by notification id.
 */
export class AlertActor {
  private readonly seen = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private consumer: BusConsumer | null = null;
  private readonly capacity: number;
  private readonly counts = { notifications: 0, delivered: 0, dead_letters: 0 };

  constructor(private readonly o: AlertActorOptions) {
    this.capacity = o.dedupeCapacity ?? 100_000;
  }

  /** Starts consuming `workflow.signals.*`. */
  async start(): Promise<void> {
    if (this.consumer) return;
    this.consumer = await this.o.bus.consume('SIGNALS', Subjects.allSignals, (m) => this.onMessage(m),
      { durable: this.o.durable ?? 'alert', deliver: this.o.deliver });
  }

  /** Stops consuming, then waits for deliveries under way (retries included) to finish. */
  async stop(): Promise<void> {
    const c = this.consumer;
    this.consumer = null;
    await c?.close();
    await this.idle();
  }

  /** Resolves when every delivery started so far has finished (delivered or dead-lettered). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Notifications published, transport deliveries that succeeded and that ended as dead letters, deliveries under way. */
  stats(): { notifications: number; delivered: number; dead_letters: number; in_flight: number } {
    return { ...this.counts, in_flight: this.inFlight.size };
  }

  /**
   * Handles one signal; returns the notification, or null when the signal is not an alert or its
   * notification was already handled. Transports run in the background (see idle()).
   */
  handleSignal(s: EngineSignal): Notification | null {
    return s.type === 'SIGNAL_ALERT' ? this.notify(s) : null;
  }

  private onMessage(m: BusMsg): void {
    let s: Signal | null | undefined;
    try {
      s = decodeSignalEvent(m.data).signal;
    } catch (err) {
      this.o.onError?.(new PipstreamError('PS_ALERT_DELIVERY', `undecodable signal on ${m.subject}`,
        { transport: 'bus', retryable: false, subject: m.subject, seq: m.seq }, { cause: err }));
    }
    if (s && s.mode === SignalMode.SIGNAL_ALERT && (this.o.owns?.(s.account ?? '') ?? true)) this.notify(engineSignalOf(s));
    // Acked once queued: a slow webhook must not hold up every other account's alerts.
    m.ack();
  }

  private notify(s: AlertSignal): Notification | null {
    const n = notificationFor(s);
    if (this.seen.has(n.id)) return null;
    this.remember(n.id);
    const m = notificationMessage(n);
    this.o.bus.publishAsync(m.subject, m.data, m.msgId);
    this.counts.notifications++;
    for (const t of this.o.transportsFor(n.account)) {
      const p = this.deliver(t, n, m).finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
    return n;
  }

  private remember(id: string): void {
    this.seen.add(id);
    // Set iterates in insertion order: drop the oldest.
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value!);
  }

  private async deliver(t: Transport, n: Notification, m: JournalMessage): Promise<void> {
    try {
      await t.send(n);
      this.counts.delivered++;
    } catch (err) {
      this.counts.dead_letters++;
      const e = isPipstreamError(err) ? err
        : new PipstreamError('PS_ALERT_DELIVERY', `${t.name}: ${(err as Error)?.message ?? String(err)}`,
          { transport: t.name, retryable: false }, { cause: err });
      // The notification as journaled, and why this transport gave up on it.
      const letter = deadLetterMessage({
        subject: m.subject, stream: 'NOTIFY', seq: 0, data: m.data, consumer: `alert:${t.name}`, error: e, failedAtMs: Date.now(),
      }, n.id);
      try {
        await this.o.bus.publish(letter.subject, letter.data, { msgId: letter.msgId });
      } catch (pubErr) {
        this.o.onError?.(isPipstreamError(pubErr) ? pubErr
          : new PipstreamError('PS_BUS_PUBLISH', `dead letter for ${n.id} not published`, { subject: letter.subject }, { cause: pubErr }));
      }
    }
  }
}
