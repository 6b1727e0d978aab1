/**
 * One-call entry points for scripts: `render` a spec (file path or parsed spec) to image bytes,
 * `compare` two PNGs (bytes or file paths). Tools that render many specs should open a
 * `Renderer` once instead: `render` starts and stops a browser on every call.
 */
import { readFile } from 'node:fs/promises';
import { comparePng, type CompareOptions, type CompareResult } from './compare/compare.js';
import { UsageError } from './errors.js';
import { Renderer, type RenderRequest, type RenderResult } from './renderer.js';
import type { SessionOptions } from './render/session.js';
import type { Spec } from './spec/model.js';

export interface RenderOptions extends RenderRequest {
  /** Chrome or Chromium executable (default: CYANOTYPE_BROWSER, system Chromium, Puppeteer's cache). */
  readonly browser?: SessionOptions['browser'];
  /** Milliseconds the render may take. */
  readonly timeout?: SessionOptions['timeout'];
}

/** Renders one spec in a browser of its own. */
export async function render(spec: string | Spec, options: RenderOptions = {}): Promise<RenderResult> {
  const renderer = await Renderer.open({ browser: options.browser, timeout: options.timeout });
  try {
    return typeof spec === 'string' ? await renderer.renderFile(spec, options) : await renderer.renderSpec(spec, spec.title, options);
  } finally {
    await renderer.close();
  }
}

/** Compares an expected and an actual PNG, each given as bytes or as a file path. */
export async function compare(
  expected: Uint8Array | string,
  actual: Uint8Array | string,
  options: CompareOptions = {},
): Promise<CompareResult> {
  const bytes = async (image: Uint8Array | string, what: string) => {
    if (typeof image !== 'string') return image;
    try {
      return await readFile(image);
    } catch {
      throw new UsageError(`${what} ${image}: no such file or it cannot be read`);
    }
  };
  return comparePng(await bytes(expected, 'expected image'), await bytes(actual, 'actual image'), options);
}
