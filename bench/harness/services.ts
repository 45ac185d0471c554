/**
 * Whether the services a scenario needs can be reached (3 s each). What a missing one means follows
 * test/helpers/services.ts: in CI (CI=true, as .ci/run sets) it is a failure, because `make test`
 * started the services; elsewhere the scenario is skipped with the reason.
 */
import { loadConfig } from '../../engine/config/mod.ts';
import { connectRedis } from '../../engine/store/mod.ts';

export type Service = 'nats' | 'redis';

export const inCI = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');

const TIMEOUT_MS = 3000;

const PROBES: Record<Service, () => Promise<void>> = {
  nats: async () => {
    const url = `${loadConfig().natsMonitorUrl}/healthz`;
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  },
  redis: async () => { await (await connectRedis(loadConfig().redisUrl, { connectTimeoutMs: TIMEOUT_MS })).quit(); },
};

/** Null when every service answers; otherwise why not (for the report). */
export async function missingServices(needs: readonly Service[]): Promise<string | null> {
  const missing: string[] = [];
  for (const s of needs) {
    try {
      await PROBES[s]();
    } catch (err) {
      missing.push(`${s} unreachable (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return missing.length === 0 ? null : `${missing.join('; ')}; start the services with \`make services\``;
}
