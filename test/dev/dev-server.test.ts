import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePng } from '../../src/compare/compare.js';
import { startDevServer, type DevServer } from '../../src/dev/server.js';
import { DETERMINISM_FLAGS, QUIET_FLAGS } from '../../src/render/flags.js';
import { findBrowser } from '../../src/render/find-browser.js';
import { Renderer } from '../../src/renderer.js';
import { scratchDir } from '../support/scratch.js';

// The dev page in the same Chromium the renderer uses, driven like an author would.
const work = scratchDir('dev');
const specs = join(work, 'specs');
const theme = join(work, 'brand');
cpSync('examples', specs, { recursive: true });
cpSync('test/fixtures/fonts', specs, { recursive: true });
cpSync('themes/blueprint', theme, { recursive: true });
writeFileSync(join(theme, 'theme.json'), JSON.stringify({ name: 'brand', description: 'test', appearance: 'dark' }));

let server: DevServer;
let browser: Browser;
let page: Page;

const rendered = () => page.waitForSelector('[data-cyanotype-artboard][data-cyanotype-state=rendered]');
const renders = () => page.evaluate(() => Number(document.body.dataset['renders'] ?? 0));
async function artboardPng(): Promise<Uint8Array> {
  const artboard = await page.$('[data-cyanotype-artboard]');
  return (await artboard!.screenshot({ type: 'png' })) as Uint8Array;
}

describe('cyanotype dev', () => {
  beforeAll(async () => {
    server = await startDevServer({ inputs: [specs], theme, port: 0 }, () => undefined);
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    browser = await puppeteer.launch({
      executablePath: findBrowser(),
      headless: true,
      args: [...DETERMINISM_FLAGS, ...QUIET_FLAGS, ...(root ? ['--no-sandbox'] : [])],
      defaultViewport: { width: 1300, height: 1100, deviceScaleFactor: 1 },
    });
    page = (await browser.pages())[0] ?? (await browser.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves on 127.0.0.1 and draws the chosen spec with a toolbar outside the artboard', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.goto(`${server.url}?spec=docker-container-layers&theme=blueprint`);
    await rendered();
    const toolbar = await page.$eval('#toolbar', (el) => el.getBoundingClientRect().left);
    const artboard = await page.$eval('[data-cyanotype-artboard]', (el) => el.getBoundingClientRect().right);
    expect(artboard).toBeLessThanOrEqual(toolbar);
    expect(await page.$$eval('#toolbar select[name=theme] option', (o) => o.map((x) => x.textContent))).toEqual(
      expect.arrayContaining(['blueprint', 'phosphor', 'amber', 'paper', 'whiteboard', 'contrast']),
    );
  });

  it('shows exactly what cyanotype render produces: 0 differing pixels', async () => {
    const renderer = await Renderer.open();
    try {
      for (const name of ['blueprint', 'paper']) {
        await page.goto(`${server.url}?spec=docker-container-layers&theme=${name}`);
        await rendered();
        const fromDev = await artboardPng();
        const { bytes } = await renderer.renderFile(join(specs, 'docker-container-layers.yaml'), { theme: name });
        const result = comparePng(bytes, fromDev);
        expect(result.pass && result.diffPixels, name).toBe(0);
      }
    } finally {
      await renderer.close();
    }
  });

  it('shows Latin Extended letters and symbols exactly as cyanotype render does (the dev page links their faces, the renderer adds them by need)', async () => {
    const renderer = await Renderer.open();
    try {
      for (const spec of ['latin-extended', 'symbols']) {
        await page.goto(`${server.url}?spec=${spec}&theme=blueprint`);
        await rendered();
        const fromDev = await artboardPng();
        const { bytes } = await renderer.renderFile(join(specs, `${spec}.yaml`));
        expect(comparePng(bytes, fromDev, { threshold: 0 }).diffPixels, spec).toBe(0);
      }
    } finally {
      await renderer.close();
    }
  });

  it('redraws within a second when a theme token changes, without reloading the page', async () => {
    await page.goto(`${server.url}?spec=https-request-path&theme=${encodeURIComponent(theme)}`);
    await rendered();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const before = await artboardPng();
    const count = await renders();
    const css = join(theme, 'theme.css');
    const started = Date.now();
    writeFileSync(
      css,
      readFileSync(css, 'utf8')
        .replace('--cy-color-ground: #0a2252;', '--cy-color-ground: #3a0a52;')
        .replace('--cy-ground: #0a2252;', '--cy-ground: #3a0a52;'),
    );
    await page.waitForFunction((n) => Number(document.body.dataset['renders'] ?? 0) > n, { timeout: 5000 }, count);
    const elapsed = Date.now() - started;
    await rendered();
    expect(comparePng(before, await artboardPng()).pass).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(elapsed).toBeLessThan(1500);
  });

  it("shows an invalid spec's error in the page, then recovers when it is fixed", async () => {
    await page.goto(`${server.url}?spec=https-request-path&theme=blueprint`);
    await rendered();
    const file = join(specs, 'https-request-path.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('to: cdn,', 'to: cnd,'));
    await page.waitForSelector('#problem:not([hidden])', { timeout: 5000 });
    expect(await page.$eval('#problem', (el) => el.textContent)).toMatch(
      /https-request-path\.yaml: \/connections\/0\/to: unknown component "cnd" \(did you mean "cdn"\?\)/,
    );
    const count = await renders();
    writeFileSync(file, good);
    await page.waitForFunction((n) => Number(document.body.dataset['renders'] ?? 0) > n, { timeout: 5000 }, count);
    expect(await page.$eval('#problem', (el) => (el as HTMLElement).hidden)).toBe(true);
  });

  it("lists the quality checks' findings on what it drew, and updates them when the spec changes", async () => {
    await page.goto(`${server.url}?spec=https-request-path&theme=blueprint`);
    const checked = (n: number) => page.waitForFunction((k) => Number(document.body.dataset['checked'] ?? 0) >= k, { timeout: 5000 }, n);
    await checked(1);
    expect(await page.$eval('#checks-summary', (el) => el.textContent)).toBe('no findings (contrast is checked on render)');
    const file = join(specs, 'https-request-path.yaml');
    const good = readFileSync(file, 'utf8');
    const count = await renders();
    writeFileSync(file, good.replace('label: HTTPS GET', 'label: HTTPS GET 🚀 443'));
    await checked(count + 1);
    expect(await page.$eval('#checks-summary', (el) => el.textContent)).toBe('1 finding (contrast is checked on render)');
    const [line] = await page.$$eval('#findings li', (items) => items.map((li) => li.textContent));
    expect(line).toMatch(
      /^error missing-glyph \(connection browser-to-cdn at \d+,\d+ \d+×\d+\): "HTTPS GET 🚀 443": IBM Plex Sans Condensed has no 🚀 \(U\+1F680\)/,
    );
    // Pointing at the finding outlines the label's place on the artboard.
    await page.hover('#findings li');
    const outline = await page.$eval('#outline', (el) => ({
      hidden: (el as HTMLElement).hidden,
      box: el.getBoundingClientRect().toJSON() as DOMRect,
    }));
    const artboard = await page.$eval('[data-cyanotype-artboard]', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const [x, y, width, height] = /at (\d+),(\d+) (\d+)×(\d+)/
      .exec(line ?? '')!
      .slice(1)
      .map(Number) as [number, number, number, number];
    expect(outline.hidden).toBe(false);
    const drawn = {
      x: outline.box.x - artboard.x + 3,
      y: outline.box.y - artboard.y + 3,
      width: outline.box.width - 6,
      height: outline.box.height - 6,
    };
    for (const [found, expected] of [
      [drawn.x, x],
      [drawn.y, y],
      [drawn.width, width],
      [drawn.height, height],
    ] as const)
      expect(Math.abs(found - expected)).toBeLessThanOrEqual(1);
    // A spec that stops loading takes its picture's findings with it.
    writeFileSync(file, good.replace('label: HTTPS GET', 'label: HTTPS GET → 443').replace('to: cdn,', 'to: cnd,'));
    await page.waitForSelector('#problem:not([hidden])', { timeout: 5000 });
    expect(await page.$$eval('#findings li', (items) => items.length)).toBe(0);
    writeFileSync(file, good);
    await checked(count + 2);
    expect(await page.$$eval('#findings li', (items) => items.length)).toBe(0);
  });

  it('stops cleanly: the port no longer answers', async () => {
    const other = await startDevServer({ inputs: [specs], port: 0 }, () => undefined);
    expect((await fetch(`${other.url}api/catalog`)).ok).toBe(true);
    await other.close();
    await expect(fetch(`${other.url}api/catalog`)).rejects.toThrow();
  });
});
