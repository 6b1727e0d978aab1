/**
 * missing-glyph: characters neither the theme's bundled fonts nor the bundled symbols family can
 * draw. Chromium draws them with whatever font the machine has — or, with none, as empty boxes —
 * so the picture differs between machines, and may not say what the spec says.
 */
import type { InspectedText } from '../document.js';
import { fontFamilies } from '../fonts/family-list.js';
import { covers } from '../fonts/code-points.js';
import type { GlyphCoverage } from '../fonts/page-fonts.js';
import { SYMBOLS_FAMILY } from '../fonts/symbols.js';
import type { Finding } from './findings.js';
import { elementOf } from './layout-audit.js';

/** At most this many characters are named in one finding. */
const NAMED = 8;

export function auditGlyphs(texts: readonly InspectedText[], coverage: GlyphCoverage): Finding[] {
  const findings: Finding[] = [];
  for (const text of texts) {
    const bundled = fontFamilies(text.font).filter((family) => family in coverage);
    // The theme's own fonts, as a finding names them: the symbols family is the page's fallback.
    const named = bundled.filter((family) => family !== SYMBOLS_FAMILY);
    // A theme that names only system fonts has no bundled glyphs to compare against.
    if (named.length === 0) continue;
    const drawn = text.lines.join('');
    const missing = [...new Set(text.uppercase ? drawn.toUpperCase() : drawn)].filter((char) => {
      const codePoint = char.codePointAt(0) ?? 0;
      return !bundled.some((family) => covers(coverage[family]!, codePoint));
    });
    if (missing.length === 0) continue;
    const characters = missing
      .slice(0, NAMED)
      .map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
    const more = missing.length > NAMED ? ` and ${missing.length - NAMED} more` : '';
    const them = missing.length === 1 ? 'it' : 'them';
    findings.push({
      rule: 'missing-glyph',
      severity: 'error',
      element: elementOf(text.kind, text.owner),
      box: text.box,
      message:
        `"${text.text.length > 40 ? `${text.text.slice(0, 37)}…` : text.text}": ${named.join(' and ')} ${named.length === 1 ? 'has' : 'have'} ` +
        `no ${characters.join(', ')}${more}; ${missing.length === 1 ? 'it comes' : 'they come'} out in whatever font this machine has, or as ` +
        `${missing.length === 1 ? 'an empty box' : 'empty boxes'} — write the text without ${them}, or use a theme font that has ${them}`,
    });
  }
  return findings;
}
