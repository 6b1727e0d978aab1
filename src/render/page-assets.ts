/**
 * The page bundle's files in dist/page, as a render uses them: the drawing tab's script (page.js)
 * and the fonts (page.css) read at once, before any browser starts (the shell is written into
 * Chromium's profile, and a missing bundle is reported first); the standalone HTML's script
 * (page-full.js) read only by a run that writes HTML, and the extra faces (page-ext.css,
 * page-sym.css: ~0.9 MB) only by a run with a text that needs them; and the bundle's digest, made
 * at build time, for the stamps of outputs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserError } from '../errors.js';
import { EXTRA_FACE_FILES } from '../fonts/extra-faces.js';
import { packageRoot } from '../package-root.js';

/** What every render reads. */
const PAGE_ASSETS = ['page.js', 'page.css'] as const;

/** The standalone HTML's script: the page with layout in it (`render --format html`). */
export const FULL_PAGE_SCRIPT = 'page-full.js';

/** Every file an output can be drawn from, in the digest. */
export const BUNDLE_FILES = [...PAGE_ASSETS, FULL_PAGE_SCRIPT, ...EXTRA_FACE_FILES] as const;

/** The digest of BUNDLE_FILES, written by the build beside them. */
export const BUNDLE_DIGEST_FILE = 'bundle.sha256';

const pageDirectory = (): string => join(packageRoot(), 'dist', 'page');

/** The files every render reads, read at once (~0.36 MB, well under a millisecond). */
export function readPageAssets(): Map<string, Buffer> {
  return new Map(PAGE_ASSETS.map((name) => [name, requiredPageAsset(name)]));
}

/** A bundle file every build has: the caller's, else read from dist/page (once); a missing one is reported. */
export function requiredPageAsset(name: string, assets: ReadonlyMap<string, Buffer> = NO_ASSETS): Buffer {
  const bytes = pageAsset(assets, name);
  if (!bytes) throw new BrowserError(`the page bundle is missing (${join(pageDirectory(), name)}); run \`npm run build\``);
  return bytes;
}

const bundled = new Map<string, Buffer | undefined>();

const NO_ASSETS: ReadonlyMap<string, Buffer> = new Map();

/**
 * A bundle file the caller's assets may not hold (the extra faces): theirs when they do, else read
 * from dist/page once for the process; undefined when the bundle has none.
 */
export function pageAsset(assets: ReadonlyMap<string, Buffer>, name: string): Buffer | undefined {
  const given = assets.get(name);
  if (given) return given;
  if (!bundled.has(name)) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(join(pageDirectory(), name));
    } catch {
      bytes = undefined;
    }
    bundled.set(name, bytes);
  }
  return bundled.get(name);
}

/** The digest of named files: each name, then its bytes, in name order. */
export function bundleDigest(files: ReadonlyMap<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const [name, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) hash.update(name).update(bytes);
  return hash.digest('hex');
}

/**
 * The bundle's digest for output stamps: the one the build wrote, else (a bundle built before
 * it wrote one) made now from `assets` and whatever extra faces the bundle has.
 */
export function pageBundleDigest(assets: ReadonlyMap<string, Buffer>): string {
  try {
    return readFileSync(join(pageDirectory(), BUNDLE_DIGEST_FILE), 'utf8').trim();
  } catch {
    const files = new Map<string, Buffer>();
    for (const name of BUNDLE_FILES) {
      const bytes = pageAsset(assets, name);
      if (bytes) files.set(name, bytes);
    }
    return bundleDigest(files);
  }
}
