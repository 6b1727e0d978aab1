/**
 * Bundles the page shell with esbuild: page.js (what the renderer loads), page-full.js (the
 * same plus layout, for the dev server and standalone HTML), dev.js (the dev page's toolbar
 * and live connection), page.css (the fonts' Latin faces as data URLs), page-ext.css (their
 * Latin Extended faces, added to a tab only when a text needs them: see src/fonts/extra-faces.ts)
 * and glyphs.json (which characters those fonts have, for the missing-glyph check). Used by `npm run build` and,
 * on every component edit, by `cyanotype dev`.
 */
import { build, type BuildOptions } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
  const extended = await extendedFaces(root);
  await writeFile(join(out, 'page-ext.css'), extended);
  await writeFile(join(out, GLYPHS_FILE), JSON.stringify(coverageOfCss(css + extended)));
  await copyFile(join(root, 'components/page/dev.html'), join(out, 'dev.html'));
}

/**
 * The Latin Extended faces (Ł, ř, ő, ş…) of every face fonts.css bundles, as data URLs, each with
 * fontsource's `unicode-range`: a tab given them uses them only for the characters in that range,
 * so Latin text keeps its faces and its pixels. A family fontsource has no latin-ext subset for
 * (Share Tech Mono) has none.
 */
async function extendedFaces(root: string): Promise<string> {
  const require = createRequire(join(root, 'package.json'));
  const sheet = await readFile(join(root, 'components/page/fonts.css'), 'utf8');
  const faces: string[] = [];
  for (const [, pkg = '', weight = ''] of sheet.matchAll(/@import\s+'@fontsource\/([a-z0-9-]+)\/latin-(\d+)\.css'/g)) {
    const css = await readFile(require.resolve(`@fontsource/${pkg}/${weight}.css`), 'utf8');
    const block = new RegExp(`/\\* ${pkg}-latin-ext-${weight}-normal \\*/\\s*@font-face\\s*{([^}]*)}`).exec(css)?.[1];
    if (!block) continue;
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
    if (!file || !range || !family) throw new Error(`@fontsource/${pkg}/${weight}.css: unexpected latin-ext face`);
    const font = await readFile(join(dirname(require.resolve(`@fontsource/${pkg}/package.json`)), 'files', file));
    faces.push(
      `@font-face{font-family:${family};font-style:normal;font-display:swap;font-weight:${weight};` +
        `src:url(data:font/woff2;base64,${font.toString('base64')}) format("woff2");unicode-range:${range}}`,
    );
  }
  return `${faces.join('\n')}\n`;
}
