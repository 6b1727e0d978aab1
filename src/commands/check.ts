/** `cyanotype check`: render each spec × theme × size and report what would make a broken picture. */
import { checkRender, laidOutElements } from '../check/check.js';
import { formatFinding, type Finding } from '../check/findings.js';
import { itemFailure, RenderError } from '../errors.js';
import { offloadFor } from '../offload/for-batch.js';
import { itemsOf, type TestItem } from '../regression/items.js';
import { collectSpecFiles, outputName } from '../render/files.js';
import { DEFAULT_ITEM_TIMEOUT, parseItemTimeout } from '../render/item-timeout.js';
import type { ScalingRule } from '../render/lane-scaler.js';
import type { RenderLane } from '../render/lane.js';
import { parseJobs, runLanes, type LaneTurn } from '../render/lanes.js';
import type { Renderer } from '../renderer.js';
import { loadSpecFile } from '../spec/load.js';
import { loadTheme } from '../theme/themes.js';

export interface CheckOptions {
  readonly json: boolean;
  readonly strict: boolean;
  readonly theme?: string | undefined;
  readonly browser?: string | undefined;
  /** Browsers side by side, or `auto` (the default): one, and more while the cores are measured idle. */
  readonly jobs?: number | 'auto' | undefined;
  /** When `jobs` is `auto`: the rule for opening another browser (default AUTO_SCALING). */
  readonly scaling?: ScalingRule | undefined;
  /** Milliseconds one picture may take before its browser is declared hung, replaced and the picture tried once more. */
  readonly timeout?: number | undefined;
}

export interface CheckedItem {
  readonly name: string;
  readonly spec: string;
  readonly findings: readonly Finding[];
  readonly elements?: ReturnType<typeof laidOutElements>;
  /** Why the spec could not be read (`invalid`) or the picture not drawn. */
  readonly error?: string;
  readonly invalid?: boolean;
  /** For a picture not drawn: 2 when its input is at fault (a theme that cannot be read), 1 when the render failed. */
  readonly exitCode?: 1 | 2;
}

/** The command line's check options, as given. */
export interface RawCheckOptions {
  json?: boolean;
  strict?: boolean;
  theme?: string;
  browser?: string;
  jobs?: string;
  timeout?: string;
}

export function parseCheckOptions(raw: RawCheckOptions): CheckOptions {
  return {
    json: Boolean(raw.json),
    strict: Boolean(raw.strict),
    theme: raw.theme,
    browser: raw.browser,
    jobs: parseJobs(raw.jobs),
    timeout: parseItemTimeout(raw.timeout),
  };
}

export async function checkCommand(inputs: readonly string[], options: CheckOptions, out: (line: string) => void): Promise<0 | 1 | 2> {
  const files = await collectSpecFiles(inputs);
  const theme = options.theme ? { name: (await loadTheme(options.theme)).name, ref: options.theme } : undefined;
  // Every spec is read first; an invalid one keeps its place in the report, the pictures of the
  // others are drawn and checked on the batch's browsers.
  const checked: (CheckedItem | undefined)[] = [];
  const pictures: { readonly item: TestItem; readonly at: number }[] = [];
  for (const file of files) {
    try {
      const spec = await loadSpecFile(file);
      for (const item of itemsOf(spec, file, outputName(file), theme)) pictures.push({ item, at: checked.push(undefined) - 1 });
    } catch (error) {
      checked.push({ name: outputName(file), spec: file, findings: [], error: itemFailure(error).message, invalid: true });
    }
  }

  // Items are shown in the specs' order, each as soon as those before it are.
  let shown = 0;
  const showReady = () => {
    for (let item = checked[shown]; item && shown < checked.length; item = checked[++shown]) {
      if (options.json) continue;
      if (item.error !== undefined) {
        out(item.invalid ? `✗ ${item.error}` : `✗ ${item.name}: ${item.error}`);
        continue;
      }
      const count = item.findings.length;
      out(`${count ? '✗' : '✓'} ${item.name}${count ? `: ${count} ${count === 1 ? 'finding' : 'findings'}` : ''}`);
      for (const f of item.findings) out(`    ${formatFinding(f)}`);
    }
  };
  showReady();

  const offload = await offloadFor(pictures.length, { spelling: true });
  /** One picture drawn on its lane (what was drawn read with the draw); what it returns checks it while the lane draws the next. */
  const work = async ({ index, lane, planned, captured }: LaneTurn<RenderLane>): Promise<() => Promise<CheckedItem>> => {
    const { item } = pictures[index]!;
    try {
      const { value } = await lane.run(item.name, async (renderer) => {
        const plan = (await planned(renderer)) ?? (await renderer.plan(item.spec, item.specFile));
        // The capture as Chromium encoded it: the PNG is only read, never kept. What was drawn
        // comes back with it (the page reads it in the same round trip as the draw).
        const result = await renderer.capture(plan, { inspect: true });
        if (!result.inspection) throw new RenderError(item.name, 'the page did not report what it drew');
        return { result, inspection: result.inspection };
      });
      captured();
      const { result, inspection } = value;
      return async () => {
        const input = { spec: item.spec, layout: result.layout, inspection, png: result.bytes, scale: 1 };
        const findings = await (offload ? offload.check(input) : checkRender(input));
        return { name: item.name, spec: item.specFile, findings, elements: laidOutElements(inspection) };
      };
    } catch (thrown) {
      // A browser that cannot start stops the run; a picture that cannot be drawn is one item.
      const error = itemFailure(thrown);
      // The item's line names it already ("✗ name: problem").
      const problem = error instanceof RenderError ? error.problem : error.message;
      const failed: CheckedItem = { name: item.name, spec: item.specFile, findings: [], error: problem, exitCode: error.exitCode };
      return async () => failed;
    }
  };
  let browsers = 0;
  try {
    if (pictures.length > 0) {
      const batch = {
        count: pictures.length,
        open: async () => (await import('../renderer.js')).Renderer.open({ browser: options.browser }),
        jobs: options.jobs ?? 'auto',
        scaling: options.scaling,
        timeout: options.timeout ?? DEFAULT_ITEM_TIMEOUT,
        planAhead: (renderer: Renderer, index: number) =>
          renderer.plan(pictures[index]!.item.spec, pictures[index]!.item.specFile, {}, 'ahead'),
      };
      ({ browsers } = await runLanes(batch, work, (item, index) => {
        checked[pictures[index]!.at] = item;
        showReady();
      }));
    }
  } finally {
    await offload?.close();
  }

  const items = checked.filter((item): item is CheckedItem => item !== undefined);
  const all = items.flatMap((i) => i.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  // An invalid spec is counted as such, not as a checked picture with no findings; so is a picture that could not be drawn.
  const invalid = items.filter((i) => i.invalid).length;
  const failed = items.filter((i) => i.error !== undefined && !i.invalid).length;
  if (options.json) out(JSON.stringify({ items, browsers }, null, 2));
  else
    out(
      `${items.length - invalid - failed} checked, ${invalid ? `${invalid} invalid, ` : ''}${failed ? `${failed} not drawn, ` : ''}${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
    );
  if (invalid > 0 || items.some((i) => i.exitCode === 2)) return 2;
  return failed > 0 || errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
}
