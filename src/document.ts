/**
 * What the page receives for one render: the validated spec, the icons it uses, and the theme's
 * CSS. Plain JSON, so it crosses into the browser unchanged and can be inlined in an HTML file.
 */
import type { IconNode } from './icons/icons.js';
import type { MeasureBatch } from './layout/measure-table.js';
import type { Layout, LayoutMetrics } from './layout/types.js';
import type { Size, Spec } from './spec/model.js';

export interface RenderDocument {
  readonly spec: Spec;
  /** Lucide icon data by resolved name: element names and attributes, never markup. */
  readonly icons: Readonly<Record<string, IconNode>>;
  readonly theme: {
    readonly name: string;
    readonly css: string;
  };
}

/** The page's state attribute on the artboard, set when a render finished or failed. */
export const ARTBOARD_ATTRIBUTE = 'data-cyanotype-artboard';
export const STATE_ATTRIBUTE = 'data-cyanotype-state';
export type ArtboardState = 'laying-out' | 'rendered' | 'error';

export type TextKind =
  | 'title'
  | 'subtitle'
  | 'tag'
  | 'band'
  | 'component-label'
  | 'component-role'
  | 'connection-label'
  | 'note-title'
  | 'note-role'
  | 'legend-title'
  | 'legend-step';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One piece of text as the browser actually drew it, in artboard pixels. */
export interface InspectedText {
  readonly kind: TextKind;
  /** Component id, connection id, note or legend index, or "" for the title band. */
  readonly owner: string;
  /** The whole text as drawn, before line breaking. */
  readonly text: string;
  readonly lines: readonly string[];
  /** Union of the glyph boxes of the lines. */
  readonly box: Box;
  /** The box the text must stay inside: its component box, label plate, note, legend or the artboard. */
  readonly container: Box;
  /** The size the text appears at: its CSS size times the diagram's scale. */
  readonly fontSize: number;
  /** Its computed CSS colour, `rgb(…)` or `rgba(…)`. */
  readonly color: string;
  /** Its computed font-family list, as CSS gives it (`"IBM Plex Mono", monospace`). */
  readonly font: string;
  /** Drawn in capitals (text-transform: uppercase): its characters are the upper-case ones. */
  readonly uppercase: boolean;
}

/** Boxes of the drawn parts, for checks that need geometry (overlap, bounds). */
export interface InspectedPart {
  readonly kind: 'component' | 'connection-label' | 'note' | 'legend' | 'badge';
  readonly id: string;
  readonly box: Box;
}

export interface Inspection {
  readonly artboard: Box;
  readonly texts: readonly InspectedText[];
  readonly parts: readonly InspectedPart[];
}

/** Where a drawn artboard is in the page and, when asked, what was drawn; or why drawing failed. */
export type DrawnForCapture =
  { readonly x: number; readonly y: number; readonly inspection?: Inspection | undefined } | { readonly failed: string };

/** What the page shell exposes as `window.cyanotype` (components/page/main.ts). */
export interface PageApi {
  /** Applies the theme and sizes the artboard; returns the theme's layout metrics. */
  prepare(theme: RenderDocument['theme'], size: Size): LayoutMetrics;
  /** Widths of the strings in the page's real fonts (loading them first), in the order of the batch's runs. */
  measure(batch: MeasureBatch): Promise<number[]>;
  /** Draws a laid-out document; resolves once every part is drawn. */
  draw(doc: RenderDocument, layout: Layout): Promise<void>;
  /**
   * What a capture needs, in one call: applies the document's theme (the same theme again changes
   * nothing), draws, and says where the artboard is and (with `inspect`) what was drawn. A
   * failure is answered, not thrown.
   */
  drawForCapture(doc: RenderDocument, layout: Layout, inspect: boolean): Promise<DrawnForCapture>;
  /** Reads back what was drawn: every text with its measured box, and the boxes of the parts. */
  inspect(): Inspection;
  /** Adds a file of the bundle's extra @font-face rules (Latin Extended, symbols) to the page, once per file. */
  addFaces(file: string, css: string): void;
  /** Lays out in the page and draws (the full bundle only: dev server and standalone files); resolves to the layout drawn. */
  render?(doc: RenderDocument): Promise<Layout>;
}

declare global {
  interface Window {
    cyanotype: PageApi;
  }
}
