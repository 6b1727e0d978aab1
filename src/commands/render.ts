/** `cyanotype render`: spec files → images in an output folder. */
import { relative } from 'node:path';
import { BrowserError, CyanotypeError, RenderError, UsageError } from '../errors.js';
import { collectSpecFiles, outputName, outputPath, writeFileAtomic } from '../render/files.js';
import type { Finding } from '../check/findings.js';
import { formatFinding } from '../check/findings.js';
import type { Renderer, RenderResult } from '../renderer.js';
import type { Spec } from '../spec/model.js';
import { loadTheme, summariseWarnings } from '../theme/themes.js';

export const FORMATS = ['png', 'jpeg', 'webp', 'pdf', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface RenderCommandOptions {
  readonly out: string;
  readonly theme?: string | undefined;
  readonly size?: string | undefined;
  readonly scale: number;
  readonly format: OutputFormat;
  readonly browser?: string | undefined;
  /** Run the quality checks after each render (default on); strict makes findings failures. */
  readonly check: boolean;
  readonly strict: boolean;
}

export interface RenderReport {
  readonly written: string[];
  readonly failures: CyanotypeError[];
}

export interface Reporter {
  info(line: string): void;
  error(line: string): void;
  warn(line: string): void;
}

export function parseRenderOptions(raw: {
  out?: string;
  theme?: string;
  size?: string;
  scale?: string;
  format?: string;
  browser?: string;
  check?: boolean;
  strict?: boolean;
}): RenderCommandOptions {
  const format = (raw.format ?? 'png').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: "${raw.format}" is not one of ${FORMATS.join(', ')}`);
  const scale = raw.scale === undefined ? 1 : Number(raw.scale);
  if (!Number.isFinite(scale) || scale < 0.25 || scale > 4) throw new UsageError(`--scale: "${raw.scale}" is not a number from 0.25 to 4`);
  if (raw.size !== undefined && !/^\d{2,5}x\d{2,5}$/.test(raw.size))
    throw new UsageError(`--size: "${raw.size}" is not WIDTHxHEIGHT, e.g. 1024x1024`);
  return {
    out: raw.out ?? 'out',
    theme: raw.theme,
    size: raw.size,
    scale,
    format: format as OutputFormat,
    browser: raw.browser,
    check: raw.check !== false,
    strict: Boolean(raw.strict),
  };
}

/** Renders every spec; invalid specs and failed renders are reported, the rest still written. */
export async function renderCommand(inputs: readonly string[], options: RenderCommandOptions, reporter: Reporter): Promise<RenderReport> {
  const files = await collectSpecFiles(inputs);
  if (options.theme) await loadTheme(options.theme); // fail fast on an unknown theme
  const written: string[] = [];
  const failures: CyanotypeError[] = [];
  // Chromium is launched before Node loads the spec machinery (zod, yaml, icons, ELK), so it
  // boots on the other core while those load instead of after them.
  const opening = options.format === 'html' ? undefined : (await openRenderer(options.browser)).pending;
  opening?.catch(() => undefined); // awaited below; a launch failure must not go unhandled meanwhile
  if (options.check) (await import('../check/content-lint.js')).preloadSpelling();
  const { loadSpecFile } = await import('../spec/load.js');
  const { renderDocument } = await import('../render/document.js');
  let renderer: Renderer | undefined;
  const warned = new Set<string>();
  const warn = (warnings: readonly string[]) => {
    const fresh = warnings.filter((w) => !warned.has(w));
    fresh.forEach((w) => warned.add(w));
    for (const line of summariseWarnings(fresh)) reporter.warn(line);
  };
  try {
    for (const file of files) {
      try {
        const loaded = await loadSpecFile(file);
        const spec: Spec = options.size ? { ...loaded, size: parseSize(options.size) } : loaded;
        const target = outputPath(options.out, outputName(file), options.format === 'jpeg' ? 'jpg' : options.format);
        const started = performance.now();
        let bytes: Uint8Array | string;
        if (options.format === 'html') {
          const theme = await loadTheme(options.theme ?? spec.theme);
          warn(theme.warnings);
          const { readPageAssets } = await import('../render/session.js');
          const { standaloneHtml } = await import('../render/standalone-html.js');
          bytes = standaloneHtml(await renderDocument(spec, theme), await readPageAssets());
        } else {
          renderer ??= await opening;
          if (!renderer) throw new BrowserError('no browser session');
          const result = await renderer.renderSpec(spec, file, { theme: options.theme, format: options.format, scale: options.scale });
          warn(result.warnings);
          bytes = result.bytes;
          if (options.check && options.format !== 'pdf') {
            const findings = await checkAfterRender(renderer, spec, result, options.format === 'png' ? bytes : undefined, options.scale);
            for (const f of findings) (options.strict ? reporter.error : reporter.warn)(`${file}: ${formatFinding(f)}`);
            if (options.strict && findings.length > 0) {
              failures.push(
                new RenderError(file, `${findings.length} quality ${findings.length === 1 ? 'finding' : 'findings'} (--strict)`),
              );
              continue;
            }
          }
        }
        await writeFileAtomic(target, bytes);
        written.push(target);
        const shown = relative(process.cwd(), target);
        reporter.info(`${file} → ${shown.startsWith('..') ? target : shown} (${Math.round(performance.now() - started)} ms)`);
      } catch (error) {
        // Bad usage and a missing browser stop the run; a bad spec or a failed render is one item.
        if (!(error instanceof CyanotypeError) || error instanceof UsageError || error instanceof BrowserError) throw error;
        failures.push(error);
        reporter.error(error.message);
      }
    }
  } finally {
    await (renderer ?? (await opening?.catch(() => undefined)))?.close();
  }
  return { written, failures };
}

/** The quality checks of one render (contrast only when the capture is a PNG). */
async function checkAfterRender(
  renderer: Renderer,
  spec: Spec,
  result: RenderResult,
  png: Uint8Array | undefined,
  scale: number,
): Promise<Finding[]> {
  const { checkRender, checkWithoutPixels } = await import('../check/check.js');
  const inspection = await renderer.inspect();
  return png
    ? checkRender({ spec: result.spec, layout: result.layout, inspection, png, scale })
    : checkWithoutPixels({ spec, layout: result.layout, inspection });
}

/** Starts Chromium as soon as Puppeteer is loaded; resolves to the opening in progress. */
async function openRenderer(browser: string | undefined): Promise<{ pending: Promise<Renderer> }> {
  const { BrowserSession } = await import('../render/session.js');
  const session = BrowserSession.open({ browser });
  session.catch(() => undefined);
  const { Renderer } = await import('../renderer.js');
  return { pending: Renderer.open({ session }) };
}

function parseSize(size: string) {
  const [width, height] = size.split('x').map(Number) as [number, number];
  return { width, height };
}
