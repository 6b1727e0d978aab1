/**
 * The arguments Chromium is started with. Puppeteer's own defaults are recorded at build time
 * (scripts/build-chromium-args.ts), so starting Chromium does not have to wait for Puppeteer
 * to load; without that file (a source checkout before `npm run build`) Puppeteer launches it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { isHeadlessShell } from './browser-identity.js';
import { DETERMINISM_FLAGS, QUIET_FLAGS, SPEED_FLAGS, processFlags, rasterFlags } from './flags.js';

export const CHROMIUM_ARGS_FILE = (): string => join(packageRoot(), 'dist', 'cache', 'chromium-args.json');

/** cyanotype's flags: identical pixels, no phoning home, no frame-rate limit. */
export function launchFlags(): string[] {
  return [...DETERMINISM_FLAGS, ...QUIET_FLAGS, ...SPEED_FLAGS];
}

/** Flags that depend on this machine and this browser, added when Chromium starts (the recorded command line is built elsewhere). */
export function machineFlags(executable: string): string[] {
  const sandbox = sandboxFlags();
  return [...sandbox, ...processFlags(isHeadlessShell(executable), sandbox.length === 0), ...rasterFlags(availableParallelism())];
}

/** Chromium refuses to start as root without it (and some containers need it anyway). */
export function sandboxFlags(): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root || process.env['CYANOTYPE_NO_SANDBOX'] ? ['--no-sandbox'] : [];
}

/** Puppeteer's full command line for cyanotype's flags, as recorded at build time; undefined without it. */
export function recordedArgs(): string[] | undefined {
  const file = CHROMIUM_ARGS_FILE();
  if (!existsSync(file)) return undefined;
  try {
    const { args } = JSON.parse(readFileSync(file, 'utf8')) as { args?: unknown };
    return Array.isArray(args) && args.every((a) => typeof a === 'string') ? args : undefined;
  } catch {
    return undefined;
  }
}
