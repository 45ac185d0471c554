/**
 * Applies infra/migrations to DATABASE_URL:  npx tsx engine/store/migrate.ts [--skip-if-unreachable]
 * With --skip-if-unreachable (used by `make run`) an unreachable database is one line and exit 0, because
 * the engine then runs on its in-memory store; every other failure exits 1.
 */
import { loadConfig } from '../config/mod.ts';
import { isPipstreamError } from '../errors/mod.ts';
import { applyMigrations, connectPostgres, redactUrl } from './mod.ts';

const args = process.argv.slice(2);
const unknownArg = args.find((a) => a !== '--skip-if-unreachable');
if (unknownArg) {
  console.error(`migrate: unknown argument ${unknownArg} (usage: migrate.ts [--skip-if-unreachable])`);
  process.exit(2);
}

const { databaseUrl } = loadConfig();
let sql;
try {
  sql = await connectPostgres(databaseUrl);
} catch (err) {
  if (isPipstreamError(err, 'PS_SERVICE_UNAVAILABLE') && args.includes('--skip-if-unreachable')) {
    console.log(`migrate: skipped, ${err.message}`);
    process.exit(0);
  }
  console.error(`migrate: ${isPipstreamError(err) ? `${err.code}: ${err.message}` : String(err)}`);
  process.exit(1);
}
try {
  const result = await applyMigrations(sql);
  const where = redactUrl(databaseUrl);
  console.log(result.applied.length
    ? `migrate: applied ${result.applied.join(', ')}; ${where} is at version ${result.current}`
    : `migrate: ${where} is up to date at version ${result.current}`);
  if (result.unknown.length) {
    console.log(`migrate: warning: the database has versions ${result.unknown.join(', ')} that this checkout does not know`);
  }
} catch (err) {
  console.error(`migrate: ${isPipstreamError(err) ? `${err.code}: ${err.message}` : String(err)}`);
  process.exitCode = 1;
} finally {
  await sql.end();
}
