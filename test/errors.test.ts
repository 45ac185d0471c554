import { readFileSync } from 'node:fs';
import t from 'tap';
import { ERROR_CODES, PipstreamError, isPipstreamError } from '../engine/errors/mod.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

t.test('every error code is documented in the README error table', async (t) => {
  for (const code of Object.keys(ERROR_CODES)) t.match(readme, new RegExp(`\\| \`${code}\` \\|`), code);
});

t.test('the README documents no code that does not exist', async (t) => {
  const documented = [...readme.matchAll(/^\| `(PS_[A-Z_]+)` \|/gm)].map((m) => m[1]);
  t.same(documented.filter((c) => !(c in ERROR_CODES)), []);
});

t.test('errors carry their code across a structured clone (threads) and JSON (NATS)', async (t) => {
  const e = new PipstreamError('PS_BAD_TICK_FILE', 'bad header', { file: 'x.csv', line: 1 });
  t.ok(isPipstreamError(structuredClone({ ...e.toJSON() }), 'PS_BAD_TICK_FILE'));
  t.same(JSON.parse(JSON.stringify(e)), { code: 'PS_BAD_TICK_FILE', message: 'bad header', details: { file: 'x.csv', line: 1 } });
  t.notOk(isPipstreamError(new Error('x')));
});
