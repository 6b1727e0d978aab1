/**
 * Loads ELK in Node through V8's code cache. elk.bundled.js is 1.5 MB of compiled Java; parsing
 * it and compiling the functions a first layout runs costs a cold render a few hundred
 * milliseconds of CPU, which on a two-core machine competes with Chromium starting. The cache
 * (dist/cache/elk.v8cache, written by scripts/build-elk-cache.ts after real layouts) holds
 * that compiled bytecode. A cache from another Node version is rejected by V8 and ELK simply
 * compiles as usual — and so is a cache made under other V8 flags: a batch's process changes
 * one (src/offload/tiering.ts), so its worker loads a second cache made under that flag.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { packageRoot } from '../package-root.js';
import type { ElkConstructor } from './elk.js';

const require = createRequire(import.meta.url);

/** The V8 flags a cache is made under and must be loaded under: Node's defaults, or a batch's (tierUpLater). */
export type ElkCacheFlags = 'default' | 'batch';

export const ELK_CACHE = (flags: ElkCacheFlags = 'default'): string =>
  join(packageRoot(), 'dist', 'cache', flags === 'batch' ? 'elk-batch.v8cache' : 'elk.v8cache');

/**
 * GWT compiles every Java cast to a checked cast: `FD(value, typeId)` asserts the type (ED walks
 * the value's type table) and throws a ClassCastException where Java would. ELK's casts never
 * fail, so the check only costs time — ~7% of all layout time (ED was ELK's costliest function
 * in a profile of the 50 bench layouts; layout of the 52 bench and example specs ~11% faster
 * without it, the same layouts to the last coordinate). `instanceof` tests (ND) still use ED.
 */
export const CHECKED_CAST = 'function FD(a,b){zFb(a==null||ED(a,b));return a}';
const UNCHECKED_CAST = 'function FD(a,b){return a}';

/** elk.bundled.js with its casts unchecked (as it is, should a new ELK build its casts differently). */
export function elkSource(): string {
  return readFileSync(require.resolve('elkjs/lib/elk.bundled.js'), 'utf8').replace(CHECKED_CAST, UNCHECKED_CAST);
}

/** Compiles elk.bundled.js (casts unchecked) as a script, with the cache when there is one, and returns the script and ELK. */
export function compileElk(cache: Buffer | undefined): { script: Script; Elk: ElkConstructor; rejected: boolean } {
  const file = require.resolve('elkjs/lib/elk.bundled.js');
  const source = `(function (exports, require, module, __filename, __dirname) {${elkSource()}\n})`;
  const script = new Script(source, { filename: file, ...(cache ? { cachedData: cache } : {}) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, dirname(file));
  return { script, Elk: module.exports as ElkConstructor, rejected: script.cachedDataRejected === true };
}

/** An ELK loader through the cache made under `flags` (compiling as usual without it). */
export function elkWithCodeCache(flags: ElkCacheFlags): () => Promise<ElkConstructor> {
  return async () => {
    const path = ELK_CACHE(flags);
    return compileElk(existsSync(path) ? readFileSync(path) : undefined).Elk;
  };
}

export const loadElkWithCodeCache = elkWithCodeCache('default');
