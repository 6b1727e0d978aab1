/**
 * `npm run build` step: the exact command line Puppeteer would give Chromium with cyanotype's
 * flags, written to dist/cache/chromium-args.json. cyanotype starts Chromium itself with it
 * before loading Puppeteer (src/render/launch.ts), so the ~160 ms Puppeteer takes to load
 * overlap Chromium starting; the same arguments keep every pixel the same.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import puppeteer from 'puppeteer';
import { CHROMIUM_ARGS_FILE, launchFlags } from '../src/render/launch-args.js';

const version = (JSON.parse(readFileSync('node_modules/puppeteer-core/package.json', 'utf8')) as { version: string }).version;
mkdirSync(dirname(CHROMIUM_ARGS_FILE()), { recursive: true });
writeFileSync(
  CHROMIUM_ARGS_FILE(),
  `${JSON.stringify({ puppeteer: version, args: puppeteer.defaultArgs({ headless: true, args: launchFlags() }) }, null, 2)}\n`,
);
