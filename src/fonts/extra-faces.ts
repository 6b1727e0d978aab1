/**
 * The bundle's extra faces — the Latin Extended ones (page-ext.css) and the symbols family
 * (page-sym.css, src/fonts/symbols.ts) — go into a tab only when a text needs them: in the shell
 * they would be parsed by every cold render, Latin-only or not (latin-ext alone: +216 KB of CSS,
 * +69 ms a cold render, measured in session 15). Each face carries a `unicode-range`, so once a tab
 * has them they draw exactly the characters in their ranges and Latin text keeps its faces and
 * its pixels.
 */
import { beyondLatin1, covers, parseUnicodeRange, type CodePointRanges } from './code-points.js';

export const EXTENDED_FACES_FILE = 'page-ext.css';
export const SYMBOL_FACES_FILE = 'page-sym.css';
/** The bundle's files of extra faces, each added to a tab on its own when a text needs it. */
export const EXTRA_FACE_FILES = [EXTENDED_FACES_FILE, SYMBOL_FACES_FILE] as const;

const rangesOf = new WeakMap<object, CodePointRanges>();

/** The characters the faces in `css` are for: every face's `unicode-range` together. */
function rangesIn(css: { toString(): string }): CodePointRanges {
  let ranges = rangesOf.get(css);
  if (!ranges) {
    const declared = [...css.toString().matchAll(/unicode-range:\s*([^;}]+)/g)].map((m) => m[1] ?? '').join(',');
    ranges = parseUnicodeRange(declared);
    rangesOf.set(css, ranges);
  }
  return ranges;
}

/**
 * True when `text` has a character one of the extra faces in `css` is for (and so must be in the
 * tab before it is measured or drawn). `css` is asked for only when the text has a character
 * above Latin-1: most texts never need the file read.
 */
export function needsExtraFaces(text: string, css: () => { toString(): string } | undefined): boolean {
  // Latin-1 is the shell's own faces': most texts end the search here.
  const asked = beyondLatin1(text);
  if (!asked) return false;
  const faces = css();
  if (!faces) return false;
  const ranges = rangesIn(faces);
  for (const ch of asked) if (covers(ranges, ch.codePointAt(0)!)) return true;
  return false;
}
