/** All quality checks of one render: geometry, contrast and glyphs from the browser, words from the spec. */
import type { Inspection } from '../document.js';
import type { Layout } from '../layout/types.js';
import type { Spec } from '../spec/model.js';
import { lintContent, projectWords } from './content-lint.js';
import { auditContrast } from './contrast.js';
import type { Finding } from './findings.js';
import { auditLayout } from './layout-audit.js';
import { decodeRgba, ReusedRows } from './rgba.js';
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

/** This thread's pixel rows, capture after capture: only auditContrast reads them, before any other decode. */
const pixels = new ReusedRows();

/** All checks of one render; `filtered` is the capture's image data already inflated, when the caller has it. */
export async function checkRender(input: CheckInput, filtered?: Uint8Array): Promise<Finding[]> {
  const image = decodeRgba(input.png, filtered, pixels);
  return [
    ...auditLayout(input.spec, input.layout, input.inspection),
    ...auditContrast(input.inspection.texts, image, input.scale),
    ...auditGlyphs(input.inspection.texts, pageGlyphCoverage()),
    ...(await lintContent(input.spec, projectWords())),
  ];
}

/** The checks that need no pixels (for JPEG/WebP outputs, where colours are approximate). */
export async function checkWithoutPixels(input: Omit<CheckInput, 'png' | 'scale'>): Promise<Finding[]> {
  return [
    ...auditLayout(input.spec, input.layout, input.inspection),
    ...auditGlyphs(input.inspection.texts, pageGlyphCoverage()),
    ...(await lintContent(input.spec, projectWords())),
  ];
}

/** What `--json` reports beside the findings: every laid-out text with its box. */
export function laidOutElements(inspection: Inspection) {
  return inspection.texts.map((t) => ({ kind: t.kind, id: t.owner, text: t.text, box: t.box }));
}
