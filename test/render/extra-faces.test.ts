/**
 * The extra faces — Latin Extended, and the symbols family — added to a tab only when a text
 * needs them, in real Chromium: the page draws Ł, ř and → with the bundled fonts whatever the
 * session did before, and a Latin picture comes out the same before and after a tab has them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePng } from '../../src/compare/compare.js';
import { EXTENDED_FACES_FILE, SYMBOL_FACES_FILE } from '../../src/fonts/extra-faces.js';
import { SYMBOLS_FAMILY } from '../../src/fonts/symbols.js';
import { DETERMINISM_FLAGS, QUIET_FLAGS } from '../../src/render/flags.js';
import { findBrowser } from '../../src/render/find-browser.js';
import { Renderer } from '../../src/renderer.js';
import { readPageAssets } from '../../src/render/page-assets.js';
import { scratchDir } from '../support/scratch.js';

const LATIN = 'examples/https-request-path.yaml';
const EXTENDED = 'test/fixtures/fonts/latin-extended.yaml';
const SYMBOLS = 'test/fixtures/fonts/symbols.yaml';

describe('extra faces by need', () => {
  let renderer: Renderer;
  let fresh: Renderer;
  let without: Renderer;
  beforeAll(async () => {
    const assets = readPageAssets();
    // Files with no faces in them stand for a bundle without the extra faces.
    assets.set(EXTENDED_FACES_FILE, Buffer.alloc(0));
    assets.set(SYMBOL_FACES_FILE, Buffer.alloc(0));
    [renderer, fresh, without] = await Promise.all([Renderer.open(), Renderer.open(), Renderer.open({ assets })]);
  });
  afterAll(async () => {
    await Promise.all([renderer?.close(), fresh?.close(), without?.close()]);
  });

  const pageOf = (r: Renderer) => (r as unknown as { session: { page: Page } }).session.page;
  /** The tab's loaded faces that are for Latin Extended characters (fontsource's latin-ext range starts at U+100), or for Greek (the symbols'). */
  const loadedFaces = (r: Renderer, from: string) =>
    pageOf(r).evaluate(
      (start) =>
        [...document.fonts].filter((f) => f.status === 'loaded' && f.unicodeRange.startsWith(start)).map((f) => `${f.family} ${f.weight}`),
      from,
    );
  const extendedFaces = (r: Renderer) => loadedFaces(r, 'U+100-');
  const symbolFaces = (r: Renderer) => loadedFaces(r, 'U+370-');

  it('adds them to the tab only for a text that needs them, and draws with them', async () => {
    const latin = await renderer.renderFile(LATIN);
    expect(await extendedFaces(renderer)).toEqual([]);
    const extended = await renderer.renderFile(EXTENDED);
    expect((await extendedFaces(renderer)).sort()).toEqual([
      'Chakra Petch 700',
      'IBM Plex Mono 600',
      'IBM Plex Sans Condensed 400',
      'IBM Plex Sans Condensed 500',
    ]);
    // The same picture from a session that drew nothing before it: the faces were in before the capture.
    const first = await fresh.renderFile(EXTENDED);
    expect(comparePng(extended.bytes, first.bytes, { threshold: 0 }).diffPixels).toBe(0);
    // Without them the letters come out in another font: the picture differs.
    const fallback = await without.renderFile(EXTENDED);
    expect(comparePng(extended.bytes, fallback.bytes, { threshold: 0 }).diffPixels).toBeGreaterThan(0);
    expect(await symbolFaces(renderer)).toEqual([]);

    // The symbols family, the same way.
    const symbols = await renderer.renderFile(SYMBOLS);
    expect((await symbolFaces(renderer)).sort()).toEqual(['cyanotype symbols 400', 'cyanotype symbols 700']);
    const symbolsFirst = await fresh.renderFile(SYMBOLS);
    expect(comparePng(symbols.bytes, symbolsFirst.bytes, { threshold: 0 }).diffPixels).toBe(0);
    const symbolsWithout = await without.renderFile(SYMBOLS);
    expect(comparePng(symbols.bytes, symbolsWithout.bytes, { threshold: 0 }).diffPixels).toBeGreaterThan(0);

    // A Latin picture drawn again once the tab has both is the same to the pixel.
    const again = await renderer.renderFile(LATIN);
    expect(comparePng(latin.bytes, again.bytes, { threshold: 0 }).diffPixels).toBe(0);
  });

  it('a standalone HTML file carries the faces its document needs, and draws the PNG to the pixel', async () => {
    const out = scratchDir('standalone');
    for (const format of ['html', 'png'])
      expect(spawnSync(process.execPath, ['bin/cyanotype.js', 'render', SYMBOLS, LATIN, '-o', out, '--format', format]).status).toBe(0);
    // The faces themselves (the page script names the family too, so look for its @font-face).
    const face = `@font-face{font-family:'${SYMBOLS_FAMILY}'`;
    expect(readFileSync(join(out, 'symbols.html'), 'utf8').includes(face)).toBe(true);
    expect(readFileSync(join(out, 'https-request-path.html'), 'utf8').includes(face)).toBe(false);
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    const browser = await puppeteer.launch({
      executablePath: findBrowser(),
      headless: true,
      args: [...DETERMINISM_FLAGS, ...QUIET_FLAGS, ...(root ? ['--no-sandbox'] : [])],
      defaultViewport: { width: 1024, height: 1024, deviceScaleFactor: 1 },
    });
    try {
      const page = (await browser.pages())[0] ?? (await browser.newPage());
      await page.goto(pathToFileURL(join(out, 'symbols.html')).href);
      await page.waitForSelector('[data-cyanotype-artboard][data-cyanotype-state=rendered]');
      const shot = (await (await page.$('[data-cyanotype-artboard]'))!.screenshot({ type: 'png' })) as Uint8Array;
      expect(comparePng(readFileSync(join(out, 'symbols.png')), shot, { threshold: 0 }).diffPixels).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('check finds every letter and symbol in the bundled fonts', () => {
    const run = spawnSync(process.execPath, ['bin/cyanotype.js', 'check', EXTENDED, SYMBOLS, '--json'], { encoding: 'utf8' });
    const { items } = JSON.parse(run.stdout) as { items: Array<{ findings: Array<{ rule: string; message: string }> }> };
    expect(items.map((item) => item.findings)).toEqual([[], []]);
    expect(run.status).toBe(0);
  });
});
