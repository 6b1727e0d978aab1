/** All quality checks of one render: geometry, contrast and glyphs from the browser, words from the spec. */
import type { Inspection } from '../document.js';
import type { Layout } from '../layout/types.js';
import type { Spec } from '../spec/model.js';
import { lintContent, projectWords } from './content-lint.js';
import { auditContrast } from './contrast.js';
import type { Finding } from './findings.js';
import { auditLayout } from './layout-audit.js';
import { decodeRgba } from './rgba.js';
import { auditGlyphs } from './glyphs.js';
import { pageGlyphCoverage } from '../fonts/page-fonts.js';

export interface CheckInput {
  readonly spec: Spec;
  readonly layout: Layout;
  readonly inspection: Inspection;
  /** The PNG capture, for the pixels behind each text. */
  readonly png: Uint8Array;
  /** Device scale factor the PNG was captured at. */
  readonly scale: number;
}

/** The findings of the checks that read no pixels, kept apart to be reported around contrast's. */
export interface PixelFreeFindings {
  readonly layout: readonly Finding[];
  readonly glyphs: readonly Finding[];
  readonly words: readonly Finding[];
}

/**
 * The checks that read no pixels: they may run before the capture exists (a single render runs
 * them while Chromium takes the screenshot).
 */
export async function pixelFreeChecks(input: Omit<CheckInput, 'png' | 'scale'>): Promise<PixelFreeFindings> {
  const layout = auditLayout(input.spec, input.layout, input.inspection);
  const glyphs = auditGlyphs(input.inspection.texts, pageGlyphCoverage());
  return { layout, glyphs, words: await lintContent(input.spec, projectWords()) };
}

/**
 * All checks of one render; `filtered` is the capture's image data already inflated, when the
 * caller has it; `early`, the pixel-free checks when they were started before the capture.
 */
export async function checkRender(input: CheckInput, filtered?: Uint8Array, early?: Promise<PixelFreeFindings>): Promise<Finding[]> {
  const before = early ?? pixelFreeChecks(input);
  // The pixels are a view the next decode on this thread overwrites: read at once, before any await.
  const contrast = auditContrast(input.inspection.texts, decodeRgba(input.png, filtered, true), input.scale);
  const { layout, glyphs, words } = await before;
  return [...layout, ...contrast, ...glyphs, ...words];
}

/** The checks that need no pixels (for JPEG/WebP outputs, where colours are approximate). */
export async function checkWithoutPixels(input: Omit<CheckInput, 'png' | 'scale'>): Promise<Finding[]> {
  const { layout, glyphs, words } = await pixelFreeChecks(input);
  return [...layout, ...glyphs, ...words];
}

/** What `--json` reports beside the findings: every laid-out text with its box. */
export function laidOutElements(inspection: Inspection) {
  return inspection.texts.map((t) => ({ kind: t.kind, id: t.owner, text: t.text, box: t.box }));
}
