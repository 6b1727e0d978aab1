/** Line breaking with measured widths, so the page draws exactly the lines layout planned. */
import type { FontMetrics, MeasureText, Rect, TextBlock } from './types.js';

export interface WrappedText {
  readonly text: string;
  readonly lines: string[];
  readonly width: number;
  readonly height: number;
  readonly overflows: boolean;
  readonly shrunk?: { readonly size: number; readonly lineHeight: number } | undefined;
}

/**
 * Greedy word wrap at spaces. A word too long for a line on its own is broken after its
 * hyphens or slashes ("Internationalization-" / "Service"); one that cannot be broken overflows
 * and says so.
 */
export function wrapText(text: string, font: FontMetrics, maxWidth: number, measure: MeasureText): WrappedText {
  const shown = font.uppercase ? text.toUpperCase() : text;
  const words = shown.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  const fits = (candidate: string) => measure(candidate, font) <= maxWidth;
  for (const word of words) {
    if (current && fits(`${current} ${word}`)) {
      current = `${current} ${word}`;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    if (fits(word)) continue;
    const pieces = word.split(/(?<=[-/])/);
    if (pieces.length === 1) continue;
    current = '';
    for (const piece of pieces) {
      if (current && fits(current + piece)) {
        current += piece;
      } else {
        if (current) lines.push(current);
        current = piece;
      }
    }
  }
  if (current) lines.push(current);
  const widths = lines.map((line) => measure(line, font));
  const width = Math.max(0, ...widths);
  return {
    text: words.join(' '),
    lines,
    width,
    height: lines.length * font.lineHeight,
    overflows: width > maxWidth + 0.5,
  };
}

/**
 * Wraps, and when a line still does not fit (an unbreakable word), shrinks the text in
 * half-pixel steps down to `minSize` before giving up and reporting the overflow.
 */
export function fitText(text: string, font: FontMetrics, maxWidth: number, measure: MeasureText, minSize: number): WrappedText {
  let wrapped = wrapText(text, font, maxWidth, measure);
  for (let size = font.size - 0.5; wrapped.overflows && size >= minSize - 1e-6; size -= 0.5) {
    const lineHeight = Math.round((font.lineHeight * size) / font.size);
    const smaller = { ...font, size, lineHeight };
    wrapped = { ...wrapText(text, smaller, maxWidth, measure), shrunk: { size, lineHeight } };
  }
  return wrapped;
}

/** A wrapped text placed with its top-left corner at (x, y). */
export function placeText(wrapped: WrappedText, x: number, y: number, width = wrapped.width): TextBlock {
  const rect: Rect = { x, y, width, height: wrapped.height };
  return { text: wrapped.text, lines: wrapped.lines, rect, overflows: wrapped.overflows, shrunk: wrapped.shrunk };
}

/** Round up to whole pixels so boxes land on the pixel grid and render crisply. */
export function ceilPx(value: number): number {
  return Math.ceil(value - 1e-6);
}
