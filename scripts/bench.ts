/**
 * `npm run bench`: cyanotype measured side by side with references, in one run on this
 * machine. Every measurement is a fresh process, as a user's command is; cases are
 * interleaved so drift on the machine hits them alike; medians are reported, with the peak
 * memory of the whole process tree (Node and every Chromium process, proportional set size),
 * sampled in one extra run of each case.
 *
 *   single   (a) floor: bare Puppeteer launch + setContent + screenshot (a one-line page)
 *            (a') the same floor setting the flagship's finished picture (static HTML, same pixels)
 *            (a″) cyanotype's own page drawing and capturing the flagship from a finished layout
 *            (b) one cold `cyanotype render` of the flagship (with and without the checks)
 *            (d) mermaid-cli rendering one equivalent diagram
 *   batch    (a) floor of 50 pages in one browser, (a') of the 50 finished pictures, and (a″)
 *            (c) `cyanotype render` of 50 diagrams in one run (its own choice of browsers, 1 and 2)
 *            (d) mermaid-cli on the same 50 diagrams: one process each, and its markdown batch mode
 *
 * The issue's targets are set against (a). (a') says what the browser alone takes to paint
 * exactly the pixels cyanotype writes (scripts/bench/snapshot.mjs; checked pixel for pixel), with
 * Chromium's default PNG encoding. (a″) is what cyanotype would take if all of its Node work
 * (layout, checks, compaction) cost nothing: its page draws and captures plans made beforehand
 * (scripts/bench/draw-only.ts, bundled like the CLI).
 *
 * BENCH_RUNS (default 5) sets the rounds for single; batch uses half as many.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { comparePng } from '../src/compare/compare.js';
import { SPEED_FLAGS } from '../src/render/flags.js';
import { machineFlags } from '../src/render/launch-args.js';
import { identityOfExecutable } from '../src/render/browser-identity.js';
import { findBrowser } from '../src/render/find-browser.js';
import { treeMemory } from '../src/render/memory.js';
import { outputName } from '../src/render/files.js';
import { Renderer } from '../src/renderer.js';
import { loadSpecFile } from '../src/spec/load.js';
import { batchSpec, generatedSpecYaml } from '../test/support/generate.js';
import { NODE_BUNDLE } from './node-bundle.js';

const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const only = process.argv[2];
const scratch = mkdtempSync(join(tmpdir(), 'cyanotype-bench-'));
const node = process.execPath;
const mmdc = join('node_modules', '.bin', 'mmdc');

interface Sample {
  readonly seconds: number;
  readonly peakMiB: number;
}

/**
 * Wall time of a command, or (with `memory`) the peak memory of its whole process tree sampled
 * every 50 ms. Sampling reads /proc for every process and slows what it watches by up to a
 * quarter on two cores, so times come from runs without it.
 */
function measure(command: string[], memory = false): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let peak = 0;
    const timer = memory ? setInterval(() => (peak = Math.max(peak, treeMemory(child.pid!)?.tree ?? 0)), 50) : undefined;
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command.join(' ')} failed (${code}):\n${stderr}`));
      else resolve({ seconds, peakMiB: peak / 1024 });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

type Case = [name: string, command: string[]];

async function table(title: string, cases: Case[], rounds: number): Promise<Map<string, number>> {
  const samples = new Map<string, Sample[]>(cases.map(([name]) => [name, []]));
  const peaks = new Map<string, number>();
  for (let round = 0; round <= rounds + 1; round++) {
    for (const [name, command] of cases) {
      // Round 0 warms the disk cache; the last round only samples memory.
      const sample = await measure(command, round === rounds + 1);
      if (round === rounds + 1) peaks.set(name, sample.peakMiB);
      else if (round > 0) samples.get(name)!.push(sample);
    }
  }
  const reference = median(samples.get(cases[0]![0])!.map((s) => s.seconds));
  console.log(`\n${title} (${rounds} runs each, medians)\n`);
  console.log('| case | median s | × first row | peak MiB (process tree) |');
  console.log('| --- | ---: | ---: | ---: |');
  const medians = new Map<string, number>();
  for (const [name] of cases) {
    const list = samples.get(name)!;
    const seconds = median(list.map((s) => s.seconds));
    medians.set(name, seconds);
    console.log(`| ${name} | ${seconds.toFixed(2)} | ${(seconds / reference).toFixed(2)} | ${(peaks.get(name) ?? 0).toFixed(0)} |`);
  }
  return medians;
}

/** mermaid-cli pointed at the same Chromium with the same machine and speed flags. */
function mermaidConfig(): string {
  const path = join(scratch, 'puppeteer.json');
  // The same Chromium with the same speed flags cyanotype uses, so no gap comes from a flag.
  writeFileSync(
    path,
    JSON.stringify({
      executablePath: browser,
      args: ['--disable-gpu', ...SPEED_FLAGS, ...machineFlags(browser)],
    }),
  );
  return path;
}

/** The same generated diagram as a mermaid flowchart: boxes with label and role, labelled arrows. */
function mermaidOf(spec: ReturnType<typeof batchSpec>): string {
  const quote = (text: string) => text.replace(/"/g, '#quot;');
  const lines = ['flowchart LR'];
  for (const c of spec.components) lines.push(`  ${c.id}["${quote(c.label)}<br/>${quote(c.role ?? '')}"]`);
  for (const e of spec.connections) lines.push(`  ${e.from[0]} -->${e.label ? `|${quote(e.label)}|` : ''} ${e.to}`);
  return lines.join('\n');
}

function writeSpecs(count: number): { yaml: string; mermaid: string[]; markdown: string } {
  const yaml = join(scratch, `specs-${count}`);
  const mermaid = join(scratch, `mermaid-${count}`);
  mkdirSync(yaml, { recursive: true });
  mkdirSync(mermaid, { recursive: true });
  const blocks: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const spec = batchSpec(i);
    const name = `diagram-${String(i).padStart(2, '0')}`;
    writeFileSync(join(yaml, `${name}.yaml`), generatedSpecYaml(i));
    writeFileSync(join(mermaid, `${name}.mmd`), mermaidOf(spec));
    files.push(join(mermaid, `${name}.mmd`));
    blocks.push(`## ${name}\n\n\`\`\`mermaid\n${mermaidOf(spec)}\n\`\`\`\n`);
  }
  const markdown = join(mermaid, 'all.md');
  writeFileSync(markdown, blocks.join('\n'));
  return { yaml, mermaid: files, markdown };
}

/** A cyanotype CLI command line. */
const cyanotype = (...args: string[]): string[] => [node, 'bin/cyanotype.js', ...args];

const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : 'n/a');

/** Runs a command to completion (setup, not timed). */
function run(command: string[]): void {
  const result = spawnSync(command[0]!, command.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed (${result.status})`);
}

/** The finished pictures of these specs as static pages (for the (a') floor). */
function pictures(specs: string[], name: string): string {
  const html = join(scratch, `${name}-html`);
  const pages = join(scratch, `${name}-pictures`);
  run(cyanotype('render', ...specs, '--format', 'html', '-o', html, '--force'));
  run([node, 'scripts/bench/snapshot.mjs', html, pages]);
  return pages;
}

/** The specs' plans (layouts made, nothing drawn), as JSON for the (a″) row; not timed. */
async function plans(specs: string[], name: string): Promise<string> {
  const renderer = await Renderer.open();
  try {
    const made = [];
    for (const file of specs) made.push(await renderer.plan(await loadSpecFile(file), outputName(file)));
    const path = join(scratch, `${name}-plans.json`);
    writeFileSync(path, JSON.stringify(made));
    return path;
  } finally {
    await renderer.close();
  }
}

/** scripts/bench/draw-only.ts bundled as the CLI is (scripts/build-cli.ts), so it loads as fast. */
const drawOnly = join('dist', 'bench', 'draw-only.mjs');
await build({ ...NODE_BUNDLE, entryPoints: ['scripts/bench/draw-only.ts'], outfile: drawOnly });

const browser = findBrowser();
/** Chrome's new headless mode, when the browser cyanotype picks is the headless shell and Debian's chromium is here too. */
const newHeadless = ['/usr/bin/chromium', '/usr/bin/google-chrome-stable'].find((path) => existsSync(path) && path !== browser);
const inNewHeadless = (name: string, command: string[]): Case[] =>
  newHeadless ? [[`${name}, in Chrome's new headless`, ['env', `CYANOTYPE_BROWSER=${newHeadless}`, ...command]]] : [];

console.log(`cyanotype bench — node ${process.version}, ${new Date().toISOString()}, ${runs} runs`);
console.log(`browser: ${browser} (${(await identityOfExecutable(browser)) ?? 'version unknown'}) for every row not marked otherwise`);
if (newHeadless)
  console.log(`rows "in Chrome's new headless": ${newHeadless} (${(await identityOfExecutable(newHeadless)) ?? 'version unknown'})`);
const config = mermaidConfig();
const mermaidArgs = ['-p', config, '-w', '1024', '-H', '1024', '-q'];

if (!only || only === 'single') {
  const one = writeSpecs(1);
  const out = join(scratch, 'single');
  const flagship = pictures(['examples/docker-container-layers.yaml'], 'flagship');
  const flagshipPlan = await plans(['examples/docker-container-layers.yaml'], 'flagship');
  // The (a') floor must shoot exactly the pixels cyanotype writes.
  run(cyanotype('render', 'examples/docker-container-layers.yaml', '-o', out, '--force'));
  run([node, 'scripts/bench/floor.mjs', '--pictures', flagship, '--out', join(scratch, 'floor-shot')]);
  const shot = (folder: string) => readFileSync(join(folder, 'docker-container-layers.png'));
  const sameness = comparePng(shot(out), shot(join(scratch, 'floor-shot')));
  console.log(
    `(a') floor's screenshot of the flagship against cyanotype's PNG: ${sameness.diffPixels} differing pixels (${sameness.message})`,
  );
  const m = await table(
    'single render, cold (a fresh process each)',
    [
      ['(a) floor: Puppeteer launch + setContent + screenshot', [node, 'scripts/bench/floor.mjs']],
      ["(a') floor, the flagship's finished picture", [node, 'scripts/bench/floor.mjs', '--pictures', flagship]],
      ["(a″) cyanotype's page alone, the flagship's finished layout", [node, drawOnly, flagshipPlan, join(scratch, 'draw-only-1')]],
      ['(b) cyanotype render, flagship', cyanotype('render', 'examples/docker-container-layers.yaml', '-o', out, '--force')],
      [
        '(b) cyanotype render --no-check, flagship',
        cyanotype('render', 'examples/docker-container-layers.yaml', '-o', out, '--force', '--no-check'),
      ],
      ['(d) mermaid-cli, one diagram', [node, mmdc, '-i', one.mermaid[0]!, '-o', join(out, 'mermaid.png'), ...mermaidArgs]],
      ...inNewHeadless('(a) floor', [node, 'scripts/bench/floor.mjs']),
      ...inNewHeadless(
        '(b) cyanotype render, flagship',
        cyanotype('render', 'examples/docker-container-layers.yaml', '-o', join(scratch, 'single-new-headless'), '--force'),
      ),
    ],
    runs,
  );
  const floor = m.get('(a) floor: Puppeteer launch + setContent + screenshot');
  const same = m.get("(a') floor, the flagship's finished picture");
  const [checked, unchecked] = [m.get('(b) cyanotype render, flagship'), m.get('(b) cyanotype render --no-check, flagship')];
  const alone = m.get("(a″) cyanotype's page alone, the flagship's finished layout");
  console.log(
    `\ncold render ÷ floor: ${ratio(checked, floor)} (target ≤ 1.2); --no-check ÷ floor: ${ratio(unchecked, floor)}` +
      `\ncold render ÷ same-picture floor: ${ratio(checked, same)}; --no-check ÷ same-picture floor: ${ratio(unchecked, same)}` +
      `\ncyanotype's page alone ÷ floor: ${ratio(alone, floor)}; cold render ÷ its page alone: ${ratio(checked, alone)}`,
  );
}

if (!only || only === 'batch') {
  const fifty = writeSpecs(50);
  const out = join(scratch, 'batch');
  const fiftyPictures = pictures([fifty.yaml], 'fifty');
  const fiftyPlans = await plans(
    readdirSync(fifty.yaml)
      .sort()
      .map((f) => join(fifty.yaml, f)),
    'fifty',
  );
  const rounds = Math.max(1, Math.ceil(runs / 2));
  const perProcess = join(scratch, 'per-process.sh');
  // mermaid-cli one process per diagram, as a Makefile or a docs build would call it.
  writeFileSync(
    perProcess,
    fifty.mermaid.map((f) => `"${node}" ${mmdc} -i "${f}" -o "${f}.png" ${mermaidArgs.join(' ')} || exit 1`).join('\n'),
  );
  const m = await table(
    'batch of 50 diagrams in one command',
    [
      ['(a) floor: 50 pages in one browser', [node, 'scripts/bench/floor.mjs', '50']],
      ["(a') floor, the 50 finished pictures in one browser", [node, 'scripts/bench/floor.mjs', '--pictures', fiftyPictures]],
      ["(a″) cyanotype's page alone, the 50 finished layouts", [node, drawOnly, fiftyPlans, join(scratch, 'draw-only-50')]],
      ['(c) cyanotype render, 50 specs', cyanotype('render', fifty.yaml, '-o', out, '--force')],
      ['(c) cyanotype render --jobs 1, 50 specs', cyanotype('render', fifty.yaml, '-o', out, '--force', '--jobs', '1')],
      ['(c) cyanotype render --no-check, 50 specs', cyanotype('render', fifty.yaml, '-o', out, '--force', '--no-check')],
      [
        '(c) cyanotype render --no-check --jobs 2, 50 specs',
        cyanotype('render', fifty.yaml, '-o', out, '--force', '--no-check', '--jobs', '2'),
      ],
      [
        '(d) mermaid-cli batch (one markdown file, 50 charts)',
        [node, mmdc, '-i', fifty.markdown, '-o', join(out, 'all.md'), '-e', 'png', ...mermaidArgs],
      ],
      ['(d) mermaid-cli, one process per diagram', ['bash', perProcess]],
      ...inNewHeadless('(a) floor: 50 pages', [node, 'scripts/bench/floor.mjs', '50']),
      ...inNewHeadless(
        '(c) cyanotype render, 50 specs',
        cyanotype('render', fifty.yaml, '-o', join(scratch, 'batch-new-headless'), '--force'),
      ),
    ],
    rounds,
  );
  const floor = m.get('(a) floor: 50 pages in one browser');
  const ours = m.get('(c) cyanotype render, 50 specs');
  console.log(
    `\n50 diagrams ÷ floor: ${ratio(ours, floor)} (target ≤ 1.5); mermaid-cli batch ÷ cyanotype: ${ratio(m.get('(d) mermaid-cli batch (one markdown file, 50 charts)'), ours)} (target ≥ 6); ` +
      `mermaid-cli per process ÷ cyanotype: ${ratio(m.get('(d) mermaid-cli, one process per diagram'), ours)}` +
      `\n50 diagrams ÷ same-pictures floor: ${ratio(ours, m.get("(a') floor, the 50 finished pictures in one browser"))}` +
      `\ncyanotype's page alone ÷ floor: ${ratio(m.get("(a″) cyanotype's page alone, the 50 finished layouts"), floor)}; ` +
      `50 diagrams ÷ its page alone: ${ratio(ours, m.get("(a″) cyanotype's page alone, the 50 finished layouts"))}`,
  );
}

rmSync(scratch, { recursive: true, force: true });
