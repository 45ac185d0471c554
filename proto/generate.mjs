// Generates the static protobufjs code in proto/gen/ (committed, so the engine needs no
// build step). `npm run proto` writes proto/gen/; `node proto/generate.mjs <dir>` writes
// elsewhere (test/proto.test.ts uses that to check that proto/gen/ is up to date).
import { readdirSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const { pbjs, pbts } = createRequire(import.meta.url)('protobufjs-cli');
const outDir = resolve(process.argv[2] ?? join(here, 'gen'));
const srcDir = join(here, 'pipstream', 'v1');
// Sorted: the output must not depend on directory order.
const files = readdirSync(srcDir).filter((f) => f.endsWith('.proto')).sort().map((f) => join(srcDir, f));

const run = (main, args) => new Promise((ok, fail) => main(args, (err) => (err ? fail(err) : ok())));

mkdirSync(outDir, { recursive: true });
const js = join(outDir, 'pipstream.js');
process.chdir(here);
await run(pbjs.main, [
  '-t', 'static-module', '-w', 'es6',
  // runtime.mjs: protobufjs/minimal configured for plain-number int64 (no Long objects).
  '--dependency', '../runtime.mjs',
  '--force-number',
  '-p', here, '-o', js, ...files,
]);
await run(pbts.main, ['-o', join(outDir, 'pipstream.d.ts'), js]);
