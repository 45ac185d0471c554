/**
 * `pipstream bench [scenario ...]` / `make bench`: runs the benchmark scenarios
 * (each also runs on its own: `npx tsx bench/<name>.bench.ts`) and prints their results.
 */
const SCENARIOS: Record<string, () => Promise<unknown>> = {
  indicators: async () => (await import('./indicators.bench.ts')).runIndicatorsBench({}),
  handoff: async () => (await import('./handoff.bench.ts')).runHandoffBench({}),
  replay: async () => (await import('./replay.bench.ts')).runReplayBench({}),
  latency: async () => (await import('./latency.bench.ts')).runLatencyBench({}),
};

export async function runBenchCommand(argv: string[]): Promise<number> {
  const names = argv.length > 0 ? argv : Object.keys(SCENARIOS);
  for (const n of names) {
    if (SCENARIOS[n] === undefined) {
      process.stderr.write(`error PS_BAD_ARGUMENT: unknown scenario ${JSON.stringify(n)} (scenarios: ${Object.keys(SCENARIOS).join(', ')})\n`);
      return 2;
    }
  }
  for (const n of names) {
    process.stdout.write(`\n== ${n} ==\n`);
    process.stdout.write(`${JSON.stringify(await SCENARIOS[n](), null, 2)}\n`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runBenchCommand(process.argv.slice(2)).then((c) => { process.exitCode = c; });
}
