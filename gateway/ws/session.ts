/**
 * One WebSocket client and its slow-client policy. Below the backpressure threshold everything is sent
 * at once. Above it, prices are conflated (one pending update per instrument, the latest wins) and
 * reliable messages (orders, confirmations, replies) are queued; when that bounded queue overflows the
 * client is closed with WS_CLOSE_SLOW_CONSUMER rather than silently losing an order update.
 *
 * "At once" means at the end of the bus messages that arrived together: the hub's NATS callbacks run for
 * every message of one socket read in a row, and a client's frames from that read go out corked, in one
 * write, from a microtask after the last of them. On loopback a write costs several µs (the kernel runs the
 * receiver's TCP path in the sender's call), far more than the frame; a server that has fallen behind reads
 * many ticks at a time, so it catches up instead of paying one write per frame per client. A tick that
 * arrives alone is still sent before anything else runs: no timer, no added latency.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'uWebSockets.js';
import type { Principal } from '../http/route.ts';

/** Close code for a client whose never-dropped queue overflowed (4000-4999: application codes). */
export const WS_CLOSE_SLOW_CONSUMER = 4008;

export interface SessionLimits {
  backpressureBytes: number;
  maxQueued: number;
  onConflated: () => void;
  onSlowClose: () => void;
}

export interface SocketData { session: Session }

/** What a client is sent: text, or text already encoded once for every client (a price frame). */
export type Frame = string | Uint8Array;

/** Sessions with frames waiting for the end of the current batch of bus messages; `flushed` of them are done. */
const pending: Session[] = [];
let flushed = 0;

function flushPending(): void {
  try {
    while (flushed < pending.length) pending[flushed++]!.flush();
  } finally {
    // Should a send throw, the error surfaces and the sessions after it still get their frames.
    if (flushed < pending.length) queueMicrotask(flushPending);
    else pending.length = flushed = 0;
  }
}

export class Session {
  /** The connection's id in the session map (unique across gateways). */
  readonly id = randomUUID();
  readonly principal: Principal;
  /** Channel keys this client is subscribed to (`prices:EUR_USD`, `orders`, ...). */
  readonly channels = new Set<string>();
  #ws: WebSocket<SocketData> | null = null;
  readonly #limits: SessionLimits;
  readonly #prices = new Map<string, Frame>();
  readonly #queue: Frame[] = [];
  /** Frames of the current batch, sent in order by flush(). */
  readonly #batch: Frame[] = [];
  #closed = false;

  constructor(principal: Principal, limits: SessionLimits) {
    this.principal = principal;
    this.#limits = limits;
  }

  attach(ws: WebSocket<SocketData>): void {
    this.#ws = ws;
  }

  get open(): boolean {
    return !this.#closed && this.#ws !== null;
  }

  markClosed(): void {
    this.#closed = true;
    this.#prices.clear();
    this.#queue.length = 0;
    this.#batch.length = 0;
  }

  #congested(): boolean {
    return this.#ws!.getBufferedAmount() > this.#limits.backpressureBytes;
  }

  /** Latest-wins: a price waiting for a slow client is replaced by the newer one. */
  sendPrice(instrument: string, message: Frame): void {
    if (!this.open) return;
    if (this.#prices.size > 0 || this.#queue.length > 0 || this.#congested()) {
      if (this.#prices.has(instrument)) this.#limits.onConflated();
      this.#prices.set(instrument, message);
      return;
    }
    if (this.#batch.length === 0 && pending.push(this) === 1) queueMicrotask(flushPending);
    this.#batch.push(message);
  }

  /**
   * Sends the batch in one corked write. Sends from outside a uWS callback (NATS fan-out, async request
   * handling) must be corked anyway: uWS only flushes uncorked writes when the socket next has an event,
   * which for a quiet client may be never.
   */
  flush(): void {
    const batch = this.#batch;
    if (batch.length === 0) return;
    try {
      if (!this.open) return;
      const ws = this.#ws!;
      ws.cork(() => {
        for (let i = 0; i < batch.length; i++) ws.send(batch[i]!, false);
      });
    } finally {
      batch.length = 0;
    }
  }

  #send(message: Frame): void {
    const ws = this.#ws!;
    ws.cork(() => ws.send(message, false));
  }

  /** Never dropped: queued while the client is slow, the connection closed when the queue is full. */
  sendReliable(message: Frame): void {
    if (!this.open) return;
    if (this.#queue.length > 0 || this.#congested()) {
      if (this.#queue.length >= this.#limits.maxQueued) {
        this.#limits.onSlowClose();
        const ws = this.#ws!;
        this.markClosed();
        ws.end(WS_CLOSE_SLOW_CONSUMER, 'slow consumer: undelivered order/confirmation messages exceeded the buffer');
        return;
      }
      this.#queue.push(message);
      return;
    }
    // Behind the batch's prices, in the order the bus delivered them.
    if (this.#batch.length > 0) this.#batch.push(message);
    else this.#send(message);
  }

  /** On drain: reliable messages first, then the pending prices, while the socket takes them. */
  drain(): void {
    if (!this.open) return;
    const ws = this.#ws!;
    ws.cork(() => {
      let i = 0;
      while (i < this.#queue.length && !this.#congested()) ws.send(this.#queue[i++], false);
      this.#queue.splice(0, i);
      if (this.#queue.length > 0) return;
      for (const [instrument, message] of this.#prices) {
        if (this.#congested()) break;
        ws.send(message, false);
        this.#prices.delete(instrument);
      }
    });
  }
}
