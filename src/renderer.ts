/**
 * A long-lived renderer for tools and tests: open once, render many specs, close. One render:
 * the page applies the theme and measures every string layout may ask about, layout runs here
 * in Node, and the page draws the result and is captured.
 */
import type { Inspection, RenderDocument } from './document.js';
import { layoutMeasured } from './layout/layout.js';
import { measureRequests } from './layout/measure-table.js';
import type { Layout } from './layout/types.js';
import { renderDocument } from './render/document.js';
import { compactPng } from './render/png-compact.js';
import { BrowserSession, type CaptureOptions, type ImageFormat, type SessionOptions, type Timing } from './render/session.js';
import { BrowserError, CyanotypeError, RenderError } from './errors.js';
import { loadSpecFile, toSpec } from './spec/load.js';
import type { Spec } from './spec/model.js';
import type { SpecInput } from './spec/schema.js';
import { loadTheme, type Theme } from './theme/themes.js';
import { currentFingerprint, type Fingerprint } from './regression/fingerprint.js';
import { traced } from './trace.js';

export interface RenderRequest {
  /** Theme name or folder; defaults to the spec's own. */
  readonly theme?: string | undefined;
  readonly format?: ImageFormat | undefined;
  /** Device scale factor: 2 gives a 2048×2048 PNG of a 1024×1024 artboard. */
  readonly scale?: number | undefined;
}

export interface RenderResult {
  readonly bytes: Uint8Array;
  readonly spec: Spec;
  readonly layout: Layout;
  readonly themeName: string;
  /** Tokens the theme left out (see loadTheme). */
  readonly warnings: readonly string[];
  /** What was drawn, when draw() was asked to inspect. */
  readonly inspection?: Inspection | undefined;
}

export interface DrawOptions {
  /** Also read back what was drawn (RenderResult.inspection), in the same round trip. */
  readonly inspect?: boolean | undefined;
  /** Called between the draw and the screenshot (see CaptureOptions.onDrawn). */
  readonly onDrawn?: CaptureOptions['onDrawn'];
}

/** A spec laid out and ready to draw (see Renderer.plan). */
export interface Plan {
  readonly item: string;
  readonly doc: RenderDocument;
  readonly layout: Layout;
  readonly themeName: string;
  readonly warnings: readonly string[];
  readonly request: RenderRequest;
}

export interface RendererOptions extends SessionOptions {
  /** A browser session already launching, to adopt. */
  readonly session?: Promise<BrowserSession> | undefined;
  /** How plan() loads a theme (default loadTheme; a command's run passes themeCache()). */
  readonly themes?: ((nameOrPath: string) => Promise<Theme>) | undefined;
}

export class Renderer {
  private constructor(
    private readonly session: BrowserSession,
    private readonly themes: (nameOrPath: string) => Promise<Theme>,
  ) {}

  /** Opens a browser session (or adopts one already launching) and loads the page shell. */
  static async open(options: RendererOptions = {}): Promise<Renderer> {
    const session = await (options.session ?? BrowserSession.open(options));
    try {
      await session.openPage();
    } catch (error) {
      await session.close();
      throw error instanceof CyanotypeError
        ? error
        : new BrowserError(`could not load the page shell: ${(error as Error).message}`, String(error));
    }
    return new Renderer(session, options.themes ?? loadTheme);
  }

  /** False once the browser has exited or crashed; such a renderer must be replaced. */
  get connected(): boolean {
    return this.session.connected;
  }

  /** Ends the browser at once (a hung render); the renderer is unusable afterwards. */
  kill(): void {
    this.session.kill();
  }

  get browserVersion(): string {
    return this.session.browserVersion;
  }

  /** What renders depend on: Chromium, fonts, flags, platform, cyanotype (stored with baselines). */
  fingerprint(): Fingerprint {
    return currentFingerprint(this.session.browserVersion);
  }

  /**
   * How the page shell reached the drawing tab: 'start page' (Chromium opened it from its
   * profile as it started) or 'written in' (when Puppeteer launched the browser, or it could not
   * open the file).
   */
  get shell(): 'start page' | 'written in' | undefined {
    return this.session.shell;
  }

  /** Requests the page tried to make (it needs none: its shell comes from cyanotype's bundle), all blocked. */
  get blockedRequests(): readonly string[] {
    return this.session.blockedRequests;
  }

  async renderFile(file: string, request: RenderRequest = {}): Promise<RenderResult> {
    return this.renderSpec(await loadSpecFile(file), file, request);
  }

  /**
   * Renders a Spec (parseSpec, loadSpecFile) or a spec built in code as its YAML would hold it,
   * which is validated first like a file (a SpecError names `item` and the place in it).
   */
  async renderSpec(spec: Spec | SpecInput, item: string, request: RenderRequest = {}): Promise<RenderResult> {
    return this.draw(await this.plan(toSpec(spec, item), item, request));
  }

  /**
   * The first half of a render: theme, text measured in the page, layout. With `timing:
   * 'ahead'` it leaves the drawing tab as it is, so a batch can plan the next spec while the
   * current one is being drawn and captured.
   */
  async plan(spec: Spec, item: string, request: RenderRequest = {}, timing: Timing = 'draw'): Promise<Plan> {
    const theme = await this.themes(request.theme ?? spec.theme);
    return this.planDocument(await renderDocument(spec, theme), theme.warnings, item, request, timing);
  }

  /** plan() for a document the caller has already built (render builds it to stamp the output). */
  async planDocument(
    doc: RenderDocument,
    warnings: readonly string[],
    item: string,
    request: RenderRequest = {},
    timing: Timing = 'draw',
  ): Promise<Plan> {
    const layout = await this.layout(doc, item, request.scale ?? 1, timing);
    return { item, doc, layout, themeName: doc.theme.name, warnings, request };
  }

  /**
   * The second half: draw the planned layout in the drawing tab and capture it. With
   * `inspect`, the result also carries what was drawn (as inspect() gives), read in the same
   * round trip.
   */
  async draw(plan: Plan, options: DrawOptions = {}): Promise<RenderResult> {
    const result = await this.capture(plan, options);
    return result.format === 'png' ? { ...result, bytes: await compactPng(result.bytes) } : result;
  }

  /**
   * draw() without the last step: a PNG comes back as Chromium encoded it for speed (larger).
   * A batch compacts it (compactPng) while the browser draws the next item, or never needs
   * to, when only its pixels are compared.
   */
  async capture(plan: Plan, options: DrawOptions = {}): Promise<RenderResult & { readonly format: ImageFormat }> {
    const { doc, layout, item, request } = plan;
    const { bytes, inspection } = await this.session.capture(doc, layout, item, request.format ?? 'png', {
      scale: request.scale ?? 1,
      inspect: options.inspect,
      onDrawn: options.onDrawn,
    });
    return {
      bytes,
      format: request.format ?? 'png',
      spec: doc.spec,
      layout,
      themeName: plan.themeName,
      warnings: plan.warnings,
      inspection,
    };
  }

  private async layout(doc: RenderDocument, item: string, scale: number, timing: Timing): Promise<Layout> {
    const metrics = await this.session.prepare(doc.theme, doc.spec.size, scale, timing);
    let requests = measureRequests(doc.spec, metrics);
    let widths = await this.session.measure(requests);
    if (timing === 'draw') this.session.warmCapture();
    try {
      // Layout may ask for strings nobody listed (long words broken at hyphens): measure those
      // too and lay out again, so every width layout used came from the page.
      for (let pass = 0; pass < 4; pass++) {
        const { layout, misses } = await traced('layout', async () => layoutMeasured(doc.spec, metrics, requests, widths));
        if (misses.length === 0) return layout;
        requests = [...requests, ...misses];
        widths = [...widths, ...(await this.session.measure(misses))];
      }
      throw new Error('text measurement did not settle');
    } catch (error) {
      throw new RenderError(item, `layout failed: ${error instanceof Error ? error.message : String(error)}`, String(error));
    }
  }

  /** What the last render drew: texts with their measured boxes, and the parts' boxes. */
  async inspect(): Promise<Inspection> {
    return this.session.inspect();
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}
