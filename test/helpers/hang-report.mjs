/**
 * Preloaded into every test process (package.json, tap.node-arg). A test file whose tests have all ended but
 * whose process does not exit, because something still holds the event loop, is failed by tap's timeout with
 * nothing but "timeout!". Ten seconds before that timeout this writes what is still open to standard error:
 * sockets with their ends, child processes, servers, worker threads, timers that keep the process alive with
 * where they were set, and the type of every other resource. Its timer is unref'd, so it fires only in a
 * process that something else keeps alive. Plain
 * JavaScript: the instrument worker threads inherit the preload, and a TypeScript one hangs their start
 * under tsx.
 */
import { syncBuiltinESMExports } from 'node:module';
import timers from 'node:timers';
import { promisify } from 'node:util';
import workerThreads, { isMainThread } from 'node:worker_threads';

const timeoutS = Number(process.env.TAP_TIMEOUT ?? 0);
const reporting = isMainThread && timeoutS > 15;

/** @param {number} skip */
const where = (skip) => (new Error().stack ?? '').split('\n').slice(skip, skip + 4).map((l) => l.trim().replace(/^at /, '')).join(' < ');

/**
 * Worker threads appear in neither list Node gives, yet keep the process alive: every Worker made after this
 * preload is recorded (its name and where it was made) until it exits.
 * @type {Map<object, string>}
 */
const liveWorkers = new Map();
/**
 * Timers appear in Node's lists by type only ("Timeout"): every setTimeout and setInterval made after this preload
 * is recorded with where it was set. The report names those still armed and ref'd (they hold the process); fired,
 * cleared and unref'd ones are skipped then, and swept from the record as it grows.
 * @type {Map<NodeJS.Timeout, string>}
 */
const liveTimers = new Map();
if (reporting) {
  const Original = workerThreads.Worker;
  workerThreads.Worker = class TrackedWorker extends Original {
    /** @param {ConstructorParameters<typeof Original>} args */
    constructor(...args) {
      super(...args);
      liveWorkers.set(this, `Worker ${args[1]?.name ?? ''} thread ${this.threadId}, made at ${where(3)}`);
      this.once('exit', () => liveWorkers.delete(this));
    }
  };
  for (const name of /** @type {const} */ (['setTimeout', 'setInterval'])) {
    const original = timers[name];
    /** @type {any} */
    const tracked = function (/** @type {any[]} */ ...args) {
      const t = original.apply(this, /** @type {any} */ (args));
      if (liveTimers.size >= 10_000) for (const k of liveTimers.keys()) if (/** @type {any} */ (k)._destroyed) liveTimers.delete(k);
      liveTimers.set(t, `${name}(${args[1] ?? 0} ms) set at ${where(3)}`);
      return t;
    };
    if (promisify.custom in original) tracked[promisify.custom] = /** @type {any} */ (original)[promisify.custom];
    timers[name] = globalThis[name] = tracked;
  }
  syncBuiltinESMExports();
}

/** @param {any} h */
function describe(h) {
  const name = h?.constructor?.name ?? typeof h;
  const o = h;
  if (name === 'Socket' || name === 'TLSSocket') {
    if (o.remotePort !== undefined) return `${name} ${o.localAddress}:${o.localPort} -> ${o.remoteAddress}:${o.remotePort}`;
    return `${name} ${o._handle?.constructor?.name ?? ''} fd ${o._handle?.fd ?? '?'}`;
  }
  if (name === 'ChildProcess') return `ChildProcess pid ${o.pid} ${o.spawnfile} ${(o.spawnargs ?? []).slice(1, 4).join(' ')}`;
  if (name === 'Server') return `Server ${JSON.stringify(o.address?.())}`;
  return name;
}

if (reporting) {
  setTimeout(() => {
    // Undocumented but there since Node 0.x: getActiveResourcesInfo gives type names only.
    const handles = process._getActiveHandles?.() ?? [];
    const armed = [...liveTimers].filter(([t]) => !(/** @type {any} */ (t))._destroyed && t.hasRef()).map(([, d]) => d);
    process.stderr.write(`hang report: still open ${timeoutS - 10} s after the start (${process.argv.at(-1)}):\n` +
      `${[...handles.map(describe), ...liveWorkers.values(), ...armed].map((d) => `  ${d}`).join('\n')}\n` +
      `  resources: ${process.getActiveResourcesInfo().join(', ')}\n` +
      '  (native handles, such as uWebSockets.js sockets, appear in none of these)\n');
  }, (timeoutS - 10) * 1000).unref();
}
