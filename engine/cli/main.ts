/**
 * The `pipstream` command line (DESIGN.md "Contracts"): indicators, replay, run, bench.
 * Errors print as `error <CODE>: message` and exit with status 2 (bad input) or 1.
 */
import { isPipstreamError } from '../errors/mod.ts';
import { runIndicatorsCommand } from './indicators-command.ts';
import { runReplayCommand } from './replay-command.ts';
import { runRunCommand } from './run-command.ts';
import { runAuditCommand } from './audit-command.ts';

const HELP = `pipstream — forex trading automation engine

  pipstream indicators --bars FILE | --ticks FILE --timeframe 1m --indicators sma:20,rsi:14,... [--out FILE]
  pipstream replay --ticks FILE --instrument EUR_USD --workflow FILE [--signals FILE] [--speed max|1x|10x] [--bus direct|jetstream]
  pipstream run [--ticks FILE --instrument EUR_USD --workflow FILE] [--speed 1000x]
  pipstream bench [scenario ...] [--param value ...] [--smoke] [--out DIR]   (pipstream bench --help: scenarios, parameters)
  pipstream audit verify        (checks the audit log's hash chain in PostgreSQL)

Environment: NATS_URL, REDIS_URL, DATABASE_URL, PORT, LOG_LEVEL (see infra/README.md).`;

/** Codes that mean the user's input was wrong (exit status 2); anything else is 1. */
const BAD_INPUT: ReadonlySet<string> = new Set([
  'PS_BAD_ARGUMENT', 'PS_BAD_TICK_FILE', 'PS_BAD_INDICATOR', 'PS_WORKFLOW_INVALID', 'PS_EXPR_SYNTAX', 'PS_EXPR_TYPE',
  'PS_RISK_LIMITS_INVALID',
]);

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'indicators': return runIndicatorsCommand(rest, process.stdout);
    case 'replay': return runReplayCommand(rest, process.stdout, process.stderr);
    case 'run': return runRunCommand(rest);
    case 'audit': return runAuditCommand(rest, process.stdout);
    case 'bench': {
      const { runBenchCommand } = await import('../../bench/run.ts');
      return runBenchCommand(rest);
    }
    case undefined: case 'help': case '--help': case '-h':
      process.stdout.write(`${HELP}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`error PS_BAD_ARGUMENT: unknown command ${JSON.stringify(command)}\n${HELP}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  if (isPipstreamError(err)) {
    process.stderr.write(`error ${err.code}: ${err.message}\n`);
    const errors = (err.details as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const e of errors) process.stderr.write(`  ${JSON.stringify(e)}\n`);
    process.exitCode = BAD_INPUT.has(err.code) ? 2 : 1;
  } else {
    process.stderr.write(`error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
});
