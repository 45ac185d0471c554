/**
 * Usage metering (DESIGN.md §12): every authenticated API call and every WebSocket subscription is a
 * billing event on `billing.events.<account>` (JetStream BILLING, deduped on the event id). Published
 * without waiting for the ack: metering never slows a request; failures surface through the bus's onError.
 */
import { newEventId } from '../engine/events/mod.ts';
import type { Bus } from '../engine/bus/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';

/** The JSON body of a billing event (no protobuf message exists for it yet). */
export interface UsageEvent {
  id: string;
  account: string;
  kind: 'api_call' | 'ws_subscription';
  /** Route template (`GET /v1/accounts/{account}/orders`) or WS channel (`prices:EUR_USD`). */
  what: string;
  status?: number;
  user: string;
  time_ms: number;
}

export class Meter {
  readonly #bus: Bus;
  constructor(bus: Bus) {
    this.#bus = bus;
  }

  count(e: Omit<UsageEvent, 'id' | 'time_ms'>): void {
    const event: UsageEvent = { id: newEventId(), ...e, time_ms: Date.now() };
    this.#bus.publishAsync(Subjects.billing(e.account), Buffer.from(JSON.stringify(event)), event.id);
  }
}
