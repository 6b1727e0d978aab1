/**
 * Browsers side by side in one run, through the render, test and check commands and real Chromium: a
 * lane opened in the middle of a batch (as --jobs auto does when the cores are idle) and fixed
 * lanes draw every item exactly as one browser does, and every item once.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRenderOptions, renderCommand, type RenderCommandOptions } from '../../src/commands/render.js';
import { checkCommand, type CheckedItem } from '../../src/commands/check.js';
import { parseTestOptions } from '../../src/commands/test.js';
import type { ItemResult } from '../../src/regression/results.js';
import { runTests, type TestOptions, type TestRun } from '../../src/regression/run.js';
import { Renderer } from '../../src/renderer.js';
import { findBrowser } from '../../src/render/find-browser.js';
import type { ScalingRule } from '../../src/render/lane-scaler.js';
import { Progress } from '../../src/render/progress.js';
import { generatedSpecYaml } from '../support/generate.js';
import { scratchDir } from '../support/scratch.js';

const scratch = () => scratchDir('lanes');

const specs = scratch();
const COUNT = 12;
for (let i = 0; i < COUNT; i++) writeFileSync(join(specs, `diagram-${String(i).padStart(2, '0')}.yaml`), generatedSpecYaml(i));

async function render(options: Partial<RenderCommandOptions>) {
  const out = scratch();
  const lines: string[] = [];
  const sink = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), status: () => undefined };
  const report = await renderCommand([specs], { ...parseRenderOptions({ out }), ...options }, new Progress('json', sink));
  const json = JSON.parse(lines.join('\n')) as { items: { spec: string; status: string }[]; browsers: number };
  return { out, report, json };
}

/** A rule that finds any machine idle enough, with memory to spare: a second lane opens after the first capture's window. */
const ALWAYS: ScalingRule = { maxLanes: 2, windowCaptures: 1, windowCpuMs: 0, idleAtLeast: 0, minRemaining: 1, memoryBudgetMiB: 1e6 };

const pngs = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(join(dir, name))] as const);

describe('browsers side by side', () => {
  it('opens a second browser mid-batch when the rule says the cores are idle, and every output is the one-browser bytes', async () => {
    const one = await render({ jobs: 1 });
    expect(one.report.browsers).toBe(1);
    const scaled = await render({
      jobs: 'auto',
      scaling: ALWAYS,
    });
    expect(scaled.report.browsers).toBe(2);
    expect(scaled.json.browsers).toBe(2);
    expect(scaled.report.failures).toEqual([]);
    // Each item once, each written.
    expect(scaled.json.items.map((i) => i.spec).sort()).toEqual(one.json.items.map((i) => i.spec).sort());
    expect(new Set(scaled.json.items.map((i) => i.spec)).size).toBe(COUNT);
    expect(scaled.json.items.every((i) => i.status === 'written')).toBe(true);
    const [a, b] = [pngs(one.out), pngs(scaled.out)];
    expect(b.map(([name]) => name)).toEqual(a.map(([name]) => name));
    for (const [i, [name, bytes]] of a.entries()) expect(b[i]![1].equals(bytes), `${name}: same bytes`).toBe(true);
  }, 120_000);

  it('goes on with the browser it has when the one it opens beside it cannot start', async () => {
    // A browser that starts once: every later launch exits at once (asking its version still works).
    const folder = scratch();
    const wrapper = join(folder, 'chromium-headless-shell');
    writeFileSync(
      wrapper,
      `#!/bin/sh\ncase "$*" in *--version*) exec "${findBrowser()}" "$@";; esac\n` +
        `if [ -e "${folder}/started" ]; then exit 1; fi\ntouch "${folder}/started"\nexec "${findBrowser()}" "$@"\n`,
      { mode: 0o755 },
    );
    const run = await render({
      browser: wrapper,
      jobs: 'auto',
      scaling: ALWAYS,
    });
    expect(existsSync(join(folder, 'started'))).toBe(true);
    expect(run.report.failures).toEqual([]);
    expect(run.report.browsers).toBe(1);
    expect(readdirSync(run.out)).toHaveLength(COUNT);
  }, 120_000);

  it('opens no second browser when the process tree with one more would pass the memory budget', async () => {
    // The tree (this process and its browser) read from /proc: far over a 1 MiB budget.
    const run = await render({ jobs: 'auto', scaling: { ...ALWAYS, memoryBudgetMiB: 1 } });
    expect(run.report.browsers).toBe(1);
    expect(readdirSync(run.out)).toHaveLength(COUNT);
  }, 120_000);

  it('keeps one browser under --jobs auto when the rule never finds the cores idle', async () => {
    const run = await render({
      jobs: 'auto',
      scaling: { ...ALWAYS, idleAtLeast: 1.01 },
    });
    expect(run.report.browsers).toBe(1);
    expect(readdirSync(run.out)).toHaveLength(COUNT);
  }, 120_000);
});

describe('cyanotype test with browsers side by side', () => {
  /** `cyanotype test` over the specs against `snapshots`, its reporter's lines collected. */
  async function judge(snapshots: string, options: Partial<TestOptions>) {
    const lines: string[] = [];
    const reporter = { item: (r: ItemResult) => lines.push(`${r.status} ${r.name}`), line: (text: string) => lines.push(text) };
    const results = scratch();
    const run = await runTests([specs], { ...parseTestOptions({ snapshots, results }), ci: false, ...options }, reporter, () =>
      Renderer.open(),
    );
    return { run, lines, saved: JSON.parse(readFileSync(join(results, 'results.json'), 'utf8')) as TestRun };
  }

  it("judges every item once with a second browser opened mid-run, and reports them in the items' order", async () => {
    const snapshots = scratch();
    const written = await judge(snapshots, { jobs: 1, update: 'missing' });
    expect(written.run.browsers).toBe(1);
    expect(written.run.items.every((i) => i.status === 'written')).toBe(true);
    const scaled = await judge(snapshots, { jobs: 'auto', scaling: ALWAYS });
    expect(scaled.run.browsers).toBe(2);
    expect(scaled.saved.browsers).toBe(2);
    // Each item judged once, identical to the baseline one browser wrote, listed in the items' order.
    expect(scaled.run.items.map((i) => i.name)).toEqual(written.run.items.map((i) => i.name));
    expect(scaled.run.items.map((i) => i.status)).toEqual(Array(COUNT).fill('passed'));
    expect(scaled.lines.filter((l) => l.startsWith('passed ')).sort()).toEqual(scaled.run.items.map((i) => `passed ${i.name}`).sort());
  }, 120_000);

  it('refuses a --jobs that is not auto or a whole number from 1 to 16', () => {
    expect(() => parseTestOptions({ jobs: '0' })).toThrow('--jobs: "0" is not "auto" or a whole number from 1 to 16');
    expect(parseTestOptions({ jobs: '3' }).jobs).toBe(3);
    expect(parseTestOptions({}).jobs).toBe('auto');
  });
});

describe('cyanotype check with browsers side by side', () => {
  async function check(options: { jobs: number | 'auto'; scaling?: ScalingRule }) {
    const lines: string[] = [];
    const code = await checkCommand([specs], { json: true, strict: false, ...options }, (line) => lines.push(line));
    return { code, ...(JSON.parse(lines.join('\n')) as { items: CheckedItem[]; browsers: number }) };
  }

  it("finds the same in every picture with a second browser opened mid-run, listed in the specs' order", async () => {
    const one = await check({ jobs: 1 });
    expect(one.browsers).toBe(1);
    const scaled = await check({ jobs: 'auto', scaling: ALWAYS });
    expect(scaled.browsers).toBe(2);
    expect(scaled.code).toBe(one.code);
    expect(scaled.items.map((i) => i.name)).toEqual(one.items.map((i) => i.name));
    expect(scaled.items.map((i) => i.name)).toEqual([...scaled.items.map((i) => i.name)].sort());
    expect(scaled.items).toHaveLength(COUNT);
    // What was drawn (every text with its box) and what was found, picture by picture.
    expect(scaled.items).toEqual(one.items);
  }, 120_000);

  it('reports a picture that cannot be drawn in its place, after one more try with a fresh browser, and exits 1', async () => {
    // The flagship takes several times the 100 ms allowed, even on the retry.
    const folder = scratch();
    copyFileSync('examples/docker-container-layers.yaml', join(folder, 'flagship.yaml'));
    const lines: string[] = [];
    const code = await checkCommand([folder], { json: false, strict: false, theme: 'blueprint', timeout: 100 }, (line) => lines.push(line));
    expect(code).toBe(1);
    expect(lines).toEqual([
      '✗ flagship.blueprint.1024x1024: did not finish within 100 ms; retried with a fresh browser: did not finish within 100 ms',
      '0 checked, 1 not drawn, 0 errors, 0 warnings',
    ]);
  }, 120_000);
});
