/** What a quality check reports: one problem, where it is, and how to fix it. */
import type { Box } from '../document.js';

export const RULES = {
  'text-overflow': 'text runs outside its box',
  'outside-artboard': 'something is drawn outside the artboard',
  'box-overlap': 'two boxes overlap',
  'label-overlap': 'an arrow label covers a box or another label',
  'arrow-through-box': 'an arrow passes through a box it does not connect',
  'arrow-under-label': "an arrow runs under another arrow's label",
  'arrows-beside': 'two arrows run so close side by side that they read as one line',
  'arrows-share-line': 'two arrows between different boxes are drawn on one line, so they read as one arrow',
  'text-too-small': 'text is smaller than the legibility limit',
  'low-contrast': 'text contrast is below WCAG AA against what is behind it',
  'missing-glyph': "a character the theme's fonts cannot draw",
  spelling: 'a word is not in the dictionaries',
  'vendor-logo': 'an icon is a real vendor or brand mark',
  'security-claim': 'the text overstates security',
  watermark: 'the text looks like a watermark',
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning';

export interface ElementRef {
  readonly kind: 'component' | 'connection' | 'note' | 'legend' | 'title' | 'band' | 'diagram' | 'artboard';
  /** Component or connection id, note index, legend step number; "" for the title, the diagram or the artboard. */
  readonly id: string;
}

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly element: ElementRef;
  /** In artboard pixels, when the problem has a place on the picture. */
  readonly box?: Box | undefined;
  readonly message: string;
}

export const describeElement = (e: ElementRef): string =>
  e.kind === 'title' || e.kind === 'diagram' || e.kind === 'artboard' ? e.kind : `${e.kind} ${e.id}`;

export function formatFinding(f: Finding): string {
  const where = f.box ? ` at ${Math.round(f.box.x)},${Math.round(f.box.y)} ${Math.round(f.box.width)}×${Math.round(f.box.height)}` : '';
  return `${f.severity} ${f.rule} (${describeElement(f.element)}${where}): ${f.message}`;
}

/** The one legibility limit: no text smaller than this at the artboard's size (1024×1024). */
export const MIN_TEXT_PX = 11;
/** WCAG 2.1 AA: 4.5:1 for normal text, 3:1 for large (≥ 24 px, or ≥ 18.66 px bold). */
export const MIN_CONTRAST = 4.5;
export const MIN_CONTRAST_LARGE = 3;
