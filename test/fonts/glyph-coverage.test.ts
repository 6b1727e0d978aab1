import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditGlyphs } from '../../src/check/glyphs.js';
import { fontFamilies } from '../../src/fonts/family-list.js';
import type { InspectedText } from '../../src/document.js';
import { coverageOfCss, covers, intersect, pageGlyphCoverage } from '../../src/fonts/page-fonts.js';
import { cmapCodePoints, woff2CodePoints } from '../../src/fonts/woff2-cmap.js';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const fontsource = (name: string) => dirname(require.resolve(`@fontsource/${name}/package.json`));

/** The ranges a fontsource CSS file declares for its latin subset (`unicode-range: U+0000-00FF,…`). */
function declaredLatin(name: string): [number, number][] {
  const css = readFileSync(join(fontsource(name), '400.css'), 'utf8');
  const latin = /latin-400-normal \*\/\s*@font-face\s*{[^}]*unicode-range:\s*([^;]+);/.exec(css)?.[1] ?? '';
  return latin.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/, '').split('-');
    return [Number.parseInt(from!, 16), Number.parseInt(to!, 16)];
  });
}

/** A table of a WOFF 1.0 font: each table zlib-compressed on its own, found by its directory entry. */
function woffTable(font: Buffer, tag: string): Buffer {
  for (let i = 0; i < font.readUInt16BE(12); i++) {
    const entry = 44 + i * 20;
    if (font.toString('latin1', entry, entry + 4) !== tag) continue;
    const [offset, compressed, length] = [font.readUInt32BE(entry + 4), font.readUInt32BE(entry + 8), font.readUInt32BE(entry + 12)];
    const data = font.subarray(offset, offset + compressed);
    return compressed < length ? inflateSync(data) : data;
  }
  throw new Error(`no ${tag}`);
}

describe('glyph coverage of the bundled fonts', () => {
  it('reads a WOFF2 cmap: every printable ASCII character, nothing beyond the subset fontsource declares but accents', () => {
    for (const name of ['ibm-plex-mono', 'chakra-petch', 'vt323']) {
      const ranges = woff2CodePoints(readFileSync(join(fontsource(name), 'files', `${name}-latin-400-normal.woff2`)));
      for (let c = 0x20; c <= 0x7e; c++) expect(covers(ranges, c), `${name} U+${c.toString(16)}`).toBe(true);
      // The subsets keep a few combining accents (U+0300–036F) for composed letters.
      expect(
        intersect(
          ranges,
          [...declaredLatin(name), [0x300, 0x36f] as [number, number]].sort((a, b) => a[0] - b[0]),
        ),
      ).toEqual(ranges);
      expect(covers(ranges, 0x2192)).toBe(false); // → is not in fontsource's latin subset
    }
  });

  it('reads the same characters from a WOFF2 as from the WOFF of the same font', () => {
    const file = join(fontsource('ibm-plex-sans-condensed'), 'files', 'ibm-plex-sans-condensed-latin-500-normal');
    expect(woff2CodePoints(readFileSync(`${file}.woff2`))).toEqual(cmapCodePoints(woffTable(readFileSync(`${file}.woff`), 'cmap')));
  });

  it('gives every family the page bundles, and only what all its faces have', () => {
    const coverage = pageGlyphCoverage();
    expect(Object.keys(coverage).sort()).toEqual([
      'Atkinson Hyperlegible',
      'Chakra Petch',
      'IBM Plex Mono',
      'IBM Plex Sans Condensed',
      'IBM Plex Serif',
      'Patrick Hand',
      'Share Tech Mono',
      'VT323',
    ]);
    const face = (ranges: string) => `@font-face{font-family:"Two";src:url(data:font/woff2;base64,${ranges})}`;
    const file = (weight: number) => readFileSync(join(fontsource('chakra-petch'), 'files', `chakra-petch-latin-${weight}-normal.woff2`));
    const both = coverageOfCss(face(file(600).toString('base64')) + face(file(700).toString('base64')));
    expect(both['Two']).toEqual(intersect(woff2CodePoints(file(600)), woff2CodePoints(file(700))));
    expect(covers(coverage['Chakra Petch']!, 0xb5)).toBe(false); // Chakra Petch has no µ
  });
});

describe('missing-glyph', () => {
  const coverage = pageGlyphCoverage();
  const text = (lines: string[], over: Partial<InspectedText> = {}): InspectedText => ({
    kind: 'band',
    owner: '0',
    text: lines.join(' '),
    lines,
    box: { x: 10, y: 10, width: 100, height: 16 },
    container: { x: 0, y: 0, width: 200, height: 40 },
    fontSize: 12,
    color: 'rgb(0, 0, 0)',
    font: '"IBM Plex Mono", monospace',
    uppercase: false,
    ...over,
  });

  it('splits a computed font-family list', () => {
    expect(fontFamilies(`"IBM Plex Mono", 'VT323', monospace`)).toEqual(['IBM Plex Mono', 'VT323', 'monospace']);
  });

  it('passes Latin text and reports what the fonts lack, as drawn', () => {
    expect(auditGlyphs([text(['Café – “naïve” façade…'])], coverage)).toEqual([]);
    // ÿ is in the subset, its capital Ÿ is not: a band title drawn in capitals lacks it.
    expect(auditGlyphs([text(['Zÿ'])], coverage)).toEqual([]);
    const [finding] = auditGlyphs([text(['Zÿ'], { uppercase: true })], coverage);
    expect(finding?.message).toMatch(/^"Zÿ": IBM Plex Mono has no Ÿ \(U\+0178\); it comes out/);
    expect(finding?.element).toEqual({ kind: 'band', id: '0' });
  });

  it('counts a character another bundled family in the list has, and ignores texts in system fonts only', () => {
    expect(auditGlyphs([text(['µs'], { font: '"Chakra Petch", "IBM Plex Mono", sans-serif' })], coverage)).toEqual([]);
    expect(auditGlyphs([text(['µs'], { font: '"Chakra Petch", sans-serif' })], coverage)).toHaveLength(1);
    expect(auditGlyphs([text(['数'], { font: 'Arial, sans-serif' })], coverage)).toEqual([]);
  });
});
