/**
 * One capture against its stored baseline, and the files a failure leaves behind. Shared by
 * `cyanotype test` and the vitest matcher; each applies its own update policy to the outcome.
 */
import { join } from 'node:path';
import { bytesHash } from '../compare/baseline-png.js';
import { compareImages, decodePng, type CompareOptions, type CompareResult } from '../compare/compare.js';
import { writeFileAtomic } from '../render/files.js';
import { compactPng } from '../render/png-compact.js';
import type { BaselineStore } from './store.js';

export type BaselineCheck =
  /** The very bytes the baseline was made from, and the file unchanged since: the same pixels, nothing decoded. */
  | { readonly kind: 'identical' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'compared'; readonly baseline: Buffer; readonly result: CompareResult };

export async function checkAgainstBaseline(
  store: BaselineStore,
  name: string,
  capture: Uint8Array,
  options: CompareOptions & { readonly fastPath: boolean },
): Promise<BaselineCheck> {
  const entry = store.entry(name);
  const baseline = await store.read(name);
  if (!baseline) return { kind: 'missing' };
  if (options.fastPath && entry?.file === bytesHash(baseline) && entry.capture === bytesHash(capture)) {
    return { kind: 'identical' };
  }
  const result = compareImages(decodePng(baseline, store.path(name)), decodePng(capture, `the render of ${name}`), options);
  return { kind: 'compared', baseline, result };
}

export interface FailureFiles {
  /** File names inside the results folder. */
  readonly expected: string;
  readonly actual: string;
  readonly diff?: string;
}

/** Writes `<name>-expected.png`, `-actual.png` and (when there is one) `-diff.png`. */
export async function writeFailureFiles(
  directory: string,
  name: string,
  baseline: Uint8Array,
  capture: Uint8Array,
  diffImage: Buffer | undefined,
): Promise<FailureFiles> {
  const files = { expected: `${name}-expected.png`, actual: `${name}-actual.png` };
  await writeFileAtomic(join(directory, files.expected), baseline);
  await writeFileAtomic(join(directory, files.actual), await compactPng(capture));
  if (!diffImage) return files;
  const diff = `${name}-diff.png`;
  await writeFileAtomic(join(directory, diff), diffImage);
  return { ...files, diff };
}
