/**
 * The browser session: the only module that imports Puppeteer. It finds a Chromium, launches it
 * with flags chosen for identical pixels, opens the bundled page shell as its tab's start page,
 * blocks every request the page makes, and turns a RenderDocument into image bytes.
 */
import type { Browser, CDPSession, HTTPRequest, Page, PuppeteerNode } from 'puppeteer-core';
import type { Inspection, PageApi, RenderDocument } from '../document.js';
import { EXTRA_FACE_FILES, needsExtraFaces } from '../fonts/extra-faces.js';
import { fontKey, packRequests, type MeasureRequest } from '../layout/measure-table.js';
import type { Layout, LayoutMetrics } from '../layout/types.js';
import type { Size } from '../spec/model.js';
import { BrowserError, RenderError } from '../errors.js';
import { mark, traced } from '../trace.js';
import { withTimeout } from './with-timeout.js';
import { identityFromProduct } from './browser-identity.js';
import { findBrowser, INSTALL_HINT } from './find-browser.js';
import { LaunchedChromium } from './launch.js';
import { pageAsset, readPageAssets } from './page-assets.js';
import { shellHtml } from './shell-html.js';
import { launchFlags, machineFlags, recordedArgs } from './launch-args.js';

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'pdf';

/**
 * When a plan is made: right before its own draw ('draw': it may leave the tab prepared for
 * it), or ahead, while another item may be drawing and capturing ('ahead': it must not change
 * what the tab shows).
 */
export type Timing = 'draw' | 'ahead';

/**
 * A long batch collects the tab's garbage every this many captures: V8 in the page collects
 * lazily, and the renderer grew ~1 MiB a diagram (84 → 132 MiB over 50). Each collection holds
 * up the next draw: every 10 cost the 50 bench diagrams ~70 ms more than every 25 (21 paired
 * runs), and every 25 holds the peak as low (200 diagrams: 385 MiB, against 397 every 10 and
 * 442 with none).
 */
const COLLECT_EVERY = 25;

/** The session forgets its measured widths past this many (a batch of ~1,000 diagrams with no word in common). */
const MAX_REMEMBERED_WIDTHS = 100_000;

/** How long Chromium may take to start and answer. */
const STARTUP_TIMEOUT = 30_000;

/** How long the start page may take to finish loading before the shell is written in instead. */
const START_PAGE_PATIENCE_MS = 10_000;

/**
 * Puppeteer over the pipe of a Chromium cyanotype started. Its core entry is enough for that:
 * the Node entry would also load its WebSocket client, browser downloader and their
 * dependencies (~1.5 MB of code a cold render compiled for nothing).
 */
async function connect(launched: LaunchedChromium, timeout: number): Promise<Browser> {
  // Typed through the public declarations (the internal module declares its own copies).
  const puppeteer = (await import('puppeteer-core/internal/puppeteer-core-browser.js')).default as unknown as Pick<
    PuppeteerNode,
    'connect'
  >;
  mark('puppeteer loaded');
  const connecting = puppeteer.connect({ transport: launched.transport, defaultViewport: null });
  return await withTimeout(connecting, timeout, () => new Error(`no answer over DevTools within ${timeout} ms`));
}

/** Puppeteer starting Chromium itself: without the recorded command line (a source checkout before `npm run build`), or for `headless: 'shell'`. */
async function launch(executablePath: string, headless: boolean | 'shell'): Promise<Browser> {
  const puppeteer = (await import('puppeteer-core')).default;
  mark('puppeteer loaded');
  return await puppeteer.launch({
    executablePath,
    headless,
    args: [...launchFlags(), ...machineFlags(executablePath)],
    defaultViewport: null,
    timeout: STARTUP_TIMEOUT,
  });
}

export interface CaptureOptions {
  /** Device scale factor of the capture (default 1). */
  readonly scale?: number | undefined;
  /** Also read back what was drawn (for the quality checks), in the same round trip. */
  readonly inspect?: boolean | undefined;
  /**
   * Called once the draw is done, before the screenshot is taken, with what was drawn (when
   * `inspect`): work that needs no pixels can run while Chromium captures. It must not wait.
   */
  readonly onDrawn?: ((inspection: Inspection | undefined) => void) | undefined;
}

export interface Capture {
  /** A PNG here is encoded for speed, not size: compactPng() makes it the file to keep. */
  readonly bytes: Uint8Array;
  readonly inspection?: Inspection | undefined;
}

export interface SessionOptions {
  readonly browser?: string | undefined;
  /** Milliseconds one render may take before it is abandoned. */
  readonly timeout?: number | undefined;
  /** Chromium's headless mode: the new one (default) or the old "shell" one. */
  readonly headless?: true | 'shell' | undefined;
  /** The page bundle, when the caller has read it anyway (see readPageAssets). */
  readonly assets?: ReadonlyMap<string, Buffer> | undefined;
}

export class BrowserSession {
  /** Requests the page made (all were blocked: the shell comes from cyanotype's bundle, and nothing else loads). */
  readonly blockedRequests: string[] = [];
  private page: Page | undefined;
  /** The drawing tab's viewport as last set ("width×height@scale"): setting it again costs a relayout. */
  private viewport = '';
  private warmed = false;
  /** Captures taken in this session (see COLLECT_EVERY). */
  private captures = 0;
  private devtools: Promise<CDPSession> | undefined;
  /** Layout metrics by theme and size: a plan made ahead reads them here instead of preparing the tab. */
  private readonly metrics = new Map<string, LayoutMetrics>();
  /**
   * Widths the page has measured, by font and string: the tab's fonts are the bundle's for the
   * whole session, so a string is measured once. In a batch most strings recur (a theme's words,
   * a project's names), and the page then measures only what is new: its main thread, which each
   * capture waits for, does less.
   */
  private readonly widths = new Map<string, number>();
  private shellSource: 'start page' | 'written in' | undefined;
  /** The extra faces' files added to the tab, and the tab (a restarted tab has none). */
  private extraFaces: { readonly page: Page | undefined; readonly added: Set<string> } = { page: undefined, added: new Set() };
  /** Held from a capture's draw to the end of its screenshot, and by a prepare that changes the tab. */
  private held: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly browser: Browser,
    /** Chromium as cyanotype started it (undefined when Puppeteer launched it). */
    private readonly launched: LaunchedChromium | undefined,
    private readonly assets: ReadonlyMap<string, Buffer>,
    private readonly timeout: number,
    readonly executablePath: string,
    readonly browserVersion: string,
  ) {}

  /** How the page shell reached the tab: as Chromium's start page, or written in; undefined before openPage(). */
  get shell(): 'start page' | 'written in' | undefined {
    return this.shellSource;
  }

  /** False once Chromium has exited or crashed. */
  get connected(): boolean {
    return this.browser.connected;
  }

  /** Ends Chromium at once, without the graceful shutdown (for a hung or crashed browser). */
  kill(): void {
    if (this.launched) this.launched.kill();
    else this.browser.process()?.kill('SIGKILL');
  }

  static async open(options: SessionOptions = {}): Promise<BrowserSession> {
    const executablePath = findBrowser(options.browser);
    const timeout = options.timeout ?? 30_000;
    // Chromium starts first, with the command line Puppeteer would give it (recorded at build
    // time), and Puppeteer loads while it boots; without the record, Puppeteer launches it.
    const args = options.headless === 'shell' ? undefined : recordedArgs();
    // A missing bundle is reported before any browser is started. The page shell is Chromium's
    // start page: the tab loads it while Puppeteer loads and connects, instead of after (~40 ms
    // of a cold render).
    const assets = options.assets ?? readPageAssets();
    const launched = args
      ? LaunchedChromium.start(executablePath, [...args, ...machineFlags(executablePath)], shellHtml(assets))
      : undefined;
    let browser: Browser;
    try {
      browser = launched ? await connect(launched, STARTUP_TIMEOUT) : await launch(executablePath, options.headless ?? true);
    } catch (error) {
      // The pipe closes a moment before the exit is seen: wait for it, for the last words.
      if (launched) await Promise.race([launched.gone, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      launched?.kill();
      const why = launched?.failure ?? (error as Error).message.split('\n')[0] ?? '';
      throw new BrowserError(`could not start ${executablePath}: ${why}; ${INSTALL_HINT}`, String(error));
    }
    mark('puppeteer connected');
    let version: string;
    try {
      version = identityFromProduct(await browser.version());
    } catch (error) {
      launched?.kill();
      browser.process()?.kill('SIGKILL');
      throw new BrowserError(`${executablePath} stopped answering right after it started; ${INSTALL_HINT}`, String(error));
    }
    return new BrowserSession(browser, launched, assets, timeout, executablePath, version);
  }

  /** Loads the page shell in the drawing tab (once; later renders reuse it). */
  async openPage(): Promise<Page> {
    if (this.page && !this.page.isClosed()) return this.page;
    // The tab Chromium opens at launch is reused: a new one costs another ~70 ms. Drawing
    // happens in this one tab: a tab in the background gets no animation frames, so its draw
    // and screenshot never finish (measured; docs/decisions/006).
    const page = await traced('page shell', async () => this.loadShell((await this.browser.pages())[0] ?? (await this.browser.newPage())));
    this.page = page;
    this.viewport = '';
    return page;
  }

  /**
   * Takes one tiny screenshot in the drawing tab, once per session, without waiting for it: a
   * first capture pays for setting up Chromium's capture path, and the page is idle while Node
   * lays out the first spec. It takes its turn of the tab like any capture: left to run beside
   * a spec laid out ahead at another size (which resizes the view), it left the view at that size
   * — seen as the next items of a batch mixing sizes coming out clipped to it, in about half the
   * runs once the lanes' timing changed (batch.test.ts "mixes themes and sizes").
   */
  warmCapture(): void {
    const page = this.page;
    if (this.warmed || !page) return;
    this.warmed = true;
    void this.exclusive(() => this.screenshot(page, { x: 0, y: 0, width: 8, height: 8 }, 'png')).catch(() => undefined);
  }

  private async loadShell(page: Page): Promise<Page> {
    // The shell is the tab's start page (LaunchedChromium.start), maybe still loading: its load
    // is let finish, whichever way it goes (a navigation cut short can take down a one-process
    // Chromium, decision 012). When Puppeteer launched the browser, or a Chromium could not
    // open the file (a sandboxed one may not see this machine's temporary folder), the shell is
    // written in — and so it is when the start page has not settled within
    // START_PAGE_PATIENCE_MS (in CI its tab once never did: decision 016). Requests are
    // intercepted once that load is over, so its navigation is never held by the interception
    // (the shell makes no request; its CSP allows none).
    const settled =
      this.launched !== undefined &&
      (await untilPage(page, () => document.readyState === 'complete' && location.href !== 'about:blank', START_PAGE_PATIENCE_MS));
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.answer(request));
    await page.emulateMediaType('screen');
    const started = settled && (await page.evaluate(() => typeof window.cyanotype?.draw === 'function'));
    if (!started) {
      if ((this.launched && !settled) || page.url() !== 'about:blank') await page.goto('about:blank', { timeout: this.timeout });
      await page.setContent(shellHtml(this.assets), { waitUntil: 'load', timeout: this.timeout });
      if (!(await untilPage(page, () => typeof window.cyanotype?.draw === 'function', this.timeout)))
        throw new Error(`the page shell did not start within ${this.timeout} ms`);
    }
    this.shellSource = started ? 'start page' : 'written in';
    mark(`shell: ${this.shellSource}`);
    return page;
  }

  /**
   * Runs `step` when no capture is between its draw and its screenshot, and keeps the tab for
   * it: one tab draws and measures (a second, measuring tab cost ~25 MiB and more time than it
   * saved, measured in docs/decisions/008), so what changes the tab waits its turn.
   */
  private exclusive<T>(step: () => Promise<T>): Promise<T> {
    const run = this.held.then(step, step);
    this.held = run.catch(() => undefined);
    return run;
  }

  private async answer(request: HTTPRequest): Promise<void> {
    const url = request.url();
    if (url.startsWith('data:')) return request.continue();
    this.blockedRequests.push(url);
    return request.abort('blockedbyclient');
  }

  /**
   * The theme's layout metrics at this size. 'draw' applies the theme and sizes the artboard and
   * the view; 'ahead' leaves the tab as it is when the metrics are known from an earlier prepare
   * (a batch mostly repeats a theme), and otherwise prepares between two captures.
   */
  async prepare(theme: RenderDocument['theme'], size: Size, scale: number, timing: Timing = 'draw'): Promise<LayoutMetrics> {
    const key = `${size.width}×${size.height}\n${theme.name}\n${theme.css}`;
    const known = this.metrics.get(key);
    if (timing === 'ahead' && known) return known;
    const page = await this.openPage();
    const metrics = await this.exclusive(async () => {
      // Metrics come from the artboard's styles, which do not depend on the view: a plan made
      // ahead leaves the view at the size the item drawing next needs.
      if (timing === 'draw') await this.setViewport(page, size, scale);
      return await traced(`prepare (${timing})`, () => callPage(page, 'prepare', theme, size));
    });
    this.metrics.set(key, metrics);
    return metrics;
  }

  /** Sizes the drawing tab's view, unless it already is that size (setting it again costs a relayout). */
  private async setViewport(page: Page, size: Size, scale: number, beforeDraw = false): Promise<void> {
    const viewport = `${size.width}×${size.height}@${scale}`;
    if (viewport === this.viewport) return;
    await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: scale });
    // Resized right before a draw, the tab first makes one frame at the new size: a draw and
    // screenshot straight after a resize (back to a size the view had a moment before) came out
    // with its lower part blank, as of a frame of the old size — about 1 run in 7 of a batch
    // mixing sizes (batch.test.ts "mixes themes and sizes"); 0 in 25 with this alone, 0 in 25
    // with plans made ahead leaving the view alone (prepare), 0 in 30 with both.
    if (beforeDraw) await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    this.viewport = viewport;
  }

  /**
   * Gives the tab each of the bundle's extra faces' files when `text` has a character they are
   * for, once per tab. Adding @font-face rules changes no pixel of text they are not for, but it is
   * a change to the tab's styles: it waits for a capture in progress to end.
   */
  private async addExtraFaces(page: Page, text: string): Promise<void> {
    if (this.extraFaces.page !== page) this.extraFaces = { page, added: new Set() };
    const { added } = this.extraFaces;
    for (const file of EXTRA_FACE_FILES) {
      const css = () => pageAsset(this.assets, file);
      if (added.has(file) || !needsExtraFaces(text, css)) continue;
      await this.exclusive(() => traced(`extra faces ${file}`, () => callPage(page, 'addFaces', file, css()?.toString('utf8') ?? '')));
      added.add(file);
    }
  }

  /**
   * Widths of the strings in the page's real fonts. Measuring uses a canvas and the fonts the
   * page bundles, not the drawn document: it may run while another item is being captured.
   */
  async measure(requests: readonly MeasureRequest[]): Promise<number[]> {
    const key = (r: MeasureRequest) => `${fontKey(r.font)}|${r.text}`;
    const unmeasured = [...new Map(requests.filter((r) => !this.widths.has(key(r))).map((r) => [key(r), r])).values()];
    if (unmeasured.length > 0) {
      const page = await this.openPage();
      await this.addExtraFaces(page, unmeasured.map((r) => r.text).join('\n'));
      const batch = packRequests(unmeasured);
      const measured = await traced(`measure ${unmeasured.length} of ${requests.length}`, () => callPage(page, 'measure', batch));
      if (this.widths.size > MAX_REMEMBERED_WIDTHS) this.widths.clear();
      unmeasured.forEach((r, i) => this.widths.set(key(r), measured[i] ?? 0));
    }
    return requests.map((r) => this.widths.get(key(r)) ?? 0);
  }

  /** Draws a laid-out document and captures the artboard. */
  async capture(doc: RenderDocument, layout: Layout, item: string, format: ImageFormat, options: CaptureOptions = {}): Promise<Capture> {
    const page = await this.openPage();
    // From the draw to the end of the screenshot nothing else may change the tab.
    // A plan made in another tab (another lane's) measured there: this one may not have the faces yet.
    await this.addExtraFaces(page, JSON.stringify(doc.spec));
    return await this.exclusive(async () => {
      await this.setViewport(page, doc.spec.size, options.scale ?? 1, true);
      // One round trip: apply the theme (a plan made ahead did not; the same theme again changes
      // nothing), draw, and report where the artboard is and (for the checks) what was drawn —
      // each was its own round trip before (~20 ms a render).
      const drawn = callPage(page, 'drawForCapture', doc, layout, options.inspect === true);
      const box = await traced('draw', () =>
        withTimeout(drawn, this.timeout, () => new RenderError(item, `render did not finish within ${this.timeout} ms`)),
      );
      if ('failed' in box) throw new RenderError(item, `drawing failed: ${box.failed}`);
      const { width, height } = layout;
      const { inspection } = box;
      options.onDrawn?.(inspection);
      if (format === 'pdf') {
        return {
          bytes: await page.pdf({ width: `${width}px`, height: `${height}px`, printBackground: true, pageRanges: '1' }),
          inspection,
        };
      }
      const bytes = await traced('screenshot', () => this.screenshot(page, { x: box.x, y: box.y, width, height }, format));
      if (++this.captures % COLLECT_EVERY === 0) this.collectGarbage(page);
      return { bytes, inspection };
    });
  }

  /** A full garbage collection in the tab, not waited for: Node goes on meanwhile, and the tab's next task queues behind it. */
  private collectGarbage(page: Page): void {
    const devtools = (this.devtools ??= page.createCDPSession());
    void traced('collect garbage', async () => (await devtools).send('HeapProfiler.collectGarbage')).catch(() => undefined);
  }

  private async screenshot(
    page: Page,
    clip: { x: number; y: number; width: number; height: number },
    format: 'png' | 'jpeg' | 'webp',
  ): Promise<Uint8Array> {
    return await page.screenshot({
      type: format,
      clip,
      // A PNG is encoded for speed (zlib level 1) and compacted off the browser by
      // compactPng(): ~40 ms less of the browser's time per render (src/render/png-compact.ts).
      ...(format === 'png' ? { optimizeForSpeed: true } : { quality: 92 }),
      // The artboard is inside the viewport: capturing "beyond" it would resize the view
      // around every screenshot (~15 ms) for nothing.
      captureBeyondViewport: false,
    });
  }

  /** What the last render drew, read back from the page (texts with their measured boxes). */
  async inspect(): Promise<Inspection> {
    if (!this.page) throw new RenderError('inspect', 'nothing has been rendered in this session');
    return await callPage(this.page, 'inspect');
  }

  async close(): Promise<void> {
    // Nothing in the browser is left to save: ending it at once (Puppeteer still removes its
    // temporary profile) takes ~40 ms where a graceful close takes ~95.
    this.kill();
    if (this.launched) {
      this.browser.disconnect().catch(() => undefined);
      await this.launched.gone;
    } else await this.browser.close().catch(() => undefined);
  }
}

/**
 * Asks the tab, from Node, until `test` holds (true) or `timeoutMs` has passed (false): short
 * evaluations in whatever document the tab has, each given at most a second, one that fails
 * (a navigation replacing the document) asked again.
 */
async function untilPage(page: Page, test: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    const answer = await withTimeout(page.evaluate(test), Math.min(left, 1000), () => new Error('no answer')).catch(() => false);
    if (answer) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The page API's methods the session calls (not the full bundle's `render`). */
type PageMethod = Exclude<keyof PageApi, 'render'>;

/**
 * Calls `window.cyanotype[name]` in the tab. Arguments and answer cross as JSON text, parsed at
 * the other end: DevTools converting object trees value by value cost ~0.6 ms to the page, and
 * the page then worked ~1.5 ms slower with the objects it made (docs/decisions/017).
 */
async function callPage<K extends PageMethod>(
  page: Page,
  name: K,
  ...args: Parameters<PageApi[K]>
): Promise<Awaited<ReturnType<PageApi[K]>>> {
  const answer = await page.evaluate(
    async (method, input) => {
      const api = window.cyanotype as unknown as Record<string, (...values: unknown[]) => unknown>;
      return JSON.stringify(await api[method]!(...(JSON.parse(input) as unknown[]))) ?? 'null';
    },
    name,
    JSON.stringify(args),
  );
  return JSON.parse(answer) as Awaited<ReturnType<PageApi[K]>>;
}
