/**
 * `npm run build` step: the CLI and the offload worker as single ES modules (dist/cli.mjs,
 * dist/offload-worker.mjs). A cold `cyanotype render` spent ~260 ms of its main thread
 * resolving, reading and compiling some 600 modules while Chromium started; one file takes a
 * fraction of that (docs/decisions/008). The library entry (dist/node/index.js) stays as tsc
 * wrote it. ELK stays outside: it is loaded through its own V8 code cache (elk-code-cache.ts).
 */
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __cyanotypeRequire } from 'node:module'; const require = __cyanotypeRequire(import.meta.url);" },
  // elkjs: loaded from its file with a code cache; puppeteer: only asked where its downloaded browser is.
  external: ['elkjs', 'puppeteer'],
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  legalComments: 'eof',
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: [`${root}dist/node/cli.js`], outfile: `${root}dist/cli.mjs` }),
  build({ ...common, entryPoints: [`${root}dist/node/offload/offload-worker.js`], outfile: `${root}dist/offload-worker.mjs` }),
]);
