import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { isPipstreamError } from '../engine/errors/mod.ts';
import { describeMachine, finishMachine } from '../bench/harness/machine.ts';
import { benchUsage, parseBenchArgs, type ParamOwner } from '../bench/harness/params.ts';
import { renderMarkdown, renderTerminal, spreadOf, writeResults } from '../bench/harness/report.ts';
import { missingResultFiles } from '../bench/harness/runner.ts';
import { SCENARIOS } from '../bench/harness/scenarios.ts';
import type { BenchReport } from '../bench/harness/types.ts';

const REGISTRY: ParamOwner[] = [
  { name: 'a', params: { reps: { kind: 'int', default: 5, smoke: 1, help: '' }, rates: { kind: 'numbers', default: [1000, 2000], help: '' } } },
  {
    name: 'b', params: {
      reps: { kind: 'int', default: 3, help: '' }, on: { kind: 'bool', default: true, help: '' },
      modes: { kind: 'strings', default: ['x'], choices: ['x', 'y'], help: '' }, ticks: { kind: 'int', default: 0, min: 0, help: '' },
      factor: { kind: 'number', default: 2, min: 1.1, help: '' },
    },
  },
];

t.test('parameters: defaults, smoke values, global and scoped flags', async (t) => {
  const all = parseBenchArgs([], REGISTRY);
  t.same(all.scenarios, ['a', 'b']);
  t.same(all.params.get('a'), { reps: 5, rates: [1000, 2000] });
  t.equal(all.out, null);
  t.same(parseBenchArgs(['--smoke'], REGISTRY).params.get('a'), { reps: 1, rates: [1000, 2000] });
  const p = parseBenchArgs(['b', 'a', '--reps', '7', '--b.reps', '2', '--rates', '500,4000', '--on', 'false', '--modes', 'y,x', '--ticks', '0', '--out', '/tmp/x'], REGISTRY);
  t.same(p.scenarios, ['b', 'a']);
  t.same(p.params.get('a'), { reps: 7, rates: [500, 4000] });
  t.same(p.params.get('b'), { reps: 2, on: false, modes: ['y', 'x'], ticks: 0, factor: 2 });
  t.equal(p.out, '/tmp/x');
  t.equal(parseBenchArgs(['--help'], REGISTRY).help, true);
});

t.test('parameters: usage errors name the problem (PS_BAD_ARGUMENT)', async (t) => {
  const cases: [string[], RegExp][] = [
    [['nope'], /unknown scenario "nope"/],
    [['a', '--on', 'true'], /unknown parameter --on for a/],
    [['--reps'], /--reps needs a value/],
    [['--reps', '--smoke'], /--reps needs a value/],
    [['--reps', '0'], /--reps must be an integer above 0, got "0"/],
    [['--reps', '1.5'], /must be an integer above 0/],
    [['--rates', '1000,x'], /--rates must be a number above 0, got "x"/],
    [['--ticks', '-1'], /--ticks must be an integer at least 0/],
    [['--factor', '1'], /--factor must be a number at least 1.1/],
    [['--on', 'yes'], /--on must be true or false/],
    [['--modes', 'x,z'], /--modes: "z" not allowed \(x, y\)/],
    [['a', '--b.reps', '2'], /scenario b is not selected/],
    [['--c.reps', '2'], /unknown scenario "c"/],
  ];
  for (const [argv, message] of cases) {
    try {
      parseBenchArgs(argv, REGISTRY);
      t.fail(`${argv.join(' ')} parsed`);
    } catch (err) {
      t.ok(isPipstreamError(err, 'PS_BAD_ARGUMENT'), argv.join(' '));
      t.match((err as Error).message, message, argv.join(' '));
    }
  }
});

t.test('the registry: every scenario the issue names, usage lists each parameter, smoke values parse', async (t) => {
  t.same(SCENARIOS.map((s) => s.name), ['indicators', 'handoff', 'replay', 'latency', 'latency-search', 'orders', 'gateway']);
  const usage = benchUsage(SCENARIOS);
  for (const s of SCENARIOS) {
    t.match(usage, `${s.name}: `);
    for (const k of Object.keys(s.params)) t.match(usage, `--${k} `, `${s.name} --${k}`);
  }
  const smoke = parseBenchArgs(['--smoke'], SCENARIOS);
  t.same(smoke.params.get('latency'), { rates: [1000], seconds: 1, reps: 1, modes: ['relay', 'pipstream', 'orders'] });
  t.match(smoke.params.get('gateway'), { clients: [50], frames: 2500, 'e2e-clients': 50 }, 'the gateway runs small in the smoke');
  t.same(SCENARIOS.find((s) => s.name === 'latency')!.needs({ modes: ['relay', 'pipstream'] }), ['nats']);
  t.same(SCENARIOS.find((s) => s.name === 'latency')!.needs({ modes: ['orders'] }), ['nats', 'redis']);
});

t.test('machine description', async (t) => {
  const m = finishMachine(describeMachine());
  t.type(m.cpuModel, 'string');
  t.ok(m.cpuModel.length > 0);
  t.ok(m.cores >= 1);
  t.equal(m.node, process.version);
  t.ok(m.natsServer === 'unavailable' || /nats-server/.test(m.natsServer), m.natsServer);
  t.equal(m.loadAvg.before.length, 3);
  t.equal(m.loadAvg.after?.length, 3);
  t.ok(m.memoryGiB > 0);
});

t.test('spread: median of odd and even counts, min and max', async (t) => {
  t.same(spreadOf([3, 1, 2]), { min: 1, median: 2, max: 3 });
  t.same(spreadOf([4, 1, 2, 3]), { min: 1, median: 2.5, max: 4 });
});

/** A fixed report: one scenario with a table, ratios and both kinds of chart, one not available. */
const REPORT: BenchReport = {
  startedAt: '2026-11-21T08:00:00.000Z', finishedAt: '2026-11-21T08:01:00.000Z', command: 'pipstream bench fixed', smoke: false,
  machine: {
    cpuModel: 'Test CPU <x>', cores: 2, arch: 'x64', os: 'linux test', memoryGiB: 4, node: 'v20.0.0', natsServer: 'nats-server: v2.9.10',
    loadAvg: { before: [1, 2, 3], after: [1.5, 2, 3] },
  },
  scenarios: [
    {
      name: 'fixed', description: 'A fixed result.', status: 'ok', reason: null, params: { reps: 3, rates: [1000, 2000] }, seconds: 12.34,
      summary: ['headline one'],
      tables: [{ title: 'numbers', columns: ['path', 'p99 µs', 'a|b'], rows: [['relay', 2500], ['pipstream', 12345.6]] }],
      ratios: [{ label: 'ours vs peer', spread: { min: 1.2, median: 1.5, max: 1.8 }, reps: 3, meaning: '> 1: ours is faster' }],
      charts: [
        { kind: 'percentiles', file: 'fixed-latency.svg', title: 'Latency <at> 1000/s', series: [
          { label: 'relay', points: [{ percentile: 50, us: 500 }, { percentile: 99, us: 2500 }, { percentile: 99.9, us: 4000 }, { percentile: 100, us: 5000 }] },
          { label: 'pipstream', points: [{ percentile: 50, us: 1000 }, { percentile: 99, us: 7000 }, { percentile: 99.9, us: 10000 }, { percentile: 100, us: 11000 }] },
        ] },
        { kind: 'ratios', file: 'fixed-ratios.svg', title: 'Ratios', ratios: [{ label: 'ours vs peer', spread: { min: 1.2, median: 1.5, max: 1.8 }, reps: 3, meaning: '' }] },
      ],
      raw: { any: 1 }, problems: [],
    },
    {
      name: 'gateway', description: 'Gateway.', status: 'not-available', reason: 'the gateway is not built yet', params: {}, seconds: 0,
      summary: [], tables: [], ratios: [], charts: [], raw: null, problems: [],
    },
  ],
};

t.test('report: Markdown, terminal table and SVG charts from a fixed result', async (t) => {
  const md = renderMarkdown(REPORT);
  t.match(md, '# pipstream bench — 2026-11-21T08:00:00.000Z');
  t.match(md, '| Test CPU <x> | 2 | x64 | linux test | 4 GiB | v20.0.0 | nats-server: v2.9.10 | 1 / 2 / 3 | 1.5 / 2 / 3 |');
  t.match(md, 'Parameters: `--reps 3 --rates 1000,2000`');
  t.match(md, '| path | p99 µs | a\\|b |');
  t.match(md, '| pipstream | 12,346 |');
  t.match(md, '| ours vs peer | 1.5× (1.2..1.8) | 3 | > 1: ours is faster |');
  t.match(md, '![Latency <at> 1000/s](fixed-latency.svg)');
  t.match(md, '![Ratios](fixed-ratios.svg)');
  t.match(md, '| [gateway](#gateway) | not available: the gateway is not built yet |');
  const term = renderTerminal(REPORT);
  t.match(term, '== gateway (0.0 s) not available: the gateway is not built yet');
  t.match(term, /pipstream\s+12,346/);

  const root = mkdtempSync(join(tmpdir(), 'pipstream-bench-test-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const { dir, files } = writeResults(REPORT, root);
  t.equal(dir, join(root, '2026-11-21T08-00-00Z'));
  t.same(readdirSync(dir).sort(), ['fixed-latency.svg', 'fixed-ratios.svg', 'report.json', 'report.md']);
  t.equal(files.length, 4);
  t.same(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')), REPORT);
  const latency = readFileSync(join(dir, 'fixed-latency.svg'), 'utf8');
  t.match(latency, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  t.equal((latency.match(/<polyline /g) ?? []).length, 2, 'one line per series');
  t.equal((latency.match(/<circle /g) ?? []).length, 8, 'one point per percentile');
  t.match(latency, 'Latency &lt;at&gt; 1000/s');
  t.notMatch(latency, 'Latency <at>');
  t.match(latency, '>max</text>');
  const ratios = readFileSync(join(dir, 'fixed-ratios.svg'), 'utf8');
  t.match(ratios, '1.5×</text>');
  t.match(ratios, /<rect [^>]*opacity/);
  t.same(missingResultFiles(REPORT, dir), []);
  // A second run in the same second gets its own folder.
  t.equal(writeResults(REPORT, root).dir, `${join(root, '2026-11-21T08-00-00Z')}-2`);
  unlinkSync(join(dir, 'fixed-ratios.svg'));
  t.match(missingResultFiles(REPORT, dir), [/fixed-ratios.svg/]);
});

const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'engine/cli/main.ts', 'bench', ...args], { cwd: new URL('..', import.meta.url) });

t.test('pipstream bench: usage errors exit 2; a run writes its report', async (t) => {
  const bad = await cli(['--reps', 'x']).then(() => null, (e: { code: number; stderr: string }) => e);
  t.equal(bad?.code, 2);
  t.match(bad?.stderr, 'error PS_BAD_ARGUMENT: --reps must be an integer above 0, got "x"');
  const badGateway = await cli(['gateway', '--clients', 'many']).then(() => null, (e: { code: number; stderr: string }) => e);
  t.equal(badGateway?.code, 2, 'a bad scenario parameter is a usage error, before anything runs');
  t.match(badGateway?.stderr, 'error PS_BAD_ARGUMENT:');
  const out = mkdtempSync(join(tmpdir(), 'pipstream-bench-cli-'));
  t.teardown(() => rmSync(out, { recursive: true, force: true }));
  const ok = await cli(['handoff', '--smoke', '--out', out]);
  t.match(ok.stdout, /== handoff \([0-9.]+ s\) ok/);
  const [dir] = readdirSync(out);
  t.ok(existsSync(join(out, dir, 'report.md')));
  const report = JSON.parse(readFileSync(join(out, dir, 'report.json'), 'utf8')) as BenchReport;
  t.same(report.scenarios.map((s) => [s.name, s.status]), [['handoff', 'ok']]);
  t.equal(report.machine.node, process.version);
});
