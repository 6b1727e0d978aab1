/**
 * Bundles the page shell: components/page/main.ts → dist/page/page.js (and main-full.ts →
 * page-full.js), the fonts →
 * dist/page/page.css (as data URLs), and copies index.html. One self-contained folder that
 * the renderer serves and the dev server mirrors.
 */
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/page/`;
await mkdir(out, { recursive: true });

// page.js: what the renderer loads (layout runs in Node, so no ELK here: a much faster page
// load). page-full.js: the same plus layout, for the dev server and standalone HTML files.
for (const [entry, outfile] of [
  ['main.ts', 'page.js'],
  ['main-full.ts', 'page-full.js'],
] as const) {
  await build({
    entryPoints: [`${root}components/page/${entry}`],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    minify: true,
    legalComments: 'eof',
    outfile: `${out}${outfile}`,
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'warning',
  });
}

await build({
  entryPoints: [`${root}components/page/fonts.css`],
  bundle: true,
  minify: true,
  outfile: `${out}page.css`,
  // WOFF2 only: every Chromium reads it, and the WOFF fallbacks would double the page.
  loader: { '.woff2': 'dataurl', '.woff': 'empty' },
  logLevel: 'warning',
});

await copyFile(`${root}components/page/index.html`, `${out}index.html`);
const css = await readFile(`${out}page.css`, 'utf8');
// Drop the now-empty WOFF fallbacks from each src list.
await writeFile(`${out}page.css`, css.replace(/,url\(\)\s*format\("woff"\)/g, ''));
