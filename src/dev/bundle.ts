/**
 * Bundles the page shell with esbuild: page.js (what the renderer loads), page-full.js (the
 * same plus layout, for the dev server and standalone HTML), dev.js (the dev page's toolbar
 * and live connection), page.css (the fonts' Latin faces as data URLs), page-ext.css (their
 * Latin Extended faces) and page-sym.css (the symbols family), both added to a tab only when a
 * text needs them (src/fonts/extra-faces.ts), glyphs.json (which characters those fonts
 * have, for the missing-glyph check) and bundle.sha256 (their digest, for output stamps). Used by `npm run build` and, on every component edit, by
 * `cyanotype dev`.
 */
import { build, type BuildOptions } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EXTENDED_FACES_FILE, SYMBOL_FACES_FILE } from '../fonts/extra-faces.js';
import { parseUnicodeRange, union, without } from '../fonts/code-points.js';
import { coverageOfCss, GLYPHS_FILE } from '../fonts/page-fonts.js';
import { SYMBOL_BLOCKS, SYMBOLS_FAMILY } from '../fonts/symbols.js';
import { BUNDLE_DIGEST_FILE, BUNDLE_FILES, bundleDigest } from '../render/page-assets.js';

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
  if (options.scriptsOnly) return writeDigest(out);
  await build({
    ...common,
    entryPoints: [join(root, 'components/page/fonts.css')],
    outfile: join(out, 'page.css'),
    // WOFF2 only: every Chromium reads it, and the WOFF fallbacks would double the page.
    loader: { '.woff2': 'dataurl', '.woff': 'empty' },
  });
  const css = (await readFile(join(out, 'page.css'), 'utf8')).replace(/,url\(\)\s*format\("woff"\)/g, '');
  await writeFile(join(out, 'page.css'), css);
  const [latin, latinExt] = [await fontsourceFaces(root, 'latin'), await fontsourceFaces(root, 'latin-ext')];
  const extended = await extendedFaces(latinExt);
  const symbols = await symbolFaces(root, [...latin, ...latinExt]);
  await writeFile(join(out, EXTENDED_FACES_FILE), extended);
  await writeFile(join(out, SYMBOL_FACES_FILE), symbols);
  await writeFile(join(out, GLYPHS_FILE), JSON.stringify(coverageOfCss(css + extended + symbols)));
  await copyFile(join(root, 'components/page/dev.html'), join(out, 'dev.html'));
  await writeDigest(out);
}

/** The bundle's digest for output stamps (src/render/page-assets.ts), made once here rather than by every render. */
async function writeDigest(out: string): Promise<void> {
  const files = new Map<string, Buffer>();
  for (const name of BUNDLE_FILES) files.set(name, await readFile(join(out, name)).catch(() => Buffer.alloc(0)));
  await writeFile(join(out, BUNDLE_DIGEST_FILE), `${bundleDigest(files)}\n`);
}

/** A fontsource face: the block its weight's CSS file names `<package>-<subset>-<weight>-normal`. */
interface FontsourceFace {
  readonly family: string;
  readonly weight: string;
  /** The WOFF2 file's path. */
  readonly file: string;
  readonly range: string;
}

/** The faces of `subset` for every face fonts.css bundles (packages without the subset give none). */
async function fontsourceFaces(root: string, subset: string): Promise<FontsourceFace[]> {
  const require = createRequire(join(root, 'package.json'));
  const sheet = await readFile(join(root, 'components/page/fonts.css'), 'utf8');
  const faces: FontsourceFace[] = [];
  for (const [, pkg = '', weight = ''] of sheet.matchAll(/@import\s+'@fontsource\/([a-z0-9-]+)\/latin-(\d+)\.css'/g)) {
    const css = await readFile(require.resolve(`@fontsource/${pkg}/${weight}.css`), 'utf8');
    const block = new RegExp(`/\\* ${pkg}-${subset}-${weight}-normal \\*/\\s*@font-face\\s*{([^}]*)}`).exec(css)?.[1];
    if (!block) continue;
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
    if (!file || !range || !family) throw new Error(`@fontsource/${pkg}/${weight}.css: unexpected ${subset} face`);
    faces.push({ family, weight, file: join(dirname(require.resolve(`@fontsource/${pkg}/package.json`)), 'files', file), range });
  }
  return faces;
}

/** An @font-face rule with the WOFF2 file inlined as a data URL. */
const fontFace = async (family: string, weight: string, file: string, range: string) =>
  `@font-face{font-family:${family};font-style:normal;font-display:swap;font-weight:${weight};` +
  `src:url(data:font/woff2;base64,${(await readFile(file)).toString('base64')}) format("woff2");unicode-range:${range}}`;

/**
 * The Latin Extended faces (Ł, ř, ő, ş…) of every face fonts.css bundles, as data URLs, each with
 * fontsource's `unicode-range`: a tab given them uses them only for the characters in that range,
 * so Latin text keeps its faces and its pixels. A family fontsource has no latin-ext subset for
 * (Share Tech Mono) has none.
 */
async function extendedFaces(faces: readonly FontsourceFace[]): Promise<string> {
  const rules = await Promise.all(faces.map((f) => fontFace(f.family, f.weight, f.file, f.range)));
  return `${rules.join('\n')}\n`;
}

/**
 * The symbols family (src/fonts/symbols.ts): DejaVu Sans regular and bold, each held to the symbol
 * blocks less every range a bundled Latin or Latin Extended face is for, so it never stands in for a
 * character a theme's own font was meant to draw (↑ and − are in the latin subsets).
 */
async function symbolFaces(root: string, latin: readonly FontsourceFace[]): Promise<string> {
  const taken = latin.map((f) => parseUnicodeRange(f.range)).reduce(union, []);
  const range = without(parseUnicodeRange(SYMBOL_BLOCKS), taken)
    .map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`))
    .join(',');
  const require = createRequire(join(root, 'package.json'));
  const files = join(dirname(require.resolve('@fontsource/dejavu-sans/package.json')), 'files');
  const rules = await Promise.all(
    ['400', '700'].map((weight) => fontFace(`'${SYMBOLS_FAMILY}'`, weight, join(files, `dejavu-sans-latin-${weight}-normal.woff2`), range)),
  );
  return `${rules.join('\n')}\n`;
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
