/**
 * The one image comparator, used by `cyanotype test`, the vitest matcher and the benchmarks:
 * pngjs decodes, pixelmatch counts. A mismatch is a returned result with a readable message, a
 * diff image and the boxes of the changed regions; only broken input (not a PNG, a bad option)
 * throws.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { UsageError } from '../errors.js';
import { changedRegions, type Region } from './regions.js';

export interface CompareOptions {
  /**
   * Per-pixel colour tolerance, 0–1 (pixelmatch's YIQ distance): how different two pixels may be
   * and still count as equal. Default 0: any change of colour counts.
   */
  readonly threshold?: number | undefined;
  /** Whole-image allowance: how many differing pixels still pass. Default 0. */
  readonly maxDiffPixels?: number | undefined;
  /** Whole-image allowance as a share of all pixels, 0–1. Default 0. */
  readonly maxDiffRatio?: number | undefined;
}

export type { Region } from './regions.js';

export interface ComparePass {
  readonly pass: true;
  /** The two files were byte for byte the same (nothing was decoded). */
  readonly identical: boolean;
  readonly diffPixels: number;
  readonly message: string;
}

export interface CompareFailure {
  readonly pass: false;
  readonly reason: 'size' | 'pixels';
  readonly diffPixels: number;
  readonly diffRatio: number;
  /** PNG: the actual image greyed out with changed pixels in red; undefined on a size mismatch. */
  readonly diffImage: Buffer | undefined;
  /** Bounding boxes of the changed areas, largest first, in image pixels. */
  readonly regions: readonly Region[];
  readonly message: string;
}

export type CompareResult = ComparePass | CompareFailure;

export function validateCompareOptions(options: CompareOptions): void {
  const inRange = (name: string, value: number | undefined, max: number) => {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= max)) {
      throw new UsageError(`${name} must be a number from 0 to ${max}, got ${value}`);
    }
  };
  inRange('threshold', options.threshold, 1);
  inRange('maxDiffRatio', options.maxDiffRatio, 1);
  inRange('maxDiffPixels', options.maxDiffPixels, Number.MAX_SAFE_INTEGER);
}

export function decodePng(bytes: Uint8Array, what: string): PNG {
  try {
    return PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new UsageError(`${what} is not a PNG (${(error as Error).message})`);
  }
}

const count = (n: number) => n.toLocaleString('en-US');

export function comparePng(expected: Uint8Array, actual: Uint8Array, options: CompareOptions = {}): CompareResult {
  validateCompareOptions(options);
  if (Buffer.compare(Buffer.from(expected), Buffer.from(actual)) === 0) {
    return { pass: true, identical: true, diffPixels: 0, message: 'identical' };
  }
  const a = decodePng(expected, 'the expected image');
  const b = decodePng(actual, 'the actual image');
  return compareImages(a, b, options);
}

/** Compares decoded images (RGBA, as pngjs gives them). */
export function compareImages(a: PNG, b: PNG, options: CompareOptions = {}): CompareResult {
  if (a.width !== b.width || a.height !== b.height) {
    return {
      pass: false,
      reason: 'size',
      diffPixels: Math.max(a.width * a.height, b.width * b.height),
      diffRatio: 1,
      diffImage: undefined,
      regions: [],
      message: `size differs: expected ${a.width}×${a.height}, got ${b.width}×${b.height}`,
    };
  }
  const { width, height } = a;
  const diff = new PNG({ width, height });
  const diffPixels = pixelmatch(a.data, b.data, diff.data, width, height, {
    threshold: options.threshold ?? 0,
    // Pixels pixelmatch recognises as anti-aliasing are drawn yellow and not counted.
    includeAA: false,
    alpha: 0.15,
  });
  const total = width * height;
  const allowed = Math.max(options.maxDiffPixels ?? 0, Math.floor((options.maxDiffRatio ?? 0) * total));
  if (diffPixels <= allowed) {
    const message =
      diffPixels === 0
        ? 'equal within the colour threshold'
        : `${count(diffPixels)} pixels differ, within the allowance of ${count(allowed)}`;
    return { pass: true, identical: false, diffPixels, message };
  }
  const ratio = diffPixels / total;
  const regions = changedRegions(diff.data, width, height);
  return {
    pass: false,
    reason: 'pixels',
    diffPixels,
    diffRatio: ratio,
    diffImage: PNG.sync.write(diff),
    regions,
    message: `${count(diffPixels)} ${diffPixels === 1 ? 'pixel' : 'pixels'} (${formatRatio(ratio)}) differ${allowed ? ` (allowed: ${count(allowed)})` : ''}`,
  };
}

function formatRatio(ratio: number): string {
  const percent = ratio * 100;
  return `${percent >= 0.01 ? percent.toFixed(2) : percent.toPrecision(1)}%`;
}
