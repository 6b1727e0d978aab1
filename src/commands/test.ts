/** `cyanotype test`: render every spec and compare it with its reviewed baseline. */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { UsageError } from '../errors.js';
import { parseShard } from '../regression/items.js';
import type { ItemResult } from '../regression/results.js';
import type { TestOptions, TestRun, UpdateMode } from '../regression/run.js';

export const DEFAULT_RESULTS = '.cyanotype/test-results';

export interface RawTestOptions {
  snapshots?: string;
  results?: string;
  update?: string | boolean;
  theme?: string;
  grep?: string;
  shard?: string;
  threshold?: string;
  maxDiffPixels?: string;
  maxDiffRatio?: string;
  listObsolete?: boolean;
  prune?: boolean;
  browser?: string;
  check?: boolean;
  strict?: boolean;
}

const number = (flag: string, value: string | undefined, max: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > max) throw new UsageError(`${flag}: "${value}" is not a number from 0 to ${max}`);
  return n;
};

export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function parseTestOptions(raw: RawTestOptions): TestOptions {
  const update = raw.update === true ? 'changed' : raw.update === undefined || raw.update === false ? 'none' : raw.update;
  if (!['none', 'missing', 'changed', 'all'].includes(update))
    throw new UsageError(`--update: "${update}" is not one of missing, changed, all`);
  const shard: TestOptions['shard'] = raw.shard === undefined ? undefined : parseShard(raw.shard);
  return {
    snapshots: raw.snapshots ?? 'snapshots',
    results: raw.results ?? DEFAULT_RESULTS,
    update: update as UpdateMode,
    ci: isCi(),
    theme: raw.theme,
    grep: raw.grep,
    shard,
    threshold: number('--threshold', raw.threshold, 1),
    maxDiffPixels: number('--max-diff-pixels', raw.maxDiffPixels, Number.MAX_SAFE_INTEGER),
    maxDiffRatio: number('--max-diff-ratio', raw.maxDiffRatio, 1),
    listObsolete: raw.listObsolete,
    prune: raw.prune,
    browser: raw.browser,
    check: raw.check !== false,
    strict: Boolean(raw.strict),
  };
}

const MARK: Record<ItemResult['status'], string> = { passed: '✓', written: '+', updated: '↻', failed: '✗', missing: '✗', error: '✗' };

export function describeItem(result: ItemResult, resultsDirectory: string): string {
  const head = `${MARK[result.status]} ${result.name}`;
  const time = `(${result.durationMs} ms)`;
  if (result.status === 'passed') return `${head} ${time}`;
  const lines = [`${head}: ${result.message}${result.environment ? `; ${result.environment}` : ''} ${time}`];
  const { expected, actual, diff } = result.artifacts;
  const shown = (file: string) => relative(process.cwd(), `${resultsDirectory}/${file}`);
  if (diff) lines.push(`    diff: ${shown(diff)}`);
  if (actual && result.status === 'failed' && expected) lines.push(`    actual: ${shown(actual)}  expected: ${shown(expected)}`);
  return lines.join('\n');
}

export async function testCommand(inputs: readonly string[], options: TestOptions, out: (line: string) => void): Promise<TestRun> {
  const specs = inputs.length > 0 ? inputs : existsSync('examples') ? ['examples'] : [];
  if (specs.length === 0) throw new UsageError('name the spec files or folders to test (no examples/ folder here)');
  const { runTests } = await import('../regression/run.js');
  const run = await runTests(
    specs,
    options,
    { item: (result) => out(describeItem(result, options.results)), line: out },
    async (offload) => {
      const { Renderer } = await import('../renderer.js');
      return Renderer.open({ browser: options.browser, offload });
    },
  );
  if (run.items.some((i) => i.status === 'failed' || i.status === 'missing' || i.status === 'error')) {
    out(`report: ${relative(process.cwd(), `${options.results}/report.html`)}`);
  }
  if (run.pruned.length > 0) out(`pruned ${run.pruned.length} obsolete baselines: ${run.pruned.join(', ')}`);
  else if (options.listObsolete)
    out(run.obsolete.length ? `obsolete baselines:\n${run.obsolete.map((n) => `  ${n}`).join('\n')}` : 'no obsolete baselines');
  else if (run.obsolete.length > 0)
    out(`${run.obsolete.length} obsolete baselines (list them with --list-obsolete, delete them with --prune)`);
  return run;
}

/** 0 all match, 1 any differ or missing in CI or a render failed, 2 an invalid spec. */
export function testExitCode(run: TestRun): 0 | 1 | 2 {
  if (run.items.some((i) => i.status === 'error' && i.exitCode === 2)) return 2;
  return run.items.some((i) => i.status === 'failed' || i.status === 'missing' || i.status === 'error') ? 1 : 0;
}
