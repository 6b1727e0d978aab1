/**
 * Text contrast measured against what is really behind the text in the rendered picture: the
 * background is sampled from the pixels around the text, the foreground is the text's
 * computed colour blended over it.
 */
import type { Rgba } from './rgba.js';
import type { InspectedText } from '../document.js';
import { elementOf } from './layout-audit.js';
import { MIN_CONTRAST, MIN_CONTRAST_LARGE, type Finding } from './findings.js';

type Rgb = readonly [number, number, number];

export function parseColor(css: string): { rgb: Rgb; alpha: number } | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) return undefined;
  const alphaText = m[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  return { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha };
}

/** WCAG 2.1 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colour right around the text: the most common pixel in a thin ring just outside the
 * glyphs' box (kept inside the text's own container). Inside the box, bold glowing type can
 * outnumber the ground; around it, the ground is all there is.
 */
export function backgroundOf(image: Rgba, text: InspectedText, scale: number, fg: Rgb): Rgb | undefined {
  const box = text.box;
  const limit = text.container;
  const x0 = Math.max(0, Math.floor(Math.max(box.x - 4, limit.x) * scale));
  const y0 = Math.max(0, Math.floor(Math.max(box.y - 4, limit.y) * scale));
  const x1 = Math.min(image.width, Math.ceil(Math.min(box.x + box.width + 4, limit.x + limit.width) * scale));
  const y1 = Math.min(image.height, Math.ceil(Math.min(box.y + box.height + 4, limit.y + limit.height) * scale));
  if (x1 <= x0 || y1 <= y0) return undefined;
  // The glyphs' own box, left out: the columns from ix0 up to ix1 on the rows from iy0 up to iy1.
  const ix0 = Math.ceil((box.x - 1) * scale);
  const ix1 = Math.ceil((box.x + box.width + 1) * scale);
  const iy0 = Math.ceil((box.y - 1) * scale);
  const iy1 = Math.ceil((box.y + box.height + 1) * scale);
  const keys = new Uint32Array((x1 - x0) * (y1 - y0));
  let n = 0;
  const { data, channels, width } = image;
  const take = (y: number, from: number, to: number) => {
    for (let x = from, i = (y * width + from) * channels; x < to; x++, i += channels)
      keys[n++] = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
  };
  for (let y = y0; y < y1; y++) {
    if (y >= iy0 && y < iy1 && ix0 < x1 && ix1 > x0) {
      take(y, x0, Math.max(x0, ix0));
      take(y, Math.min(x1, ix1), x1);
    } else take(y, x0, x1);
  }
  if (n === 0) return undefined;
  // Counted by sorting (a typed array sorts natively, which a cold process runs ~10× faster
  // than a Map of counts filled pixel by pixel); ties go to the colour met first in the ring.
  const scanned = keys.subarray(0, n);
  const sorted = scanned.slice().sort();
  const rgb = (key: number): Rgb => [(key >> 16) & 255, (key >> 8) & 255, key & 255];
  // A border or rule in the text's own colour can ring it (a tag, say): the ground is the most
  // common colour that is not the text's; only when nothing else is there is it the text's.
  const far = (key: number) =>
    Math.abs(((key >> 16) & 255) - fg[0]) + Math.abs(((key >> 8) & 255) - fg[1]) + Math.abs((key & 255) - fg[2]) > 24;
  let best: number[] = [];
  let bestCount = 0;
  let bestNear: number[] = [];
  let bestNearCount = 0;
  for (let at = 0; at < n;) {
    const key = sorted[at]!;
    let end = at + 1;
    while (end < n && sorted[end] === key) end++;
    const count = end - at;
    if (far(key)) {
      if (count > bestCount) ((best = [key]), (bestCount = count));
      else if (count === bestCount) best.push(key);
    } else if (count > bestNearCount) ((bestNear = [key]), (bestNearCount = count));
    else if (count === bestNearCount) bestNear.push(key);
    at = end;
  }
  const winners = best.length > 0 ? best : bestNear;
  if (winners.length === 1) return rgb(winners[0]!);
  const tied = new Set(winners);
  return rgb(scanned.find((key) => tied.has(key))!);
}

export function auditContrast(texts: readonly InspectedText[], image: Rgba, scale: number): Finding[] {
  const findings: Finding[] = [];
  for (const text of texts) {
    const color = parseColor(text.color);
    if (!color) continue;
    const background = backgroundOf(image, text, scale, color.rgb);
    if (!background) continue;
    const fg: Rgb = [0, 1, 2].map((c) => color.rgb[c]! * color.alpha + background[c]! * (1 - color.alpha)) as unknown as Rgb;
    const ratio = contrastRatio(fg, background);
    const needed = text.fontSize >= 24 ? MIN_CONTRAST_LARGE : MIN_CONTRAST;
    if (ratio + 1e-9 < needed) {
      findings.push({
        rule: 'low-contrast',
        severity: 'error',
        element: elementOf(text.kind, text.owner),
        box: text.box,
        message: `"${text.text.length > 40 ? `${text.text.slice(0, 37)}…` : text.text}" has contrast ${ratio.toFixed(2)}:1 against its background, below ${needed}:1; darken or lighten the theme's text colour`,
      });
    }
  }
  return findings;
}
