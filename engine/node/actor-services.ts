import { type MicroService, registerMicroService } from '../bus/micro-service.ts';
import type { Bus } from '../bus/mod.ts';
import type { Supervisor } from '../supervisor/mod.ts';
import { Services } from '../switchboard/mod.ts';
import type { TradePath } from './trade-path.ts';

/**
 * Registers an instrument actor as a NATS micro-service, so operators find it
 * with `$SRV.PING|INFO|STATS.pipstream-instrument` and read its figures (ticks,
 * bars, signals, rejected ticks, restarts, per-tick p50/p99) without touching
 * the actor: the supervisor reads them from the actor's shared memory.
 */
export function registerActorService(bus: Bus, supervisor: Supervisor, instrument: string, node: string): Promise<MicroService | null> {
  return registerMicroService(bus, {
    name: Services.instrumentActor,
    description: `pipstream instrument actor for ${instrument}`,
    metadata: { instrument, node },
    statusSubject: Services.instrumentStatus(instrument),
    stats: () => ({ ...supervisor.stats(instrument) }),
  });
}

/** The trade path's execution, confirmation and alert actors as micro-services of this node. */
export async function registerTradeServices(bus: Bus, trade: TradePath, node: string): Promise<MicroService[]> {
  const metadata = { node };
  const defs = [
    {
      name: Services.execution, description: 'pipstream execution actor: risk, exactly-once orders, broker',
      stats: () => ({ ...trade.stats(), consumer: trade.execution.stats(), latency_us: trade.latency() }),
    },
    { name: Services.confirmation, description: 'pipstream confirmation actor: pending orders, confirm/reject, expiry', stats: () => trade.confirmation.stats() },
    { name: Services.alert, description: 'pipstream alert actor: notifications and their transports', stats: () => trade.alerts.stats() },
  ];
  const out: MicroService[] = [];
  for (const d of defs) {
    const svc = await registerMicroService(bus, { ...d, metadata, statusSubject: Services.actorStatus(d.name, node) });
    if (svc !== null) out.push(svc);
  }
  return out;
}
