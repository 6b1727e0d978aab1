/**
 * `npm run build` step: the CLI and the offload worker as bundled ES modules (dist/cli/cli.mjs,
 * dist/cli/offload-worker.mjs, and the chunks they share or load later). A cold `cyanotype
 * render` spent ~260 ms of its main thread resolving, reading and compiling some 600 modules
 * while Chromium started; bundles take a fraction of that (docs/decisions/008). The library
 * entry (dist/node/index.js) stays as tsc wrote it.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE } from './node-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// One build, split: code behind a dynamic import (Puppeteer, the offload worker's imports,
// the dev server…) goes to its own chunk, compiled only when a command reaches it — a cold
// render starts Chromium before it loads Puppeteer.
await rm(`${root}dist/cli`, { recursive: true, force: true });
await build({
  ...NODE_BUNDLE,
  entryPoints: { cli: `${root}dist/node/cli.js`, 'offload-worker': `${root}dist/node/offload/offload-worker.js` },
  outdir: `${root}dist/cli`,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
