import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditGlyphs } from '../../src/check/glyphs.js';
import { fontFamilies } from '../../src/fonts/family-list.js';
import type { InspectedText } from '../../src/document.js';
import { beyondLatin1, covers, intersect, parseUnicodeRange, union, without } from '../../src/fonts/code-points.js';
import { coverageOfCss, pageGlyphCoverage } from '../../src/fonts/page-fonts.js';
import { needsExtraFaces } from '../../src/fonts/extra-faces.js';
import { SYMBOLS_FAMILY, withSymbolFallback } from '../../src/fonts/symbols.js';
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
      SYMBOLS_FAMILY,
    ]);
    const face = (weight: number, data: Buffer) =>
      `@font-face{font-family:"Two";font-weight:${weight};src:url(data:font/woff2;base64,${data.toString('base64')})}`;
    const file = (weight: number) => readFileSync(join(fontsource('chakra-petch'), 'files', `chakra-petch-latin-${weight}-normal.woff2`));
    const both = coverageOfCss(face(600, file(600)) + face(700, file(700)));
    expect(both['Two']).toEqual(intersect(woff2CodePoints(file(600)), woff2CodePoints(file(700))));
    expect(covers(coverage['Chakra Petch']!, 0xb5)).toBe(false); // Chakra Petch has no µ
  });

  it("joins one weight's subsets, each within its unicode-range, and the page has the Latin Extended faces", () => {
    const file = (subset: string) => readFileSync(join(fontsource('ibm-plex-mono'), 'files', `ibm-plex-mono-${subset}-600-normal.woff2`));
    const face = (subset: string, range?: string) =>
      `@font-face{font-family:Mono;font-weight:600;src:url(data:font/woff2;base64,${file(subset).toString('base64')})${range ? `;unicode-range:${range}` : ''}}`;
    const latin = woff2CodePoints(file('latin'));
    // The subset in full, then held to a range that leaves out Ł (U+0141) but keeps ř (U+0159).
    const whole = coverageOfCss(face('latin') + face('latin-ext'))['Mono']!;
    expect(covers(whole, 0x141) && covers(whole, 0x159) && covers(whole, 0x41)).toBe(true);
    const ranged = coverageOfCss(face('latin') + face('latin-ext', 'U+0150-015F'))['Mono']!;
    expect([covers(ranged, 0x141), covers(ranged, 0x159), covers(ranged, 0x41)]).toEqual([false, true, true]);
    expect(coverageOfCss(face('latin'))['Mono']).toEqual(latin);
    // What the build bundles: Ł and ř in IBM Plex Mono and Chakra Petch; Share Tech Mono has no Latin Extended subset.
    const coverage = pageGlyphCoverage();
    for (const family of ['IBM Plex Mono', 'IBM Plex Sans Condensed', 'Chakra Petch'])
      expect(
        [0x141, 0x159, 0x17a].map((c) => covers(coverage[family]!, c)),
        family,
      ).toEqual([true, true, true]);
    expect(covers(coverage['Share Tech Mono']!, 0x141)).toBe(false);
  });

  it('reads a unicode-range: single points, spans, wildcards, merged and sorted; joins and takes away ranges', () => {
    expect(parseUnicodeRange('U+0304, U+0100-02BA,u+1E??,U+0300-0305')).toEqual([
      [0x100, 0x2ba],
      [0x300, 0x305],
      [0x1e00, 0x1eff],
    ]);
    expect(
      union(
        [[1, 3]],
        [
          [4, 6],
          [9, 9],
        ],
      ),
    ).toEqual([
      [1, 6],
      [9, 9],
    ]);
    expect(
      without(
        [[0, 20]],
        [
          [0, 2],
          [5, 6],
          [18, 30],
        ],
      ),
    ).toEqual([
      [3, 4],
      [7, 17],
    ]);
  });
});

describe('the symbols family', () => {
  it('goes into every text role font list before the first generic family, or last', () => {
    const css = `cy-artboard {
      --cy-text-title-family: 'Chakra Petch', sans-serif;
      --cy-text-tag-family: "IBM Plex Mono",monospace !important;
      --cy-text-badge-family: VT323;
      --cy-text-note-role-family: var(--brand-font);
      --cy-node-border: var(--cy-color-line);
    }`;
    expect(withSymbolFallback(css)).toBe(`cy-artboard {
      --cy-text-title-family: 'Chakra Petch', '${SYMBOLS_FAMILY}', sans-serif;
      --cy-text-tag-family: "IBM Plex Mono", '${SYMBOLS_FAMILY}',monospace !important;
      --cy-text-badge-family: VT323, '${SYMBOLS_FAMILY}';
      --cy-text-note-role-family: var(--brand-font);
      --cy-node-border: var(--cy-color-line);
    }`);
    expect(withSymbolFallback(withSymbolFallback(css))).toBe(withSymbolFallback(css));
  });

  it('has arrows, math, Greek and check marks, and none of what the Latin faces are for', () => {
    const symbols = pageGlyphCoverage()[SYMBOLS_FAMILY]!;
    expect([...'→⇒≥≠λΔ✓─'].filter((c) => !covers(symbols, c.codePointAt(0)!))).toEqual([]);
    // ↑ and − are in the latin subsets: the theme's own font draws them, as before.
    expect([...'↑−A€'].filter((c) => covers(symbols, c.codePointAt(0)!))).toEqual([]);
    const css = readFileSync('dist/page/page-sym.css');
    expect([
      needsExtraFaces('pull → ack', () => css),
      needsExtraFaces('λ handler', () => css),
      needsExtraFaces('↑ up − down', () => css),
    ]).toEqual([true, true, false]);
  });
});

describe('extra faces by need', () => {
  const css = readFileSync('dist/page/page-ext.css');
  it('are needed for a character in their ranges, not for Latin-1 or typography the shell has', () => {
    expect(needsExtraFaces('Dvořák Store', () => css)).toBe(true);
    expect(needsExtraFaces('Łódź', () => css)).toBe(true);
    expect(needsExtraFaces('Zürich “café” — naïve… €5', () => css)).toBe(false);
    expect(needsExtraFaces('注文 Queue', () => css)).toBe(false);
  });

  it('ask only about the characters above Latin-1, each once, astral ones whole', () => {
    expect(beyondLatin1('Zürich café')).toBe('');
    expect(beyondLatin1('Łódź → Łask → 🚀')).toBe('Łź→🚀');
    let asked = 0;
    expect(needsExtraFaces('plain Latin-1 ü', () => (asked++, css))).toBe(false);
    expect(asked).toBe(0);
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
    // ƒ is in the subsets, its capital Ƒ is not: a band title drawn in capitals lacks it.
    expect(auditGlyphs([text(['Zƒ'])], coverage)).toEqual([]);
    const [finding] = auditGlyphs([text(['Zƒ'], { uppercase: true })], coverage);
    expect(finding?.message).toMatch(/^"Zƒ": IBM Plex Mono has no Ƒ \(U\+0191\); it comes out/);
    expect(finding?.element).toEqual({ kind: 'band', id: '0' });
  });

  it('counts a character another bundled family in the list has, and ignores texts in system fonts only', () => {
    expect(auditGlyphs([text(['µs'], { font: '"Chakra Petch", "IBM Plex Mono", sans-serif' })], coverage)).toEqual([]);
    expect(auditGlyphs([text(['µs'], { font: '"Chakra Petch", sans-serif' })], coverage)).toHaveLength(1);
    expect(auditGlyphs([text(['数'], { font: 'Arial, sans-serif' })], coverage)).toEqual([]);
  });
});
