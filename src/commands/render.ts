/** `cyanotype render`: spec files → images in an output folder. */
import { relative } from 'node:path';
import { CyanotypeError, itemFailure, RenderError, UsageError } from '../errors.js';
import { offloadFor } from '../offload/for-batch.js';
import { packageVersion } from '../package-root.js';
import { collectSpecFiles, ensureWritableFolder, outputName, outputPath, writeFileAtomic } from '../render/files.js';
import type { PixelFreeFindings } from '../check/check.js';
import type { Finding } from '../check/findings.js';
import { formatFinding } from '../check/findings.js';
import { parseItemTimeout } from '../render/item-timeout.js';
import { compactPng } from '../render/png-compact.js';
import { parseJobs, runLanes, type LaneTurn } from '../render/lanes.js';
import type { ScalingRule } from '../render/lane-scaler.js';
import type { ItemOutcome, Progress } from '../render/progress.js';
import { identityOfExecutable } from '../render/browser-identity.js';
import { inputHash, readPngStamp, stampPng } from '../render/stamp.js';
import { parseShard, shardOf } from '../regression/items.js';
import type { Inspection } from '../document.js';
import type { Plan, Renderer, RenderResult } from '../renderer.js';
import type { Size, Spec } from '../spec/model.js';
import { readSize } from '../spec/size.js';
import { summariseWarnings, themeCache } from '../theme/themes.js';
import { mark, traced } from '../trace.js';

export const FORMATS = ['png', 'jpeg', 'webp', 'pdf', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface RenderCommandOptions {
  readonly out: string;
  readonly theme?: string | undefined;
  /** The artboard size for every spec, instead of each spec's own. */
  readonly size?: Size | undefined;
  readonly scale: number;
  readonly format: OutputFormat;
  readonly browser?: string | undefined;
  /** Run the quality checks after each render (default on); strict makes findings failures. */
  readonly check: boolean;
  readonly strict: boolean;
  /** Render outputs whose stamp says nothing changed, too. */
  readonly force: boolean;
  /** Only the i-th of n shares of the specs (1-based). */
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
  /**
   * Browsers rendering side by side (each one tab; see docs/decisions/006), or `auto`: one, and
   * more while the machine's cores are measured to be idle (src/render/lane-scaler.ts).
   */
  readonly jobs: number | 'auto';
  /** When `jobs` is `auto`: the rule for opening another browser (default AUTO_SCALING). */
  readonly scaling?: ScalingRule | undefined;
  /** Milliseconds one item may take before its browser is declared hung. */
  readonly timeout: number;
}

export interface RenderReport {
  readonly outcomes: readonly ItemOutcome[];
  readonly failures: CyanotypeError[];
  /** Browsers the run rendered with (more than `--jobs auto` began with when the cores were idle). */
  readonly browsers: number;
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
  force?: boolean;
  shard?: string;
  jobs?: string;
  timeout?: string;
}): RenderCommandOptions {
  const format = (raw.format ?? 'png').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: "${raw.format}" is not one of ${FORMATS.join(', ')}`);
  const scale = raw.scale === undefined ? 1 : Number(raw.scale);
  if (!Number.isFinite(scale) || scale < 0.25 || scale > 4) throw new UsageError(`--scale: "${raw.scale}" is not a number from 0.25 to 4`);
  const size = raw.size === undefined ? undefined : readSize(raw.size);
  if (size && 'problem' in size) throw new UsageError(`--size: ${size.problem}`);
  const jobs = parseJobs(raw.jobs);
  const timeout = parseItemTimeout(raw.timeout);
  return {
    out: raw.out ?? 'out',
    theme: raw.theme,
    size: size?.size,
    scale,
    format: format as OutputFormat,
    browser: raw.browser,
    check: raw.check !== false,
    strict: Boolean(raw.strict),
    force: Boolean(raw.force),
    shard: raw.shard === undefined ? undefined : parseShard(raw.shard),
    jobs,
    timeout,
  };
}

interface Item {
  readonly file: string;
  readonly name: string;
}

/**
 * Renders every spec: one warm browser per lane, each item under a timeout, a crashed or hung
 * browser replaced and its item retried once. Invalid specs and failed renders are reported
 * per item while the other outputs are still written.
 */
export async function renderCommand(inputs: readonly string[], options: RenderCommandOptions, progress: Progress): Promise<RenderReport> {
  const files = await collectSpecFiles(inputs, [options.out]);
  const themes = themeCache();
  if (options.theme) await themes(options.theme); // fail fast on an unknown theme
  const all: Item[] = files.map((file) => ({ file, name: outputName(file) }));
  const items = options.shard ? shardOf(all, options.shard.index, options.shard.count) : all;
  await ensureWritableFolder(options.out);
  const failures: CyanotypeError[] = [];
  // Chromium is launched before Node loads the spec machinery (zod, yaml, icons, layout), so it
  // boots on the other core while those load instead of after them.
  const browserPath = options.format === 'html' ? undefined : (await import('../render/find-browser.js')).findBrowser(options.browser);
  const offload = browserPath ? await offloadFor(items.length, { spelling: options.check }) : undefined;
  // The page bundle, read once: the page shell Chromium starts with, and hashed into every output's stamp.
  const { pageBundleDigest, readPageAssets } = await import('../render/page-assets.js');
  const assets = readPageAssets();
  const open = () => openRenderer(browserPath ?? '', assets);
  mark('launching');
  const first = browserPath && items.length > 0 ? open() : undefined;
  first?.catch(() => undefined); // awaited by the first lane; a launch failure must not go unhandled meanwhile
  if (options.check && !offload) {
    // The checks' code and word list load while Chromium starts, not after the capture (~14 ms cold).
    import('../offload/finish.js').catch(() => undefined);
    (await import('../check/content-lint.js')).preloadSpelling();
  }
  const { loadSpecFile } = await import('../spec/load.js');
  const { renderDocument } = await import('../render/document.js');
  // Made when the bundle was built: every render hashed ~1.3 MB of it here.
  const bundleHash = pageBundleDigest(assets);
  // The browser's identity is part of every output's stamp. It is asked of the executable
  // (`--version`) only when an existing output's stamp is to be compared, so that a run whose
  // outputs are all unchanged never waits for the browser; an output rendered anew takes the
  // identity the browser that drew it reports (the same: browser-identity.ts). Asking costs a
  // second Chromium process (~90 ms of CPU, 2,700 page faults) while the real one starts on the
  // same cores: a cold render of the flagship 58 ms slower (decision 019).
  let asked: Promise<string> | undefined;
  const askedVersion = (): Promise<string> => {
    asked ??= browserPath
      ? identityOfExecutable(browserPath).then(async (version) => version ?? (await (first ?? open())).browserVersion)
      : Promise.resolve('none');
    asked.catch(() => undefined); // a launch failure is reported by the first lane
    return asked;
  };

  const warned = new Set<string>();
  const warn = (warnings: readonly string[]) => {
    const fresh = warnings.filter((w) => !warned.has(w));
    fresh.forEach((w) => warned.add(w));
    for (const line of summariseWarnings(fresh)) progress.note(`warning: ${line}`);
  };
  const extension = options.format === 'jpeg' ? 'jpg' : options.format;
  const imageFormat = options.format === 'html' ? undefined : options.format;

  /** Everything one item needs before a browser: the spec, its output path, and its stamp given the browser's identity. */
  const prepareItem = async (item: Item) => {
    const loaded = await loadSpecFile(item.file);
    const spec: Spec = options.size ? { ...loaded, size: options.size } : loaded;
    const target = outputPath(options.out, item.name, extension);
    const theme = await themes(options.theme ?? spec.theme);
    warn(theme.warnings);
    const document = await renderDocument(spec, theme);
    const stampFor = (browserVersion: string) =>
      inputHash({
        document,
        bundle: bundleHash,
        version: packageVersion(),
        browserVersion,
        options: { format: options.format, scale: options.scale },
      });
    return { spec, target, document, warnings: theme.warnings, stampFor };
  };

  const shown = (target: string) => {
    const path = relative(process.cwd(), target);
    return path.startsWith('..') ? target : path;
  };

  const prepared = new Map<number, ReturnType<typeof prepareItem>>();
  const prepareAt = (index: number) => {
    let p = prepared.get(index);
    if (!p) {
      p = prepareItem(items[index]!);
      p.catch(() => undefined); // reported when the item's turn comes
      prepared.set(index, p);
    }
    return p;
  };
  /** An output there already, whose stamp says its spec, theme, cyanotype and browser are as now. */
  const unchanged = async (target: string, stampFor: (browserVersion: string) => string) => {
    if (options.force || options.format !== 'png') return false;
    const recorded = await readPngStamp(target);
    return recorded !== undefined && recorded === stampFor(await askedVersion());
  };
  const request = { theme: options.theme, format: imageFormat, scale: options.scale };

  /** One item up to its capture on its lane; what it returns checks and writes it while the lane draws the next. */
  const work = async ({ index, lane, planned, captured }: LaneTurn): Promise<() => Promise<ItemOutcome>> => {
    const item = items[index]!;
    progress.start(item.file);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const failed = (thrown: unknown): ItemOutcome => {
      const error = itemFailure(thrown);
      failures.push(error);
      return {
        spec: item.file,
        status: 'failed',
        ms: elapsed(),
        retried: false,
        findings: 0,
        error: error.message,
        detail: error.detail,
      };
    };
    let finish: () => Promise<ItemOutcome>;
    try {
      const { target, document, warnings, stampFor } = await prepareAt(index);
      if (await unchanged(target, stampFor)) {
        const outcome: ItemOutcome = {
          spec: item.file,
          output: shown(target),
          status: 'skipped',
          ms: elapsed(),
          retried: false,
          findings: 0,
        };
        finish = async () => outcome;
      } else if (!lane) {
        const { standaloneHtml } = await import('../render/standalone-html.js');
        const html = standaloneHtml(document, assets);
        finish = () => store(item, target, html, [], false, elapsed);
      } else {
        // Without a worker, the checks that read no pixels run while Chromium takes the screenshot.
        let early: Promise<PixelFreeFindings> | undefined;
        let drawnBy = '';
        const run = await lane.run(item.file, async (renderer) => {
          drawnBy = renderer.browserVersion;
          // Laid out ahead, or now; the next items are laid out ahead while this one draws.
          const plan = (await planned(renderer)) ?? (await renderer.planDocument(document, warnings, item.file, request));
          // What the page drew is read with the draw, before the next item replaces it; the checks run later.
          const onDrawn =
            offload || !options.check || options.format !== 'png'
              ? undefined
              : (inspection: Inspection | undefined) => {
                  const input = inspection && { spec: plan.doc.spec, layout: plan.layout, inspection };
                  early = input && import('../check/check.js').then((checks) => checks.pixelFreeChecks(input));
                  early?.catch(() => undefined); // awaited by the finish; a capture that fails leaves it unread
                };
          return await renderer.capture(plan, { inspect: options.check && options.format !== 'pdf', onDrawn });
        });
        captured();
        const result = run.value;
        const { inspection } = result;
        // Stamped while the next item draws, with the identity compared with when one was asked
        // for this run (one identity in all its stamps), else the one the drawing browser reported.
        const stamp = async () => stampFor(asked ? await asked : drawnBy);
        finish = async () => {
          if (offload && result.format === 'png') {
            // A batch's worker compacts the capture and checks it, from one inflate.
            const check = inspection && { spec: result.spec, layout: result.layout, inspection, scale: options.scale };
            const finished = await traced('finish', () => offload.finish({ png: result.bytes, check }));
            return store(item, target, stampPng(finished.png, await stamp()), finished.findings, run.retried, elapsed);
          }
          if (result.format === 'png' && inspection) {
            // One inflate: the pixels are checked here while libuv's threads compact the capture.
            const check = { spec: result.spec, layout: result.layout, inspection, scale: options.scale };
            const { finishCapture } = await import('../offload/finish.js');
            const finished = await traced('finish', () => finishCapture({ png: result.bytes, check }, 'beside', early));
            return store(item, target, stampPng(finished.png, await stamp()), finished.findings, run.retried, elapsed);
          }
          if (result.format === 'png') {
            const compact = await traced('compact', () => compactPng(result.bytes));
            return store(item, target, stampPng(compact, await stamp()), [], run.retried, elapsed);
          }
          const findings = inspection ? await traced('checks', () => checkWithoutPixels(result, inspection)) : [];
          return store(item, target, result.bytes, findings, run.retried, elapsed);
        };
      }
    } catch (error) {
      const outcome = failed(error);
      finish = async () => outcome;
    }
    return () => finish().catch(failed);
  };

  /** Reports an item's findings and writes its output atomically. */
  const store = async (
    item: Item,
    target: string,
    bytes: Uint8Array | string,
    findings: readonly Finding[],
    retried: boolean,
    elapsed: () => number,
  ): Promise<ItemOutcome> => {
    for (const f of findings) progress.note(`${options.strict ? '' : 'warning: '}${item.file}: ${formatFinding(f)}`);
    if (options.strict && findings.length > 0) {
      throw new RenderError(item.file, `${findings.length} quality ${findings.length === 1 ? 'finding' : 'findings'} (--strict)`);
    }
    await traced('write', () => writeFileAtomic(target, bytes)).catch((error: NodeJS.ErrnoException) => {
      throw new RenderError(item.file, `cannot write ${shown(target)} (${error.code ?? error.message})`, String(error));
    });
    return { spec: item.file, output: shown(target), status: 'written', ms: elapsed(), retried, findings: findings.length };
  };

  /** Lays out item `index` ahead (the tab is left as it is), unless it fails to load or is unchanged. */
  const planAhead = async (renderer: Renderer, index: number): Promise<Plan | undefined> => {
    const { document, warnings, target, stampFor } = await prepareAt(index);
    if (await unchanged(target, stampFor)) return undefined;
    return renderer.planDocument(document, warnings, items[index]!.file, request, 'ahead');
  };

  progress.begin(items.length);
  let browsers = 0;
  try {
    const batch = {
      count: items.length,
      open: browserPath ? open : undefined,
      first,
      jobs: options.jobs,
      scaling: options.scaling,
      timeout: options.timeout,
      planAhead,
    };
    ({ browsers } = await runLanes(batch, work, (outcome) => progress.finish(outcome)));
  } finally {
    await offload?.close();
  }
  progress.end({ browsers });
  return { outcomes: progress.outcomes, failures, browsers };
}

/** The quality checks of a render whose capture is not a PNG (no contrast: its colours are approximate), on this thread. */
async function checkWithoutPixels(result: RenderResult, inspection: Inspection): Promise<Finding[]> {
  const { checkWithoutPixels } = await import('../check/check.js');
  return checkWithoutPixels({ spec: result.spec, layout: result.layout, inspection });
}

/** Starts Chromium as soon as Puppeteer is loaded; resolves once the page shell is ready. */
async function openRenderer(browser: string, assets: ReadonlyMap<string, Buffer>): Promise<Renderer> {
  const { BrowserSession } = await import('../render/session.js');
  const session = BrowserSession.open({ browser, assets });
  session.catch(() => undefined);
  const { Renderer } = await import('../renderer.js');
  return Renderer.open({ session });
}
