/**
 * Preloaded into every test process (package.json, tap.node-arg). A test file whose tests have all ended but
 * whose process does not exit, because something still holds the event loop, is failed by tap's timeout with
 * nothing but "timeout!". Ten seconds before that timeout this writes what is still open to standard error:
 * sockets with their ends, child processes, servers, worker threads, and the type of every other resource
 * (timers among them). Its timer is unref'd, so it fires only in a process that something else keeps alive. Plain
 * JavaScript: the instrument worker threads inherit the preload, and a TypeScript one hangs their start
 * under tsx.
 */
import { syncBuiltinESMExports } from 'node:module';
import workerThreads, { isMainThread } from 'node:worker_threads';

const timeoutS = Number(process.env.TAP_TIMEOUT ?? 0);

/**
 * Worker threads appear in neither list Node gives, yet keep the process alive: every Worker made after this
 * preload is recorded (its name and where it was made) until it exits.
 * @type {Map<object, string>}
 */
const liveWorkers = new Map();
if (isMainThread && timeoutS > 15) {
  const Original = workerThreads.Worker;
  workerThreads.Worker = class TrackedWorker extends Original {
    /** @param {ConstructorParameters<typeof Original>} args */
    constructor(...args) {
      super(...args);
      const where = (new Error().stack ?? '').split('\n').slice(2, 5).map((l) => l.trim().replace(/^at /, '')).join(' < ');
      liveWorkers.set(this, `Worker ${args[1]?.name ?? ''} thread ${this.threadId}, made at ${where}`);
      this.once('exit', () => liveWorkers.delete(this));
    }
  };
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

if (isMainThread && timeoutS > 15) {
  setTimeout(() => {
    // Undocumented but there since Node 0.x: getActiveResourcesInfo gives type names only.
    const handles = process._getActiveHandles?.() ?? [];
    process.stderr.write(`hang report: still open ${timeoutS - 10} s after the start (${process.argv.at(-1)}):\n` +
      `${[...handles.map(describe), ...liveWorkers.values()].map((d) => `  ${d}`).join('\n')}\n` +
      `  resources: ${process.getActiveResourcesInfo().join(', ')}\n` +
      '  (native handles, such as uWebSockets.js sockets, appear in none of these)\n');
  }, (timeoutS - 10) * 1000).unref();
}
