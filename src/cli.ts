#!/usr/bin/env node
/**
 * The command line: declarations only, plus the one place where an error becomes an exit code
 * (0 ok, 1 a render failed, 2 bad usage or an invalid spec).
 */
import { Command, CommanderError, Option } from 'commander';
import { FORMATS, parseRenderOptions, renderCommand } from './commands/render.js';
import { DEFAULT_RESULTS, isCi, parseTestOptions, testCommand, testExitCode, type RawTestOptions } from './commands/test.js';
import type { RawCheckOptions } from './commands/check.js';
import type { ProgressSink } from './render/progress.js';
import { CyanotypeError, UsageError } from './errors.js';
import { packageVersion } from './package-root.js';
import { mark } from './trace.js';

mark('cli loaded');

const program = new Command();

/** Options render, test and check share (their batches run on the same lanes: src/render/lanes.ts). */
const JOBS_HELP = 'browsers rendering side by side: a number, or auto (one, and another while the cores are idle)';
const TIMEOUT_HELP = 'time one item may take before its browser is restarted and the item retried';

/** Lines to stdout, warnings and errors to stderr, the progress bar rewriting stderr's last line. */
const terminal: ProgressSink = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  status: (line) => process.stderr.write(`\r\x1b[2K${line.slice(0, Math.max(20, (process.stderr.columns || 100) - 1))}`),
};
program
  .name('cyanotype')
  .description('Render technical architecture infographics from a declarative spec.')
  .version(packageVersion())
  .option('--verbose', 'add internal detail to error messages, for bug reports')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('render')
  .description('render spec files (or folders of them) to images')
  .argument('<spec-or-dir...>', 'spec files (.yaml, .yml, .json) or folders of them')
  .option('-o, --out <dir>', 'output folder', 'out')
  .option('--theme <name-or-path>', "theme name or theme folder (default: the spec's own)")
  .option('--size <WxH>', "artboard size, e.g. 1024x1024 (default: the spec's own)")
  .option('--scale <n>', 'device scale factor (2 doubles the pixel size)', '1')
  .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('png'))
  .option('--browser <path>', 'Chrome or Chromium executable (default: CYANOTYPE_BROWSER, system chromium, Puppeteer cache)')
  .option('--no-check', 'skip the quality checks after each render')
  .option('--strict', 'treat quality findings as failures (exit 1, no output file)')
  .option('--force', 'render outputs whose recorded inputs have not changed, too')
  .option('--shard <i/n>', 'render the i-th of n deterministic shares of the specs')
  .option('--jobs <n|auto>', JOBS_HELP, 'auto')
  .option('--timeout <ms>', TIMEOUT_HELP, '30000')
  .option('--json', "print each item's outcome and timings as JSON")
  .action(async (inputs: string[], raw: Record<string, string | boolean>) => {
    const options = parseRenderOptions(raw);
    const { Progress, progressMode } = await import('./render/progress.js');
    const mode = progressMode({ json: raw['json'] === true, isTTY: process.stderr.isTTY, ci: isCi() });
    const progress = new Progress(mode, terminal, Boolean(program.opts<{ verbose?: boolean }>().verbose));
    const report = await renderCommand(inputs, options, progress);
    if (report.failures.length > 0) {
      process.exitCode = Math.max(...report.failures.map((f) => f.exitCode));
    }
  });

program
  .command('test')
  .description('render specs and compare each with its baseline in snapshots/')
  .argument('[spec-or-dir...]', 'spec files or folders (default: examples/)')
  .option('--snapshots <dir>', 'baselines folder', 'snapshots')
  .option('--results <dir>', 'where the report and expected/actual/diff images go', DEFAULT_RESULTS)
  .option('-u, --update [mode]', 'write baselines: missing, changed (default when the flag has no value) or all')
  .option('--theme <name-or-path>', 'test only this theme (a partial run)')
  .option('--grep <text>', 'test only items whose name contains the text (a partial run)')
  .option('--shard <i/n>', 'test the i-th of n deterministic shares of the items (a partial run)')
  .option('--threshold <0-1>', 'per-pixel colour tolerance (default 0)')
  .option('--max-diff-pixels <n>', 'differing pixels allowed per image (default 0)')
  .option('--max-diff-ratio <0-1>', 'share of differing pixels allowed per image (default 0)')
  .option('--list-obsolete', 'list baselines no spec produces any more')
  .option('--prune', 'delete obsolete baselines (refused on a partial run)')
  .option('--no-check', 'skip the quality checks after each render')
  .option('--strict', 'fail items with quality findings')
  .option('--browser <path>', 'Chrome or Chromium executable')
  .option('--jobs <n|auto>', JOBS_HELP, 'auto')
  .option('--timeout <ms>', TIMEOUT_HELP, '30000')
  .option('--json', "print the run (every item's outcome and timing) as JSON")
  .action(async (inputs: string[], raw: RawTestOptions & { json?: boolean }) => {
    const { progressMode } = await import('./render/progress.js');
    const mode = progressMode({ json: raw.json === true, isTTY: process.stderr.isTTY, ci: isCi() });
    const run = await testCommand(inputs, parseTestOptions(raw), terminal, mode);
    process.exitCode = testExitCode(run);
  });

program
  .command('approve')
  .description("make the last test run's actual images the baselines, without rendering again")
  .argument('[name...]', 'items to approve (a spec name approves all its themes and sizes; default: every failure)')
  .option('--snapshots <dir>', 'baselines folder', 'snapshots')
  .option('--results <dir>', 'results folder of the run to approve from', DEFAULT_RESULTS)
  .action(async (names: string[], raw: { snapshots: string; results: string }) => {
    const { approve } = await import('./regression/approve.js');
    const approved = await approve(names, raw.results, raw.snapshots);
    for (const a of approved) process.stdout.write(`approved ${a.name} → ${a.baseline}\n`);
    if (approved.length === 0) process.stdout.write('nothing to approve: the last run had no failures\n');
  });

program
  .command('check')
  .description('render specs and report overflowing, overlapping, illegible or misspelt content')
  .argument('<spec-or-dir...>', 'spec files or folders')
  .option('--json', 'print findings and every laid-out text with its box as JSON')
  .option('--strict', 'fail on warnings too')
  .option('--theme <name-or-path>', 'check only this theme')
  .option('--browser <path>', 'Chrome or Chromium executable')
  .option('--jobs <n|auto>', JOBS_HELP, 'auto')
  .option('--timeout <ms>', TIMEOUT_HELP, '30000')
  .action(async (inputs: string[], raw: RawCheckOptions) => {
    const { checkCommand, parseCheckOptions } = await import('./commands/check.js');
    process.exitCode = await checkCommand(inputs, parseCheckOptions(raw), (line) => process.stdout.write(`${line}\n`));
  });

program
  .command('dev')
  .description('serve a live page of specs for authoring specs and themes')
  .argument('[spec-or-dir...]', 'spec files or folders (default: examples/)')
  .option('--theme <name-or-path>', 'a theme name or folder to show first')
  .option('--port <n>', 'port on 127.0.0.1', '4321')
  .action(async (inputs: string[], raw: { theme?: string; port: string }) => {
    const port = Number(raw.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: "${raw.port}" is not a port number`);
    const { startDevServer } = await import('./dev/server.js');
    const server = await startDevServer({ inputs: inputs.length ? inputs : ['examples'], theme: raw.theme, port }, (line) =>
      process.stderr.write(`${line}\n`),
    );
    process.stdout.write(`cyanotype dev: ${server.url} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    process.stdout.write('cyanotype dev: stopped\n');
  });

program
  .command('themes')
  .description('list the built-in themes')
  .option('--json', 'print them as JSON')
  .action(async (raw: { json?: boolean }) => {
    const { formatThemes, listThemes } = await import('./commands/themes.js');
    const themes = await listThemes();
    process.stdout.write(`${raw.json ? JSON.stringify(themes, null, 2) : formatThemes(themes)}\n`);
  });

program
  .command('theme')
  .description('work with themes')
  .command('new')
  .description('scaffold a theme folder from an existing theme; it renders at once')
  .argument('<name>', 'the new theme name')
  .option('--from <name-or-path>', 'theme to start from', 'blueprint')
  .option('--dir <dir>', 'folder to create it in', '.')
  .action(async (name: string, raw: { from: string; dir: string }) => {
    const { scaffoldTheme } = await import('./commands/themes.js');
    const target = await scaffoldTheme(name, raw.from, raw.dir);
    process.stdout.write(`created ${target}\nrender with: cyanotype render <spec> --theme ${target}\n`);
  });

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message; help and version are not failures.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof CyanotypeError) {
      process.stderr.write(`${error.message}\n`);
      if (program.opts<{ verbose?: boolean }>().verbose && error.detail) process.stderr.write(`${error.detail}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`cyanotype: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (program.opts<{ verbose?: boolean }>().verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}

await main();
