/** `cyanotype test`: render every spec and compare it with its reviewed baseline. */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { UsageError } from '../errors.js';
import { parseShard } from '../regression/items.js';
import { parseItemTimeout } from '../render/item-timeout.js';
import { parseJobs } from '../render/lanes.js';
import { StatusBar, type ProgressMode, type ProgressSink } from '../render/progress.js';
import { countLine, failed, type ItemResult } from '../regression/results.js';
import type { TestOptions, TestReporter, TestRun, UpdateMode } from '../regression/run.js';

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
  jobs?: string;
  timeout?: string;
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
    jobs: parseJobs(raw.jobs),
    timeout: parseItemTimeout(raw.timeout),
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

/**
 * What `cyanotype test` shows while it runs: one line per item in a log ('lines': not a
 * terminal, or CI set); on a terminal a progress bar with only the items that did not pass
 * printed above it ('bar'); with --json nothing until the end, then the run as JSON on stdout
 * (warnings go to stderr).
 */
function testReporter(mode: ProgressMode, sink: ProgressSink, results: string, bar: StatusBar): TestReporter {
  const out = (line: string) => sink.out(line);
  const err = (line: string) => sink.err(line);
  return {
    begin: (count) => bar.begin(count),
    start: (name) => bar.start(name),
    item: (result) => {
      bar.advance();
      if (mode === 'lines' || (mode === 'bar' && result.status !== 'passed')) bar.above(describeItem(result, results), out);
    },
    line: (text) => bar.above(text, mode === 'json' ? err : out),
  };
}

export async function testCommand(
  inputs: readonly string[],
  options: TestOptions,
  sink: ProgressSink,
  mode: ProgressMode = 'lines',
): Promise<TestRun> {
  const specs = inputs.length > 0 ? inputs : existsSync('examples') ? ['examples'] : [];
  if (specs.length === 0) throw new UsageError('name the spec files or folders to test (no examples/ folder here)');
  const { runTests } = await import('../regression/run.js');
  const bar = new StatusBar(sink, mode === 'bar');
  let run: TestRun;
  try {
    const { themeCache } = await import('../theme/themes.js');
    const themes = themeCache();
    run = await runTests(specs, options, testReporter(mode, sink, options.results, bar), async () => {
      const { Renderer } = await import('../renderer.js');
      return Renderer.open({ browser: options.browser, themes });
    });
  } finally {
    bar.clear();
  }
  const report = run.items.some(failed) ? relative(process.cwd(), `${options.results}/report.html`) : undefined;
  if (mode === 'json') {
    const count = (status: ItemResult['status']) => run.items.filter((i) => i.status === status).length;
    sink.out(
      JSON.stringify(
        {
          ...run,
          passed: count('passed'),
          written: count('written'),
          updated: count('updated'),
          failed: run.items.filter(failed).length,
          seconds: Number(bar.seconds.toFixed(1)),
          report,
        },
        null,
        2,
      ),
    );
    return run;
  }
  const out = sink.out;
  out(`${countLine(run.items)}${run.browsers > 1 ? ` with ${run.browsers} browsers` : ''}`);
  if (report) out(`report: ${report}`);
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
  return run.items.some(failed) ? 1 : 0;
}
