/**
 * Bundles the page shell with esbuild: page.js (what the renderer loads), page-full.js (the
 * same plus layout, for the dev server and standalone HTML), dev.js (the dev page's toolbar
 * and live connection), page.css (the fonts as data URLs) and glyphs.json (which characters
 * those fonts have, for the missing-glyph check). Used by `npm run build` and,
 * on every component edit, by `cyanotype dev`.
 */
import { build, type BuildOptions } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coverageOfCss, GLYPHS_FILE } from '../fonts/page-fonts.js';

const SCRIPTS = [
  ['main.ts', 'page.js'],
  ['main-full.ts', 'page-full.js'],
  ['dev-client.ts', 'dev.js'],
] as const;

export async function bundlePage(root: string, out: string, options: { readonly scriptsOnly?: boolean } = {}): Promise<void> {
  await mkdir(out, { recursive: true });
  const common: BuildOptions = {
    bundle: true,
    minify: true,
    legalComments: 'eof',
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'),
  };
  await Promise.all(
    SCRIPTS.map(([entry, file]) =>
      build({
        ...common,
        entryPoints: [join(root, 'components/page', entry)],
        format: 'esm',
        target: 'chrome120',
        outfile: join(out, file),
      }),
    ),
  );
  if (options.scriptsOnly) return;
  await build({
    ...common,
    entryPoints: [join(root, 'components/page/fonts.css')],
    outfile: join(out, 'page.css'),
    // WOFF2 only: every Chromium reads it, and the WOFF fallbacks would double the page.
    loader: { '.woff2': 'dataurl', '.woff': 'empty' },
  });
  const css = (await readFile(join(out, 'page.css'), 'utf8')).replace(/,url\(\)\s*format\("woff"\)/g, '');
  await writeFile(join(out, 'page.css'), css);
  await writeFile(join(out, GLYPHS_FILE), JSON.stringify(coverageOfCss(css)));
  await copyFile(join(root, 'components/page/dev.html'), join(out, 'dev.html'));
}
