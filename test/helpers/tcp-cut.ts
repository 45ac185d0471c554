/**
 * A loopback TCP relay to a service, which a test cuts and restores: a client connected through it loses its
 * connection (and cannot make a new one) while the service itself stays up for everyone else. How a test
 * gives one client a network outage.
 */
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Test } from 'tap';

export interface TcpCut {
  /** `nats://127.0.0.1:<port>`-style URL of the relay, with the target URL's scheme. */
  url: string;
  /** Drops every relayed connection and refuses new ones until restore(). */
  cut(): void;
  restore(): void;
  /** Connections accepted so far (a client's reconnect shows as one more). */
  readonly accepted: number;
}

export async function tcpCut(t: Test, target: string): Promise<TcpCut> {
  const u = new URL(target);
  const live = new Set<Socket>();
  let down = false, accepted = 0;
  const server = createServer((client) => {
    if (down) return void client.destroy();
    accepted++;
    const upstream = connect(Number(u.port), u.hostname);
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      live.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => { live.delete(a); b.destroy(); });
      a.pipe(b);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => {
    for (const s of live) s.destroy();
    server.close(() => resolve());
  }));
  return {
    url: `${u.protocol}//127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut() {
      down = true;
      for (const s of live) s.destroy();
    },
    restore() { down = false; },
    get accepted() { return accepted; },
  };
}
