/** `npx tsx gateway/main.ts`: one gateway on PORT against NATS_URL, REDIS_URL and DATABASE_URL; Ctrl-C closes it. */
import { startGateway } from './mod.ts';

const gateway = await startGateway({ processMetrics: true });
const stop = () => { void gateway.close().then(() => process.exit(0)); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
