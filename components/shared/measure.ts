/** Text measurement with the real, loaded fonts, through one offscreen canvas. */
import { beyondLatin1 } from '../../src/fonts/code-points.js';
import type { FontMetrics, MeasureText } from '../../src/layout/types.js';

export function canvasMeasurer(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('canvas 2d context unavailable');
  const cache = new Map<string, number>();
  return (text: string, font: FontMetrics) => {
    const key = `${font.weight}|${font.size}|${font.family}|${font.letterSpacing}|${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    context.font = `${font.weight} ${font.size}px ${font.family}`;
    context.letterSpacing = `${font.letterSpacing}px`;
    // Round up: DOM text layout can land a fraction of a pixel wider than canvas metrics.
    const width = Math.ceil(context.measureText(text).width + 0.5);
    cache.set(key, width);
    return width;
  };
}

/**
 * Waits until every font a role names is loaded, so measurement never sees a fallback font.
 * `text`: characters beyond Latin-1 the fonts are to draw too — a face split by `unicode-range`
 * loads only the subsets the sample text asks for, and the Latin sample asks for one.
 */
export async function loadFonts(fonts: readonly FontMetrics[], text = ''): Promise<void> {
  const sample = `AaZz09${beyondLatin1(text)}`;
  await Promise.all(fonts.map((f) => document.fonts.load(`${f.weight} ${f.size}px ${f.family}`, sample)));
  await document.fonts.ready;
}
