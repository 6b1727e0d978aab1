/**
 * Which characters the page's bundled fonts can draw, per font family: read from the WOFF2
 * data URLs in the built page.css (so from exactly what the page has), at build time into
 * dist/page/glyphs.json. A character outside them is drawn with whatever font the machine
 * has, or as an empty box (the `missing-glyph` check).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { SYMBOLS_FAMILY } from './symbols.js';
import { intersect, parseUnicodeRange, union, type CodePointRanges } from './code-points.js';
import { woff2CodePoints } from './woff2-cmap.js';

/** Font family (as CSS names it) → the characters every bundled face of it has. */
export type GlyphCoverage = Readonly<Record<string, CodePointRanges>>;

export const GLYPHS_FILE = 'glyphs.json';

/**
 * The coverage of every @font-face in `css` whose source is a WOFF2 data URL. The faces of one
 * weight and style are one face split into subsets by `unicode-range` (fontsource's latin and
 * latin-ext): together they have what any of them has, within its range.
 */
export function coverageOfCss(css: string): GlyphCoverage {
  const families = new Map<string, Map<string, CodePointRanges>>();
  for (const [, block = ''] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const family = /font-family:\s*(?:"([^"]+)"|'([^']+)'|([^;]+))/.exec(block);
    const data = /url\(\s*["']?data:font\/woff2;base64,([A-Za-z0-9+/=]+)/.exec(block);
    const name = (family?.[1] ?? family?.[2] ?? family?.[3])?.trim();
    if (!name || !data?.[1]) continue;
    const range = /unicode-range:\s*([^;]+)/.exec(block)?.[1];
    const glyphs = woff2CodePoints(Buffer.from(data[1], 'base64'));
    const has = range ? intersect(glyphs, parseUnicodeRange(range)) : glyphs;
    const face = `${/font-weight:\s*([^;]+)/.exec(block)?.[1]?.trim() ?? ''}|${/font-style:\s*([^;]+)/.exec(block)?.[1]?.trim() ?? ''}`;
    const faces = families.get(name) ?? new Map<string, CodePointRanges>();
    faces.set(face, union(faces.get(face) ?? [], has));
    families.set(name, faces);
  }
  // Where one weight lacks a character, the family is taken not to have it, since which face
  // draws a text depends on its weight.
  return Object.fromEntries([...families].map(([name, faces]) => [name, [...faces.values()].reduce(intersect)]));
}

let loaded: GlyphCoverage | undefined;

const glyphsPath = (): string => join(packageRoot(), 'dist', 'page', GLYPHS_FILE);

/** The coverage `npm run build` wrote beside the page bundle. */
export function pageGlyphCoverage(): GlyphCoverage {
  loaded ??= JSON.parse(readFileSync(glyphsPath(), 'utf8')) as GlyphCoverage;
  return loaded;
}

/**
 * The font families the page bundles for themes to name (not the symbols family, the page's own
 * fallback); undefined before `npm run build` has written the bundle.
 */
export function bundledFamilies(): string[] | undefined {
  return existsSync(glyphsPath())
    ? Object.keys(pageGlyphCoverage())
        .filter((family) => family !== SYMBOLS_FAMILY)
        .sort()
    : undefined;
}
