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
import { loadSpecFile, toSpec } from './spec/load.js';
import type { Spec } from './spec/model.js';
import type { SpecInput } from './spec/schema.js';

export interface RenderOptions extends RenderRequest {
  /** Chrome or Chromium executable (default: CYANOTYPE_BROWSER, system Chromium, Puppeteer's cache). */
  readonly browser?: SessionOptions['browser'];
  /** Milliseconds the render may take. */
  readonly timeout?: SessionOptions['timeout'];
}

/**
 * Renders one spec in a browser of its own: a spec file's path, a Spec from parseSpec or
 * loadSpecFile, or a spec built in code as its YAML would hold it — validated like a file, a
 * SpecError naming the place in it ("spec object: /components/1/id: …"). An invalid spec is
 * reported before any browser starts.
 */
export async function render(spec: string | Spec | SpecInput, options: RenderOptions = {}): Promise<RenderResult> {
  const parsed = typeof spec === 'string' ? await loadSpecFile(spec) : toSpec(spec, SPEC_OBJECT);
  // A render's failures name the file, else the spec's title (a spec object's own problems were named above).
  const item = typeof spec === 'string' ? spec : parsed.title;
  const renderer = await Renderer.open({ browser: options.browser, timeout: options.timeout });
  try {
    return await renderer.renderSpec(parsed, item, options);
  } finally {
    await renderer.close();
  }
}

/** What a spec given as data is called in messages. */
const SPEC_OBJECT = 'spec object';

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
