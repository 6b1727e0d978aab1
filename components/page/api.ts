/**
 * The page's side of a render, shared by the lean bundle (layout happens in Node) and the full
 * one (layout in the page, for the dev server and standalone files).
 */
import type { DrawnForCapture, Inspection, PageApi, RenderDocument } from '../../src/document.js';
import type { MeasureBatch } from '../../src/layout/measure-table.js';
import type { FontMetrics, Layout, LayoutMetrics } from '../../src/layout/types.js';
import type { Size } from '../../src/spec/model.js';
import '../artboard/cy-artboard.js';
import type { CyArtboard } from '../artboard/cy-artboard.js';
import { withSymbolFallback } from '../../src/fonts/symbols.js';
import { beyondLatin1 } from '../../src/fonts/code-points.js';
import { canvasMeasurer, loadFonts } from '../shared/measure.js';
import { readMetrics } from '../shared/metrics.js';
import { inspectArtboard } from './inspect.js';

function artboard(): CyArtboard {
  const stage = document.getElementById('stage') ?? document.body;
  let board = stage.querySelector('cy-artboard');
  if (!board) {
    board = document.createElement('cy-artboard');
    stage.append(board);
  }
  return board;
}

/** The theme CSS the page applied last, as it came. */
let appliedTheme: string | undefined;

/** Theme CSS is trusted (it comes from a theme folder, never from a spec). */
function applyTheme(theme: RenderDocument['theme']): void {
  let style = document.getElementById('cy-theme') as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = 'cy-theme';
    document.head.append(style);
  }
  // What is applied is the theme with the bundled symbols family in its font lists.
  if (appliedTheme !== theme.css) {
    style.textContent = withSymbolFallback(theme.css);
    appliedTheme = theme.css;
  }
  if (document.documentElement.dataset['theme'] !== theme.name) document.documentElement.dataset['theme'] = theme.name;
}

/** The faces of the prepared theme's text roles, loading since prepare(); draw() waits for them. */
let themeFaces: Promise<void> = Promise.resolve();
/** The prepared theme's text roles' fonts. */
let themeFonts: FontMetrics[] = [];

/**
 * Applies the theme and sizes the artboard; the same theme and size again change nothing (each
 * draw prepares). Starts loading every face the theme's text roles name, measured or not: a
 * badge's digits never are, and a face only the badges use (whiteboard's IBM Plex Mono 600) was
 * otherwise first asked for by the screenshot's own paint, which drew the digits in a fallback
 * font — the machine's, or none. Faces already loaded resolve at once.
 */
export function prepare(theme: RenderDocument['theme'], size: Size): LayoutMetrics {
  applyTheme(theme);
  const board = artboard();
  const [width, height] = [`${size.width}px`, `${size.height}px`];
  if (board.style.width !== width) board.style.width = width;
  if (board.style.height !== height) board.style.height = height;
  const metrics = readMetrics(board);
  themeFonts = Object.values(metrics.fonts);
  themeFaces = loadFonts(themeFonts);
  return metrics;
}

/**
 * Resolves when every face the prepared theme names is loaded, with the faces for the document's
 * characters beyond Latin-1 (once the tab has them: addFaces).
 */
export async function themeFacesLoaded(doc?: RenderDocument): Promise<void> {
  await themeFaces;
  const text = doc ? beyondLatin1(JSON.stringify(doc.spec)) : '';
  if (text) await loadFonts(themeFonts, text);
}

/**
 * Adds a file of @font-face rules to the page (the bundle's Latin Extended faces or its symbols
 * family, which the shell leaves out until a text needs them). Like the theme's CSS, trusted: it
 * comes from the bundle.
 */
export function addFaces(file: string, css: string): void {
  const id = `cy-faces-${file.replace(/[^a-z0-9]/gi, '-')}`;
  if (document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  style.textContent = css;
  document.head.append(style);
}

export async function measure({ fonts, runs }: MeasureBatch): Promise<number[]> {
  await loadFonts(fonts, runs.map(([, text]) => text).join(''));
  const measureText = canvasMeasurer();
  return runs.map(([font, text]) => measureText(text, fonts[font]!));
}

export async function draw(doc: RenderDocument, layout: Layout): Promise<void> {
  const board = artboard();
  await themeFacesLoaded(doc);
  board.document = doc;
  board.layout = layout;
  await board.updateComplete;
  await board.rendered;
}

/** The renderer's draw, in one round trip (PageApi.drawForCapture). */
export async function drawForCapture(doc: RenderDocument, layout: Layout, inspecting: boolean): Promise<DrawnForCapture> {
  try {
    prepare(doc.theme, doc.spec.size);
    await draw(doc, layout);
    const rect = artboard().getBoundingClientRect();
    return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, inspection: inspecting ? inspect() : undefined };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

export function inspect(): Inspection {
  const board = document.querySelector('cy-artboard');
  if (!board) throw new Error('nothing rendered yet');
  return inspectArtboard(board);
}

export const leanApi: PageApi = { prepare, measure, draw, drawForCapture, inspect, addFaces };
