import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { connectBus, type DeliverFrom } from '../engine/bus/mod.ts';
import { REPO_ROOT } from '../engine/config/mod.ts';
import { OANDA_FILE, repoPath, ticksOf } from './helpers/engine.ts';
import { natsUrl, probes, requireService } from './helpers/services.ts';

const WORKFLOW = 'test/fixtures/workflows/price-cross-1.3850.json';
const LEVEL = 1.385;
const dir = mkdtempSync(join(tmpdir(), 'pipstream-cli-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

interface Run { code: number | null; stdout: string; stderr: string; timedOut: boolean }

/** Runs the real binary from the repository root; kills it after `timeoutMs`. */
function pipstream(args: string[], timeoutMs = 40_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/pipstream.mjs', ...args], { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'warn' } });
    let stdout = '', stderr = '', timedOut = false;
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, timedOut }); });
  });
}

const replayArgs = (signals: string, ...more: string[]) =>
  ['replay', '--ticks', 'data/ticks/oanda-EUR_USD-2014-05.csv.gz', '--instrument', 'EUR_USD', '--workflow', WORKFLOW, '--signals', signals, ...more];
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');

let direct: string[] = [];
/** When the first run started: it journaled the signals (or found them stored within the dedupe window before). */
let directStartedMs = 0;

t.test('replay --signals: 119 alerts, each at a tick where mid really crossed 1.3850', async (t) => {
  const out = join(dir, 'direct.jsonl');
  directStartedMs = Date.now();
  const r = await pipstream(replayArgs(out));
  t.equal(r.code, 0, `exit 0 (stderr: ${r.stderr.slice(0, 300)})`);
  direct = lines(out);
  t.equal(direct.length, 119, '119 JSON lines');
  const signals = direct.map((l) => JSON.parse(l) as Record<string, unknown>);
  t.ok(signals.every((s) => s.type === 'SIGNAL_ALERT' && s.instrument === 'EUR_USD' && s.workflow_id === 'price-cross-1-3850' &&
    s.node_id === (s.price as number > LEVEL ? 'alert-up' : 'alert-down')), 'contract values');
  const fields = ['id', 'type', 'instrument', 'time_ms', 'workflow_id', 'node_id', 'price'];
  t.ok(signals.every((s) => fields.every((f) => f in s)), `every line has ${fields.join(', ')}`);
  t.equal(new Set(signals.map((s) => s.id)).size, 119, 'unique ids');
  const summary = JSON.parse(r.stderr.trim().split('\n').pop()!);
  t.match(summary, { instrument: 'EUR_USD', ticks: 532_903, rejected_ticks: 0, signals: 119 }, 'summary on stderr');

  // Independent check against the file: the crossings of mid over 1.3850, tick by tick.
  const ticks = await ticksOf(OANDA_FILE);
  const crossings: Array<{ time_ms: number; node_id: string; price: number }> = [];
  let prev = Number.NaN;
  for (let i = 0; i < ticks.length; i++) {
    const mid = (ticks.bid[i] + ticks.ask[i]) / 2;
    if (prev <= LEVEL && mid > LEVEL) crossings.push({ time_ms: ticks.time[i], node_id: 'alert-up', price: mid });
    if (prev >= LEVEL && mid < LEVEL) crossings.push({ time_ms: ticks.time[i], node_id: 'alert-down', price: mid });
    prev = mid;
  }
  t.same(signals.map((s) => ({ time_ms: s.time_ms, node_id: s.node_id, price: s.price })), crossings,
    'signals = the tick times (and mids) at which mid crossed 1.3850, up or down, in order');
});

t.test('determinism: a second run writes identical lines (ids included)', async (t) => {
  const out = join(dir, 'direct2.jsonl');
  const r = await pipstream(replayArgs(out, '--quiet'));
  t.equal(r.code, 0);
  t.equal(r.stderr, '', '--quiet: no summary');
  t.same(lines(out), direct);
});

t.test('--bus jetstream: identical lines, journaled in SIGNALS without duplicates', async (t) => {
  if (!(await requireService(t, 'nats', probes.nats))) return;
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl(), name: 'pipstream-test-cli' });
  t.teardown(() => bus.close());
  await bus.ensureStreams();
  const before = await bus.streamInfo('SIGNALS');
  const out = join(dir, 'js.jsonl');
  // The whole file through JetStream: ~15 s alone, much longer beside another test file on 2 cores.
  const r = await pipstream(replayArgs(out, '--bus', 'jetstream'), 120_000);
  t.equal(r.code, 0, `exit 0 (stderr: ${r.stderr.slice(0, 300)})`);
  t.same(lines(out), direct, 'same lines as the direct path');
  t.match(JSON.parse(r.stderr.trim().split('\n').pop()!), { bus: 'jetstream', ticks: 532_903, signals: 119, journal: 'JetStream SIGNALS' });
  const after = await bus.streamInfo('SIGNALS');
  // The direct runs above journaled the same (deterministic) ids to NATS moments ago; the signal id
  // is the JetStream msgId, so this run must not store them again. Other tests share the stream: only
  // this workflow's ids are counted.
  const want = direct.map((l) => (JSON.parse(l) as { id: string }).id);
  const wanted = new Set(want);
  const { decodeSignalEvent } = await import('../engine/events/mod.ts');
  // Reads this workflow's ids until all are seen or nothing at all (other tests' signals on acct-1 included)
  // has arrived for 500 ms: a stretch of others' messages before ours is not the end of the stream.
  const read = async (deliver: DeliverFrom) => {
    const seen: string[] = [];
    let delivered = 0;
    const c = await bus.consume('SIGNALS', 'workflow.signals.acct-1', (m) => {
      delivered++;
      const id = decodeSignalEvent(m.data).signal?.id ?? '';
      if (wanted.has(id)) seen.push(id);
    }, { deliver });
    let n = -1;
    for (let k = 0; k < 40 && n !== delivered && seen.length < want.length; k++) {
      n = delivered;
      await new Promise((res) => setTimeout(res, 500));
    }
    await c.close();
    return seen;
  };
  if (after.lastSeq > before.lastSeq) t.same(await read({ startSeq: before.lastSeq + 1 }), [], 'no duplicate journal entries for a re-run');
  else t.pass('no journal entries at all for a re-run');
  // Stored by the first run, or by an earlier one inside the dedupe window before it (then the first run's were duplicates).
  // By time, not by a count of messages back: tests running beside this one journal signals too.
  const ids = new Set(await read({ startTimeMs: directStartedMs - after.duplicateWindowMs - 5000 }));
  t.ok(want.every((id) => ids.has(id)), 'all 119 signals are in the SIGNALS stream');
});

t.test('bad input: clear error, non-zero exit, no stack trace', async (t) => {
  const badWf = join(dir, 'bad-workflow.json');
  const doc = JSON.parse(readFileSync(repoPath(WORKFLOW), 'utf8'));
  delete doc.nodes[0].level;
  writeFileSync(badWf, JSON.stringify(doc));
  const out = join(dir, 'bad.jsonl');
  const cases: Array<[string, string[], number, RegExp]> = [
    ['missing --ticks', ['replay', '--instrument', 'EUR_USD', '--workflow', WORKFLOW], 2, /^error PS_BAD_ARGUMENT: --ticks is required\nusage: pipstream replay/],
    ['unknown flag', [...replayArgs(out), '--bogus', '1'], 2, /^error PS_BAD_ARGUMENT: unknown argument "--bogus"/],
    ['invalid workflow', replayArgs(out).map((a) => (a === WORKFLOW ? badWf : a)), 2,
      /^error PS_WORKFLOW_INVALID: .*bad-workflow\.json: .*\/nodes\/0\/level.*\n {2}\{"path":"\/nodes\/0\/level"/],
    ['--speed 3', replayArgs(out, '--speed', '3'), 2, /^error PS_BAD_ARGUMENT: bad --speed "3"/],
    ['unknown instrument', replayArgs(out).map((a) => (a === 'EUR_USD' ? 'EURUSD' : a)), 2, /^error PS_/],
    ['--bus kafka', replayArgs(out, '--bus', 'kafka'), 2, /^error PS_BAD_ARGUMENT: --bus must be direct or jetstream/],
    ['--balance without orders', replayArgs(out, '--balance', '5000'), 2, /^error PS_BAD_ARGUMENT: --balance is the orders' account: give --orders FILE/],
    ['--balance -1', replayArgs(out, '--orders', join(dir, 'o.jsonl'), '--balance', '-1'), 2, /^error PS_BAD_ARGUMENT: --balance must be an amount of 0 or more, got -1/],
    ['--balance 1e400', replayArgs(out, '--orders', join(dir, 'o.jsonl'), '--balance', '1e400'), 2, /^error PS_BAD_ARGUMENT: --balance must be an amount/],
  ];
  for (const [name, args, code, err] of cases) {
    const r = await pipstream(args);
    t.equal(r.code, code, `${name}: exit ${code}`);
    t.match(r.stderr, err, `${name}: ${r.stderr.split('\n')[0]}`);
    t.notMatch(r.stderr, /\n\s+at /, `${name}: no stack trace`);
  }

  // A hang would outlast this; starting a process under a loaded test run takes seconds of it.
  const r = await pipstream(['replay', '--ticks', join(dir, 'nope.csv.gz'), '--instrument', 'EUR_USD', '--workflow', WORKFLOW], 30_000);
  t.match(r.stderr, /^error PS_BAD_TICK_FILE: cannot open .*nope\.csv\.gz/, 'nonexistent tick file: named in the error');
  t.notMatch(r.stderr, /\n\s+at /, 'no stack trace');
  t.equal(r.timedOut, false, 'nonexistent tick file: the process exits');
  if (!r.timedOut) t.equal(r.code, 2, 'exit 2');
});

t.test('pipstream indicators (smoke, through the binary)', async (t) => {
  const r = await pipstream(['indicators', '--ticks', 'data/ticks/oanda-EUR_USD-2014-05.csv.gz', '--timeframe', '1h', '--indicators', 'sma:20,rsi:14']);
  t.equal(r.code, 0, `exit 0 ${r.stderr.slice(0, 200)}`);
  const rows = r.stdout.trim().split('\n');
  t.match(rows[0], /sma/, `header: ${rows[0]}`);
  const ticks = await ticksOf(OANDA_FILE);
  const hours = new Set(Array.from(ticks.time, (ms) => Math.floor(ms / 3_600_000))).size;
  t.ok(rows.length - 1 === hours - 1 || rows.length - 1 === hours, `${rows.length - 1} hourly rows for ${hours} hours with ticks`);
  const bad = await pipstream(['indicators', '--ticks', 'data/ticks/oanda-EUR_USD-2014-05.csv.gz', '--timeframe', '1h', '--indicators', 'nope:3']);
  t.equal(bad.code, 2, 'unknown indicator: exit 2');
  t.match(bad.stderr, /^error PS_/);
  const none = await pipstream([]);
  t.equal(none.code, 2, 'no command: exit 2 with help');
  t.match(none.stdout, /pipstream replay --ticks FILE/);
});
