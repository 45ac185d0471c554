/**
 * `pipstream bench [scenario ...] [--param value ...] [--smoke] [--out DIR]` / `make bench` /
 * `make bench-smoke` (DESIGN.md §16). Runs the scenarios of bench/harness/scenarios.ts (each bench also
 * runs on its own: `npx tsx bench/<name>.bench.ts`), shows progress on standard error, prints the tables
 * and writes `<out>/<timestamp>/{report.json, report.md, *.svg}` (default out: bench/results).
 * Exit status: 0; 2 for a usage error; 1 when a scenario failed or a value check failed (`--smoke` checks
 * the written files too, writes to a temporary folder unless --out is given, and removes it when all is well).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPipstreamError } from '../engine/errors/mod.ts';
import { benchUsage, parseBenchArgs, type BenchArgs } from './harness/params.ts';
import { Progress } from './harness/progress.ts';
import { renderTerminal, writeResults } from './harness/report.ts';
import { missingResultFiles, runScenarios } from './harness/runner.ts';
import { SCENARIOS } from './harness/scenarios.ts';

const DEFAULT_OUT = fileURLToPath(new URL('./results', import.meta.url));

export async function runBenchCommand(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv, SCENARIOS);
  } catch (err) {
    if (!isPipstreamError(err, 'PS_BAD_ARGUMENT')) throw err;
    process.stderr.write(`error ${err.code}: ${err.message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${benchUsage(SCENARIOS)}\n`);
    return 0;
  }
  const t0 = performance.now();
  const report = await runScenarios(args, SCENARIOS, new Progress(), `pipstream bench ${argv.join(' ')}`.trim());
  process.stdout.write(renderTerminal(report));
  const scratch = args.smoke && args.out === null;
  const root = args.out ?? (args.smoke ? mkdtempSync(join(tmpdir(), 'pipstream-bench-smoke-')) : DEFAULT_OUT);
  const { dir } = writeResults(report, root);
  const fileProblems = missingResultFiles(report, dir);
  const failed = report.scenarios.filter((s) => s.status === 'failed' || s.problems.length > 0).map((s) => s.name);
  for (const p of fileProblems) process.stdout.write(`CHECK FAILED: ${p}\n`);
  const ok = failed.length === 0 && fileProblems.length === 0;
  if (scratch && ok) rmSync(root, { recursive: true, force: true });
  else process.stdout.write(`\nresults: ${join(dir, 'report.md')} (JSON: report.json, charts: *.svg)\n`);
  const took = `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  process.stdout.write(ok
    ? `${args.smoke ? 'bench smoke' : 'bench'}: ${report.scenarios.map((s) => `${s.name} ${s.status}`).join(', ')} in ${took}\n`
    : `${args.smoke ? 'bench smoke' : 'bench'} FAILED: ${[...failed, ...(fileProblems.length > 0 ? ['result files'] : [])].join(', ')} (${took})\n`);
  return ok ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runBenchCommand(process.argv.slice(2)).then((c) => { process.exitCode = c; });
}
