/**
 * Which browser cyanotype renders with, and what to tell someone who has none. The one list of
 * places looked at: `npm run setup` asks this module too (scripts/find-browser.ts), so the
 * setup script and the renderer cannot disagree about whether a machine has a browser.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PuppeteerNode } from 'puppeteer-core';
import { BrowserError } from '../errors.js';

/**
 * Chromium's headless shell first: the same engine without the browser's UI layer; it starts
 * ~0.3 s sooner and a 50-diagram batch takes ~120 MiB less (decision 011). Debian's
 * /usr/bin/chromium-headless-shell is a wrapper script around the /usr/lib one. .puppeteerrc.cjs
 * reads this literal at install time: keep it a plain list of quoted paths.
 */
export const SYSTEM_BROWSERS = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

export const INSTALL_HINT =
  'install one with `sudo apt-get install -y chromium-headless-shell` (Debian/Ubuntu; `chromium` works too) or ' +
  '`npx puppeteer browsers install chrome-headless-shell`, or point CYANOTYPE_BROWSER at a Chrome or Chromium executable';

/** Puppeteer's downloaded browsers, the headless shell first; undefined when it has none. */
function puppeteerCache(): string | undefined {
  let puppeteer: PuppeteerNode;
  try {
    // Puppeteer is loaded here only when no system browser was found (it takes ~160 ms).
    puppeteer = createRequire(import.meta.url)('puppeteer') as PuppeteerNode;
  } catch {
    return undefined;
  }
  for (const headless of ['shell', true] as const) {
    try {
      const path = puppeteer.executablePath({ headless });
      if (existsSync(path)) return path;
    } catch {
      // not downloaded
    }
  }
  return undefined;
}

/** The browser to launch: explicit option, then environment, then a system Chromium, then Puppeteer's cache. */
export function findBrowser(explicit?: string): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new BrowserError(`browser "${explicit}" not found; ${INSTALL_HINT}`);
    return explicit;
  }
  for (const variable of ['CYANOTYPE_BROWSER', 'PUPPETEER_EXECUTABLE_PATH'] as const) {
    const value = process.env[variable];
    if (!value) continue;
    if (!existsSync(value)) throw new BrowserError(`${variable}="${value}" does not exist; ${INSTALL_HINT}`);
    return value;
  }
  const found = SYSTEM_BROWSERS.find((path) => existsSync(path)) ?? puppeteerCache();
  if (found) return found;
  throw new BrowserError(
    `no Chrome or Chromium found (looked at CYANOTYPE_BROWSER, ${SYSTEM_BROWSERS.join(', ')} and Puppeteer's cache); ${INSTALL_HINT}`,
  );
}
