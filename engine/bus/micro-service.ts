/**
 * Actors as NATS micro-services (DESIGN §13): `$SRV.PING|INFO|STATS.<name>` find every instance, and each
 * answers with its own figures, read at request time from the actor (never pushed, nothing per event).
 */
import { type Service, Svcm } from '@nats-io/services';
import type { Bus } from './types.ts';

const VERSION = '0.1.0';

export interface MicroServiceDef {
  /** The service name operators ask for (Services in the switchboard). */
  name: string;
  description: string;
  /** Who this instance is: node id, instrument ... (in INFO and PING). */
  metadata: Record<string, string>;
  /** A status endpoint answering with the same figures as STATS, as JSON. */
  statusSubject: string;
  /** The figures, gathered when asked. */
  stats: () => Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface MicroService { stop(): Promise<void> }

/** Registers the service on the bus's NATS connection; null on a bus without one (the embedded bus). */
export async function registerMicroService(bus: Bus, def: MicroServiceDef): Promise<MicroService | null> {
  if (bus.nats === null) return null;
  // @nats-io/services (3.0.0-25) pins an older nats-core whose NatsConnection type differs only nominally.
  const svc: Service = await new Svcm(bus.nats as unknown as ConstructorParameters<typeof Svcm>[0]).add({
    name: def.name,
    version: VERSION,
    description: def.description,
    metadata: def.metadata,
    queue: '',
    statsHandler: async () => ({ ...def.metadata, ...(await def.stats()) }),
  });
  svc.addEndpoint('status', {
    subject: def.statusSubject,
    metadata: def.metadata,
    handler: (err, msg) => {
      if (err !== null) return;
      void (async () => msg.respond(JSON.stringify({ ...def.metadata, ...(await def.stats()) })))().catch((e: Error) => {
        msg.respondError(500, e.message);
      });
    },
  });
  return { stop: () => svc.stop().then(() => undefined) };
}
