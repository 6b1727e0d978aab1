#!/usr/bin/env node
/**
 * The command line: declarations only, plus the one place where an error becomes an exit code
 * (0 ok, 1 a render failed, 2 bad usage or an invalid spec).
 */
import { Command, CommanderError, Option } from 'commander';
import { FORMATS, parseRenderOptions, renderCommand } from './commands/render.js';
import { CyanotypeError } from './errors.js';
import { packageVersion } from './package-root.js';

const program = new Command();
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
  .action(async (inputs: string[], raw: Record<string, string>) => {
    const options = parseRenderOptions(raw);
    const report = await renderCommand(inputs, options, {
      info: (line) => process.stdout.write(`${line}\n`),
      error: (line) => process.stderr.write(`${line}\n`),
    });
    if (report.failures.length > 0) {
      process.exitCode = Math.max(...report.failures.map((f) => f.exitCode));
    }
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
