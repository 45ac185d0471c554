/**
 * `pipstream audit verify`: walks the audit log's hash chain in PostgreSQL (DATABASE_URL) and says
 * whether any row was edited or deleted. Prints one JSON line; exit 0 when intact, 1 when not.
 */
import { verifyAuditLog } from '../../actors/persistence/mod.ts';
import { loadConfig } from '../config/mod.ts';
import { PipstreamError } from '../errors/mod.ts';
import { connectPostgres, redactUrl } from '../store/mod.ts';
import { badArgument, parseFlags } from './args.ts';

const USAGE = 'usage: pipstream audit verify';
/** PostgreSQL's SQLSTATE for a missing relation. */
const UNDEFINED_TABLE = '42P01';

export async function runAuditCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== 'verify') badArgument(`unknown audit verb ${JSON.stringify(verb ?? '')}`, USAGE);
  parseFlags(rest, 'verify', {}, USAGE);
  const url = loadConfig().databaseUrl;
  const sql = await connectPostgres(url);
  try {
    const verdict = await verifyAuditLog(sql).catch((err: { code?: string }) => {
      if (err.code !== UNDEFINED_TABLE) throw err;
      throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `PostgreSQL at ${redactUrl(url)} has no audit log yet: apply the migrations (make migrate)`,
        {}, { cause: err });
    });
    out.write(`${JSON.stringify(verdict)}\n`);
    return verdict.ok ? 0 : 1;
  } finally {
    await sql.end();
  }
}
