/**
 * A regression run: render every item, compare it with its baseline, decide what to write,
 * and leave the artifacts (expected/actual/diff PNGs, report, JUnit, JSON) in the results
 * folder for people and for `cyanotype approve`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkRender } from '../check/check.js';
import { formatFinding } from '../check/findings.js';
import type { CompareOptions } from '../compare/compare.js';
import { CyanotypeError, itemFailure, RenderError, UsageError } from '../errors.js';
import { offloadFor } from '../offload/for-batch.js';
import { collectSpecFiles, outputName, writeFileAtomic } from '../render/files.js';
import { compactPng } from '../render/png-compact.js';
import type { RenderLane } from '../render/lane.js';
import { runLanes, type LaneTurn } from '../render/lanes.js';
import type { ScalingRule } from '../render/lane-scaler.js';
import type { Renderer } from '../renderer.js';
import { loadSpecFile } from '../spec/load.js';
import { loadTheme, summariseWarnings } from '../theme/themes.js';
import { checkAgainstBaseline, writeFailureFiles } from './against-baseline.js';
import { currentFingerprint, environmentNote, type Fingerprint } from './fingerprint.js';
import { itemsOf, MANAGED_NAME, shardOf, type TestItem } from './items.js';
import { htmlReport } from './report-html.js';
import { junitXml } from './junit.js';
import type { ItemResult, RunSummary } from './results.js';
import { BaselineStore } from './store.js';
import { DEFAULT_ITEM_TIMEOUT } from '../render/item-timeout.js';

export const UPDATE_MODES = ['none', 'missing', 'changed', 'all'] as const;
export type UpdateMode = (typeof UPDATE_MODES)[number];

export interface TestOptions extends CompareOptions {
  readonly snapshots: string;
  readonly results: string;
  readonly update: UpdateMode;
  /** In CI a missing baseline fails instead of being written. */
  readonly ci: boolean;
  readonly theme?: string | undefined;
  readonly grep?: string | undefined;
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
  readonly listObsolete?: boolean | undefined;
  readonly prune?: boolean | undefined;
  readonly browser?: string | undefined;
  /** Run the quality checks on each render (default on); strict makes a finding fail the item. */
  readonly check?: boolean | undefined;
  readonly strict?: boolean | undefined;
  /** Milliseconds one item may take before its browser is declared hung, replaced and the item retried once. */
  readonly timeout?: number | undefined;
  /** Browsers judging side by side, or `auto` (the default): one, and more while the cores are measured idle. */
  readonly jobs?: number | 'auto' | undefined;
  /** When `jobs` is `auto`: the rule for opening another browser (default AUTO_SCALING). */
  readonly scaling?: ScalingRule | undefined;
}

export interface TestReporter {
  /** How many items the run will judge (once the specs are read and filtered). */
  begin?(total: number): void;
  /** An item's render starts. */
  start?(name: string): void;
  item(result: ItemResult): void;
  line(text: string): void;
}

export interface TestRun extends RunSummary {
  readonly obsolete: readonly string[];
  readonly pruned: readonly string[];
  /** Browsers the run rendered with (more than `jobs: 'auto'` began with when the cores were idle). */
  readonly browsers: number;
}

export const RESULTS_FILE = 'results.json';

export async function runTests(
  inputs: readonly string[],
  options: TestOptions,
  reporter: TestReporter,
  openRenderer: () => Promise<Renderer>,
): Promise<TestRun> {
  const startedAt = new Date().toISOString();
  const files = await collectSpecFiles(inputs, [options.snapshots, options.results]);
  const partial = Boolean(options.theme || options.grep || options.shard) || !(await allDirectories(inputs));
  if (options.prune && partial) {
    throw new UsageError(
      `--prune needs a full run: this one is ${describePartial(options, inputs)}, so baselines of the items it skipped would look obsolete; run without filters over the spec folders`,
    );
  }

  const store = await BaselineStore.open(options.snapshots);
  await rm(options.results, { recursive: true, force: true });
  await mkdir(options.results, { recursive: true });

  const themeOverride = options.theme ? { name: (await loadTheme(options.theme)).name, ref: options.theme } : undefined;
  const results: ItemResult[] = [];
  const items: TestItem[] = [];
  for (const file of files) {
    try {
      const spec = await loadSpecFile(file);
      items.push(...itemsOf(spec, file, outputName(file), themeOverride));
    } catch (error) {
      const result = errorResult(outputName(file), file, itemFailure(error));
      results.push(result);
      reporter.item(result);
    }
  }
  let selected = options.grep ? items.filter((i) => i.name.includes(options.grep ?? '')) : items;
  if (options.shard) selected = shardOf(selected, options.shard.index, options.shard.count);

  const offload = await offloadFor(selected.length, { spelling: options.check !== false });
  reporter.begin?.(results.length + selected.length);
  let runFingerprint: Fingerprint | undefined;
  const warned = new Set<string>();
  const settle = (error: unknown, item: TestItem, started: number): ItemResult => {
    return errorResult(item.name, item.specFile, itemFailure(error), item, performance.now() - started);
  };
  /** One item up to its capture on its lane; what it returns compares and checks it while the lane draws the next. */
  const work = async ({ index, lane, planned, captured }: LaneTurn<RenderLane>): Promise<() => Promise<ItemResult>> => {
    const item = selected[index]!;
    const started = performance.now();
    reporter.start?.(item.name);
    let finish: () => Promise<ItemResult>;
    try {
      const { value } = await lane.run(item.name, async (renderer) => {
        const plan = (await planned(renderer)) ?? (await renderer.plan(item.spec, item.specFile));
        // Kept as Chromium encoded it for speed: a baseline is re-encoded when stored, and a
        // capture that matches is never written.
        const rendered = await renderer.capture(plan, { inspect: options.check !== false });
        return { rendered, fingerprint: currentFingerprint(renderer.browserVersion) };
      });
      captured();
      const { rendered, fingerprint } = value;
      const { inspection } = rendered;
      runFingerprint ??= fingerprint;
      const fresh = rendered.warnings.filter((w) => !warned.has(w));
      fresh.forEach((w) => warned.add(w));
      for (const line of summariseWarnings(fresh)) reporter.line(`warning: ${line}`);
      finish = async () => {
        let result = await judge(item, rendered.bytes, store, fingerprint, options, started);
        if (inspection) {
          const input = { spec: rendered.spec, layout: rendered.layout, inspection, png: rendered.bytes, scale: 1 };
          const findings = await (offload ? offload.check(input) : checkRender(input));
          if (findings.length > 0) {
            for (const f of findings) reporter.line(`${options.strict ? 'error' : 'warning'}: ${item.name}: ${formatFinding(f)}`);
            if (options.strict && result.status !== 'failed' && result.status !== 'missing') {
              result = {
                ...result,
                status: 'failed',
                message: `${findings.length} quality ${findings.length === 1 ? 'finding' : 'findings'} (--strict)`,
              };
            }
          }
        }
        return result;
      };
    } catch (error) {
      const result = settle(error, item, started);
      finish = async () => result;
    }
    return () => finish().catch((error: unknown) => settle(error, item, started));
  };
  /** Each selected item's result, in the items' order whatever lane judged it (the reports list them so). */
  const judged: ItemResult[] = [];
  let browsers = 0;
  try {
    // One warm browser per lane, another opened while the cores are idle; a crash or hang
    // replaces a lane's browser and retries the item once.
    const batch = {
      count: selected.length,
      open: openRenderer,
      jobs: options.jobs ?? 'auto',
      scaling: options.scaling,
      timeout: options.timeout ?? DEFAULT_ITEM_TIMEOUT,
      planAhead: (renderer: Renderer, index: number) => renderer.plan(selected[index]!.spec, selected[index]!.specFile, {}, 'ahead'),
    };
    ({ browsers } = await runLanes(batch, work, (result, index) => {
      judged[index] = result;
      reporter.item(result);
    }));
  } finally {
    await offload?.close();
    await store.save();
  }
  results.push(...judged);

  const produced = new Set(items.map((i) => i.name));
  const obsolete = partial ? [] : (await store.names()).filter((name) => MANAGED_NAME.test(name) && !produced.has(name));
  const pruned: string[] = [];
  if (options.prune) {
    for (const name of obsolete) {
      await store.remove(name);
      pruned.push(name);
    }
    await store.save();
  }

  const run: TestRun = { startedAt, fingerprint: runFingerprint, partial, items: results, obsolete, pruned, browsers };
  await writeArtifacts(run, options.results);
  return run;
}

async function allDirectories(inputs: readonly string[]): Promise<boolean> {
  const { stat } = await import('node:fs/promises');
  for (const input of inputs) if (!(await stat(input)).isDirectory()) return false;
  return true;
}

function describePartial(options: TestOptions, inputs: readonly string[]): string {
  if (options.shard) return `sharded (${options.shard.index}/${options.shard.count})`;
  if (options.theme) return `filtered to theme "${options.theme}"`;
  if (options.grep) return `filtered to names containing "${options.grep}"`;
  return `limited to the files ${inputs.join(', ')}`;
}

/** Compares one render with its baseline and applies the update mode. */
async function judge(
  item: TestItem,
  capture: Uint8Array,
  store: BaselineStore,
  fingerprint: Fingerprint,
  options: TestOptions,
  started: number,
): Promise<ItemResult> {
  const base = { name: item.name, specFile: item.specFile, theme: item.theme, size: `${item.size.width}x${item.size.height}` };
  const elapsed = () => Math.round(performance.now() - started);
  const entry = store.entry(item.name);
  const check = await checkAgainstBaseline(store, item.name, capture, { ...options, fastPath: options.update !== 'all' });
  if (check.kind === 'identical') {
    return { ...base, status: 'passed', message: 'identical to the baseline', durationMs: elapsed(), artifacts: {} };
  }

  if (check.kind === 'missing') {
    const mayWrite = options.update !== 'none' || !options.ci;
    if (mayWrite) {
      await store.write(item.name, capture, fingerprint);
      return {
        ...base,
        status: 'written',
        message: `new baseline written to ${store.path(item.name)}`,
        durationMs: elapsed(),
        artifacts: {},
      };
    }
    const actual = `${item.name}-actual.png`;
    await writeFileAtomic(join(options.results, actual), await compactPng(capture));
    return {
      ...base,
      status: 'missing',
      message: `no baseline at ${store.path(item.name)} (CI is set, so none was written; review ${actual} and run \`cyanotype approve ${item.name}\` or \`--update missing\` locally)`,
      durationMs: elapsed(),
      artifacts: { actual },
    };
  }

  const { baseline, result } = check;
  if (result.pass) {
    if (options.update === 'all') {
      await store.write(item.name, capture, fingerprint);
      return { ...base, status: 'updated', message: `baseline rewritten (${result.message})`, durationMs: elapsed(), artifacts: {} };
    }
    if (!options.ci) store.rememberCapture(item.name, capture, baseline);
    return { ...base, status: 'passed', message: result.message, durationMs: elapsed(), artifacts: {} };
  }

  const environment = environmentNote(entry?.fingerprint, fingerprint);
  if (options.update === 'changed' || options.update === 'all') {
    await store.write(item.name, capture, fingerprint);
    return {
      ...base,
      status: 'updated',
      message: `baseline rewritten: ${result.message}`,
      durationMs: elapsed(),
      environment,
      artifacts: {},
    };
  }
  const artifacts = await writeFailureFiles(options.results, item.name, baseline, capture, result.diffImage);
  return {
    ...base,
    status: 'failed',
    message: result.message,
    durationMs: elapsed(),
    diffPixels: result.diffPixels,
    diffRatio: result.diffRatio,
    regions: result.regions,
    environment,
    artifacts,
  };
}

function errorResult(name: string, specFile: string, error: CyanotypeError, item?: TestItem, ms = 0): ItemResult {
  return {
    name,
    specFile,
    theme: item?.theme ?? '',
    size: item ? `${item.size.width}x${item.size.height}` : '',
    status: 'error',
    // The item's line already names it ("✗ name: message").
    message: error instanceof RenderError ? error.problem : error.message,
    exitCode: error.exitCode,
    durationMs: Math.round(ms),
    artifacts: {},
  };
}

async function writeArtifacts(run: TestRun, directory: string): Promise<void> {
  await writeFile(join(directory, RESULTS_FILE), `${JSON.stringify(run, null, 2)}\n`);
  await writeFile(join(directory, 'junit.xml'), junitXml(run));
  await writeFile(join(directory, 'report.html'), htmlReport(run));
}
