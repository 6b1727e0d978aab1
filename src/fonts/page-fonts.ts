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
import { woff2CodePoints, type CodePointRanges } from './woff2-cmap.js';

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

/** A CSS `unicode-range` value (`U+0100-02BA,U+0304,U+1E??`) as sorted, merged ranges. */
export function parseUnicodeRange(value: string): CodePointRanges {
  const ranges = value
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part.length > 0)
    .map((part): [number, number] => {
      if (part.includes('?')) return [Number.parseInt(part.replace(/\?/g, '0'), 16), Number.parseInt(part.replace(/\?/g, 'F'), 16)];
      const [from = '', to = from] = part.split('-');
      return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
    })
    .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to) && from <= to)
    .sort((a, b) => a[0] - b[0]);
  return ranges.reduce<CodePointRanges>((merged, range) => union(merged, [range]), []);
}

/** The characters in either of two sorted range lists, as one sorted list of disjoint ranges. */
export function union(a: CodePointRanges, b: CodePointRanges): CodePointRanges {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [from, to] of all) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

export function intersect(a: CodePointRanges, b: CodePointRanges): CodePointRanges {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    const from = Math.max(a0, b0);
    const to = Math.min(a1, b1);
    if (from <= to) out.push([from, to]);
    if (a1 < b1) i++;
    else j++;
  }
  return out;
}

export function covers(ranges: CodePointRanges, codePoint: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = ranges[mid]!;
    if (codePoint < from) high = mid - 1;
    else if (codePoint > to) low = mid + 1;
    else return true;
  }
  return false;
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
