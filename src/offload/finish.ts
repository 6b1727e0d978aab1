/**
 * What a batch's worker does with one capture: compacts it for writing and, when asked, checks
 * it — both from one inflate of its image data (each inflated the capture on its own before:
 * ~3 ms a capture, twice).
 */
import { checkRender, type CheckInput } from '../check/check.js';
import type { Finding } from '../check/findings.js';
import { compactRows, inflateRows, pngParts } from '../render/png-compact.js';

export interface FinishInput {
  /** The capture as Chromium encoded it for speed. */
  readonly png: Uint8Array;
  /** The render to check against the capture's pixels; no checks without it. */
  readonly check?: Omit<CheckInput, 'png'> | undefined;
}

export interface Finished {
  /** The capture compacted (see compactPng): the file to write. */
  readonly png: Uint8Array;
  readonly findings: Finding[];
}

export async function finishCapture({ png, check }: FinishInput): Promise<Finished> {
  const parts = pngParts(png);
  const rows = parts && inflateRows(parts);
  const findings = check ? await checkRender({ ...check, png }, rows) : [];
  return { png: parts && rows ? compactRows(parts, rows) : png, findings };
}
