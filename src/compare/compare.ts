/**
 * The one image comparator: pngjs decodes, pixelmatch counts. A mismatch is a returned result
 * with a readable message and a diff image; only broken input (not a PNG) throws.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { UsageError } from '../errors.js';

export interface CompareOptions {
  /** Per-pixel colour distance (0–1, pixelmatch's YIQ threshold) below which pixels count as equal. */
  readonly threshold?: number;
  /** Whole-image allowance: how many differing pixels still pass (default 0). */
  readonly maxDiffPixels?: number;
}

export type CompareResult =
  | { readonly pass: true; readonly identical: boolean; readonly message: string }
  | {
      readonly pass: false;
      readonly reason: 'size' | 'pixels';
      readonly diffPixels: number;
      readonly diffRatio: number;
      readonly diffImage: Buffer | undefined;
      readonly message: string;
    };

function decode(bytes: Uint8Array, what: string): PNG {
  try {
    return PNG.sync.read(Buffer.from(bytes));
  } catch (error) {
    throw new UsageError(`${what} is not a PNG (${(error as Error).message})`);
  }
}

export function comparePng(expected: Uint8Array, actual: Uint8Array, options: CompareOptions = {}): CompareResult {
  if (Buffer.compare(Buffer.from(expected), Buffer.from(actual)) === 0) {
    return { pass: true, identical: true, message: 'identical' };
  }
  const a = decode(expected, 'expected image');
  const b = decode(actual, 'actual image');
  if (a.width !== b.width || a.height !== b.height) {
    return {
      pass: false,
      reason: 'size',
      diffPixels: Math.max(a.width * a.height, b.width * b.height),
      diffRatio: 1,
      diffImage: undefined,
      message: `size differs: expected ${a.width}×${a.height}, got ${b.width}×${b.height}`,
    };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const diffPixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, {
    threshold: options.threshold ?? 0.1,
    includeAA: false,
    diffMask: false,
  });
  const total = a.width * a.height;
  const allowed = options.maxDiffPixels ?? 0;
  if (diffPixels <= allowed) {
    return {
      pass: true,
      identical: false,
      message: diffPixels === 0 ? 'equal within the colour threshold' : `${diffPixels} pixels differ, within the allowance of ${allowed}`,
    };
  }
  const ratio = diffPixels / total;
  return {
    pass: false,
    reason: 'pixels',
    diffPixels,
    diffRatio: ratio,
    diffImage: PNG.sync.write(diff),
    message: `${diffPixels.toLocaleString('en-US')} pixels (${(ratio * 100).toFixed(2)}%) differ`,
  };
}
