import { type Service, Svcm } from '@nats-io/services';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Supervisor } from '../supervisor/mod.ts';
import { Services } from '../switchboard/mod.ts';

const VERSION = '0.1.0';

/**
 * Registers an instrument actor as a NATS micro-service, so operators find it
 * with `$SRV.PING|INFO|STATS.pipstream-instrument` and read its figures (ticks,
 * bars, signals, rejected ticks, restarts, per-tick p50/p99) without touching
 * the actor: the supervisor reads them from the actor's shared memory.
 */
export async function registerActorService(nc: NatsConnection, supervisor: Supervisor, instrument: string, node: string): Promise<Service> {
  // @nats-io/services (3.0.0-25) pins an older nats-core whose NatsConnection type differs only nominally.
  const svc = await new Svcm(nc as unknown as ConstructorParameters<typeof Svcm>[0]).add({
    name: Services.instrumentActor,
    version: VERSION,
    description: `pipstream instrument actor for ${instrument}`,
    metadata: { instrument, node },
    queue: '',
    statsHandler: () => Promise.resolve({ node, ...supervisor.stats(instrument) }),
  });
  svc.addEndpoint('status', {
    subject: Services.instrumentStatus(instrument),
    metadata: { instrument, node },
    handler: (err, msg) => {
      if (err !== null) return;
      msg.respond(JSON.stringify({ node, ...supervisor.stats(instrument) }));
    },
  });
  return svc;
}
