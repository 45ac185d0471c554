import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { probes, requireService } from './helpers/services.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pipstream = (...args: string[]) => spawnSync(process.execPath, ['bin/pipstream.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

t.test('pipstream audit verify checks the migrated database and exits 0 when the chain is intact', async (t) => {
  if (!(await requireService(t, 'postgres', probes.postgres))) return;
  const r = pipstream('audit', 'verify');
  t.equal(r.status, 0, r.stderr);
  t.match(JSON.parse(r.stdout), { ok: true, rows: Number });
});

t.test('pipstream audit with an unknown verb is a usage error', async (t) => {
  const r = pipstream('audit', 'repair');
  t.equal(r.status, 2);
  t.match(r.stderr, /^error PS_BAD_ARGUMENT: unknown audit verb "repair"/);
});
