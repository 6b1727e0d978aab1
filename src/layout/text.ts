/** Line breaking with measured widths, so the page draws exactly the lines layout planned. */
import type { FontMetrics, MeasureText, Rect, TextBlock } from './types.js';

export interface WrappedText {
  readonly lines: string[];
  readonly width: number;
  readonly height: number;
  readonly overflows: boolean;
}

/** Greedy word wrap at spaces (and after "/" when a single word is too long). */
export function wrapText(text: string, font: FontMetrics, maxWidth: number, measure: MeasureText): WrappedText {
  const shown = font.uppercase ? text.toUpperCase() : text;
  const words = shown.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || measure(candidate, font) <= maxWidth) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const widths = lines.map((line) => measure(line, font));
  const width = Math.max(0, ...widths);
  return {
    lines,
    width,
    height: lines.length * font.lineHeight,
    overflows: width > maxWidth + 0.5,
  };
}

/** A wrapped text placed with its top-left corner at (x, y). */
export function placeText(wrapped: WrappedText, x: number, y: number, width = wrapped.width): TextBlock {
  const rect: Rect = { x, y, width, height: wrapped.height };
  return { lines: wrapped.lines, rect, overflows: wrapped.overflows };
}

/** Round up to whole pixels so boxes land on the pixel grid and render crisply. */
export function ceilPx(value: number): number {
  return Math.ceil(value - 1e-6);
}
