/**
 * What the page receives for one render: the validated spec, the icons it uses, and the theme's
 * CSS. Plain JSON, so it crosses into the browser unchanged and can be inlined in an HTML file.
 */
import type { IconNode } from './icons/icons.js';
import type { Spec } from './spec/model.js';

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

/** What the page shell exposes as `window.cyanotype` (components/page/main.ts). */
export interface PageApi {
  /** Draws the document; resolves once it is fully rendered, rejects with the layout error. */
  render(doc: RenderDocument): Promise<{ width: number; height: number }>;
}

declare global {
  interface Window {
    cyanotype: PageApi;
  }
}
