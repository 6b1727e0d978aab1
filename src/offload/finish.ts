/**
 * What becomes of one capture: it is compacted for writing and, when asked, checked — both from
 * one inflate of its image data (each inflated the capture on its own before: ~3 ms a capture,
 * twice, and ~10 ms in a cold process). A batch's worker does it all on its own thread; a
 * single render deflates on libuv's thread pool while its main thread checks the pixels.
 */
import { checkRender, type CheckInput, type PixelFreeFindings } from '../check/check.js';
import type { Finding } from '../check/findings.js';
import { compactRows, compactRowsBeside, inflateRows, pngParts } from '../render/png-compact.js';

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

/**
 * `early`: the checks that read no pixels, when they were started before the capture was taken.
 * `deflate`: 'here' compacts on the calling thread after the checks (a worker, whose thread is
 * there for it); 'beside' compacts on libuv's thread pool while the checks run (a single render,
 * where both stand between the screenshot and the file).
 */
export async function finishCapture(
  { png, check }: FinishInput,
  deflate: 'here' | 'beside' = 'here',
  early?: Promise<PixelFreeFindings>,
): Promise<Finished> {
  const parts = pngParts(png);
  const rows = parts && inflateRows(parts);
  const compacting = parts && rows && deflate === 'beside' ? compactRowsBeside(parts, rows) : undefined;
  compacting?.catch(() => undefined); // awaited below, after the checks
  const findings = check ? await checkRender({ ...check, png }, rows, early) : [];
  if (compacting) return { png: await compacting, findings };
  return { png: parts && rows ? compactRows(parts, rows) : png, findings };
}
