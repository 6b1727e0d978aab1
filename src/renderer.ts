/**
 * A long-lived renderer for tools and tests: open once, render many specs, close. The CLI's
 * render command and the test suite both go through it.
 */
import type { Inspection } from './document.js';
import { renderDocument } from './render/document.js';
import { BrowserSession, type ImageFormat, type SessionOptions } from './render/session.js';
import { loadSpecFile } from './spec/load.js';
import type { Spec } from './spec/model.js';
import { loadTheme } from './theme/themes.js';

export interface RenderRequest {
  /** Theme name or folder; defaults to the spec's own. */
  readonly theme?: string | undefined;
  readonly format?: ImageFormat | undefined;
  readonly scale?: number | undefined;
}

export interface RenderResult {
  readonly bytes: Uint8Array;
  readonly spec: Spec;
  readonly themeName: string;
}

export class Renderer {
  private constructor(private readonly session: BrowserSession) {}

  static async open(options: SessionOptions = {}): Promise<Renderer> {
    return new Renderer(await BrowserSession.open(options));
  }

  get browserVersion(): string {
    return this.session.browserVersion;
  }

  /** Requests the page tried to make beyond its own bundle, all blocked. */
  get blockedRequests(): readonly string[] {
    return this.session.blockedRequests;
  }

  async renderFile(file: string, request: RenderRequest = {}): Promise<RenderResult> {
    return this.renderSpec(await loadSpecFile(file), file, request);
  }

  async renderSpec(spec: Spec, item: string, request: RenderRequest = {}): Promise<RenderResult> {
    const theme = await loadTheme(request.theme ?? spec.theme);
    const bytes = await this.session.render(renderDocument(spec, theme), item, {
      format: request.format ?? 'png',
      scale: request.scale ?? 1,
    });
    return { bytes, spec, themeName: theme.name };
  }

  /** What the last render drew: texts with their measured boxes, and the parts' boxes. */
  async inspect(): Promise<Inspection> {
    return this.session.inspect();
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}
