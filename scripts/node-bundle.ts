/** esbuild's options for a Node bundle of cyanotype: the CLI (build-cli.ts) and the bench's draw-only script (bench.ts). */
import type { BuildOptions } from 'esbuild';

export const NODE_BUNDLE: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __cyanotypeRequire } from 'node:module'; const require = __cyanotypeRequire(import.meta.url);" },
  // puppeteer: only asked where its downloaded browser is.
  external: ['puppeteer'],
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  legalComments: 'eof',
  logLevel: 'warning',
};
