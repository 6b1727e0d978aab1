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
function backgroundOf(image: Rgba, text: InspectedText, scale: number, fg: Rgb): Rgb | undefined {
  const counts = new Map<number, number>();
  const box = text.box;
  const limit = text.container;
  const x0 = Math.max(0, Math.floor(Math.max(box.x - 4, limit.x) * scale));
  const y0 = Math.max(0, Math.floor(Math.max(box.y - 4, limit.y) * scale));
  const x1 = Math.min(image.width, Math.ceil(Math.min(box.x + box.width + 4, limit.x + limit.width) * scale));
  const y1 = Math.min(image.height, Math.ceil(Math.min(box.y + box.height + 4, limit.y + limit.height) * scale));
  const inner = {
    x0: (box.x - 1) * scale,
    y0: (box.y - 1) * scale,
    x1: (box.x + box.width + 1) * scale,
    y1: (box.y + box.height + 1) * scale,
  };
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (x >= inner.x0 && x < inner.x1 && y >= inner.y0 && y < inner.y1) continue;
      const i = (y * image.width + x) * image.channels;
      const key = ((image.data[i] ?? 0) << 16) | ((image.data[i + 1] ?? 0) << 8) | (image.data[i + 2] ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  // A border or rule in the text's own colour can ring it (a tag, say): the ground is the most
  // common colour that is not the text's; only when nothing else is there is it the text's.
  const rgb = (key: number): Rgb => [(key >> 16) & 255, (key >> 8) & 255, key & 255];
  const far = (c: Rgb) => Math.abs(c[0] - fg[0]) + Math.abs(c[1] - fg[1]) + Math.abs(c[2] - fg[2]) > 24;
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([key]) => rgb(key));
  return ranked.find(far) ?? ranked[0];
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
