/**
 * Text measurement across the Node/browser boundary. Layout runs in Node but text must be
 * measured in the browser with the real fonts, so Node first lists every string layout can
 * ask about (each contiguous run of words of each text, in the font it is set in), the page
 * measures them all in one call, and layout then reads widths from the table (measureTable).
 */
import { LEGEND_TITLE } from './frame.js';
import type { Spec } from '../spec/model.js';
import type { FontMetrics, LayoutMetrics, MeasureText } from './types.js';

export interface MeasureRequest {
  readonly text: string;
  readonly font: FontMetrics;
}

/**
 * Measure requests as they cross to the page: each font once, each string with its font's
 * index. The flagship's 769 requests were 126 KB of JSON with the font repeated in every one;
 * serialising and parsing that cost a cold render ~10 ms more than measuring did.
 */
export interface MeasureBatch {
  readonly fonts: readonly FontMetrics[];
  readonly runs: ReadonlyArray<readonly [font: number, text: string]>;
}

export function packRequests(requests: readonly MeasureRequest[]): MeasureBatch {
  const fonts: FontMetrics[] = [];
  const index = new Map<FontMetrics, number>();
  const runs = requests.map(({ text, font }): [number, string] => {
    let at = index.get(font);
    if (at === undefined) {
      at = fonts.push(font) - 1;
      index.set(font, at);
    }
    return [at, text];
  });
  return { fonts, runs };
}

export const fontKey = (font: FontMetrics): string => `${font.weight}|${font.size}|${font.letterSpacing}|${font.family}`;

/** The strings wrapText usually measures for `text`: all contiguous runs of its words. */
function runsOf(text: string, font: FontMetrics): string[] {
  const words = (font.uppercase ? text.toUpperCase() : text).split(/\s+/).filter(Boolean);
  const runs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < words.length; j++) runs.push(words.slice(i, j + 1).join(' '));
  }
  return runs;
}

/** The strings layoutSpec will measure for this spec, each with its font. */
export function measureRequests(spec: Spec, metrics: LayoutMetrics): MeasureRequest[] {
  const f = metrics.fonts;
  const texts: Array<[string | undefined, FontMetrics]> = [
    [spec.title, f.title],
    [spec.subtitle, f.subtitle],
    [spec.archetype, f.tag],
    [LEGEND_TITLE, f.legendTitle],
    ...spec.components.flatMap((c): Array<[string | undefined, FontMetrics]> => [
      [c.label, f.nodeLabel],
      [c.role, f.nodeRole],
      [c.band?.replace(/[-_]+/g, ' '), f.bandTitle],
    ]),
    ...spec.connections.map((c): [string | undefined, FontMetrics] => [c.label, f.edgeLabel]),
    ...spec.notes.flatMap((n): Array<[string | undefined, FontMetrics]> => [
      [n.title, f.noteTitle],
      [n.role, f.noteRole],
    ]),
    ...spec.legend.map((s): [string | undefined, FontMetrics] => [s.text, f.legendText]),
  ];
  const seen = new Set<string>();
  const requests: MeasureRequest[] = [];
  for (const [text, font] of texts) {
    if (text === undefined) continue;
    for (const run of runsOf(text, font)) {
      const key = `${fontKey(font)}|${run}`;
      if (seen.has(key)) continue;
      seen.add(key);
      requests.push({ text: run, font });
    }
  }
  return requests;
}

export interface MeasureTable {
  readonly measure: MeasureText;
  /** Strings layout asked for that were not in the table (answered with an estimate). */
  readonly misses: MeasureRequest[];
}

/**
 * A measurer answering from widths the page measured. A string that was not listed (a long
 * word broken at its hyphens, say) is answered with an estimate and recorded, so the caller
 * can measure it and lay out again with exact widths.
 */
export function measureTable(requests: readonly MeasureRequest[], widths: readonly number[]): MeasureTable {
  const table = new Map<string, number>();
  requests.forEach((r, i) => table.set(`${fontKey(r.font)}|${r.text}`, widths[i] ?? 0));
  const misses: MeasureRequest[] = [];
  const missed = new Set<string>();
  const measure: MeasureText = (text, font) => {
    const key = `${fontKey(font)}|${text}`;
    const width = table.get(key);
    if (width !== undefined) return width;
    if (!missed.has(key)) {
      missed.add(key);
      misses.push({ text, font });
    }
    return text.length * font.size * 0.6;
  };
  return { measure, misses };
}
