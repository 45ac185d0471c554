/**
 * A service process of a test's own (nats-server with JetStream, or redis-server with an append-only file)
 * on a free port and a temporary directory, for tests that stop and restart it: the shared services of the
 * other tests are never disturbed. Stopped and removed with the test.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import { withTimeout } from '../../engine/errors/mod.ts';
import { CLOSE_MS, inCI } from './services.ts';

export interface PrivateServer {
  url: string;
  /** SIGTERM (a clean shutdown), and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory; resolves once it accepts connections. */
  start(): Promise<void>;
}

const KINDS = {
  nats: {
    binary: 'nats-server', debianPath: '/usr/sbin/nats-server', scheme: 'nats',
    args: (port: number, dir: string) => ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir],
  },
  redis: {
    binary: 'redis-server', debianPath: '/usr/bin/redis-server', scheme: 'redis',
    args: (port: number, dir: string) => ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes',
      '--appendfsync', 'everysec'],
  },
} as const;

/** The installed binary (Debian's path first, then PATH), or undefined. */
function findBinary(name: string, debianPath: string): string | undefined {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`]).stdout.toString().trim();
  return [debianPath, ...(onPath ? [onPath] : [])].find((p) => spawnSync(p, ['--version']).status === 0);
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

const accepts = (port: number): Promise<boolean> => new Promise((resolve) => {
  const s = connect(port, '127.0.0.1');
  s.once('connect', () => { s.destroy(); resolve(true); });
  s.once('error', () => resolve(false));
});

/** Null when the binary is not installed: the test fails in CI, and is skipped with a comment elsewhere. */
export async function privateServer(t: Test, kind: keyof typeof KINDS): Promise<PrivateServer | null> {
  const k = KINDS[kind];
  const binary = findBinary(k.binary, k.debianPath);
  if (binary === undefined) {
    if (inCI()) t.fail(`${k.binary} is not installed`); else t.comment(`skipped: ${k.binary} is not installed`);
    return null;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `pipstream-${kind}-`));
  let proc: ChildProcess | null = null;
  const server: PrivateServer = {
    url: `${k.scheme}://127.0.0.1:${port}`,
    async start() {
      proc = spawn(binary, k.args(port, dir), { stdio: 'ignore' });
      for (let i = 0; i < 100; i++) {
        if (await accepts(port)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${k.binary} on port ${port} did not accept connections within 10 s`);
    },
    async stop() {
      const p = proc;
      if (p === null || p.exitCode !== null || p.signalCode !== null) return;
      const exited = new Promise((r) => p.once('exit', r));
      p.kill('SIGTERM');
      await withTimeout(exited, CLOSE_MS, `${k.binary} exiting`);
    },
  };
  t.teardown(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  await server.start();
  return server;
}
