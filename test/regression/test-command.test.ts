import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pixelHash } from '../../src/compare/baseline-png.js';
import { scratchDir } from '../support/scratch.js';

// One workspace walked through a baseline's life: missing in CI, written, unchanged, changed,
// updated, approved, obsolete. Every step runs the real CLI in real Chromium.
const root = scratchDir('regression');
const specs = join(root, 'specs');
const snapshots = join(root, 'snapshots');
const results = join(root, 'results');

const SPEC = (label: string) => `title: Tiny Flow
components:
  - { id: client, icon: browser, label: ${label}, role: Sends requests }
  - { id: api, icon: server, label: API, role: Answers them }
connections:
  - { from: client, to: api, label: HTTPS }
`;

function test(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/cyanotype.js', 'test', specs, '--snapshots', snapshots, '--results', results, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '', ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr, lines: result.stdout.trim().split('\n') };
}
const local = (...args: string[]) => test({}, ...args);
const baseline = (name: string) => join(snapshots, `${name}.blueprint.1024x1024.png`);
const results_json = () =>
  JSON.parse(readFileSync(join(results, 'results.json'), 'utf8')) as {
    items: Array<{ name: string; status: string; regions?: unknown[] }>;
  };

describe('cyanotype test', () => {
  beforeAll(() => {
    mkdirSync(specs);
    writeFileSync(join(specs, 'a.yaml'), SPEC('Client'));
    writeFileSync(join(specs, 'b.yaml'), SPEC('Browser'));
  });

  it('fails a missing baseline under CI=true and writes nothing', () => {
    const run = test({ CI: 'true' });
    expect(run.code).toBe(1);
    expect(run.lines[0]).toMatch(/^✗ a\.blueprint\.1024x1024: no baseline at /);
    expect(run.lines).toContain('0 passed, 2 failed');
    expect(existsSync(snapshots)).toBe(false);
    expect(existsSync(join(results, 'a.blueprint.1024x1024-actual.png'))).toBe(true);
  });

  it('writes missing baselines locally and passes', () => {
    const run = local();
    expect(run.code).toBe(0);
    expect(run.lines[0]).toMatch(/^\+ a\.blueprint\.1024x1024: new baseline written/);
    expect(run.lines).toContain('2 passed, 0 failed');
    expect(readdirSync(snapshots).sort()).toEqual(['a.blueprint.1024x1024.png', 'b.blueprint.1024x1024.png', 'cyanotype-baselines.json']);
  });

  it('passes unchanged renders, one line each, and ends with the summary', () => {
    const run = local();
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => l.replace(/ \(\d+ ms\)$/, ''))).toEqual([
      '✓ a.blueprint.1024x1024',
      '✓ b.blueprint.1024x1024',
      '2 passed, 0 failed',
    ]);
  });

  it('fails a changed render with a diff, its regions, JUnit and an HTML report', () => {
    writeFileSync(join(specs, 'a.yaml'), SPEC('Clients'));
    const run = local();
    expect(run.code).toBe(1);
    expect(run.lines[0]).toMatch(/^✗ a\.blueprint\.1024x1024: \d[\d,]* pixels \(\d+\.\d+%\) differ/);
    expect(run.lines).toContain('1 passed, 1 failed');
    for (const kind of ['expected', 'actual', 'diff'])
      expect(existsSync(join(results, `a.blueprint.1024x1024-${kind}.png`)), kind).toBe(true);
    const failedItem = results_json().items.find((i) => i.name === 'a.blueprint.1024x1024');
    expect(failedItem?.status).toBe('failed');
    expect(failedItem?.regions?.length).toBeGreaterThan(0);
    expect(readFileSync(join(results, 'junit.xml'), 'utf8')).toMatch(
      /<testcase classname="[^"]*a\.yaml" name="a\.blueprint\.1024x1024"[^>]*>\s*<failure/,
    );
    const report = readFileSync(join(results, 'report.html'), 'utf8');
    expect(report.indexOf('a.blueprint.1024x1024')).toBeLessThan(report.indexOf('b.blueprint.1024x1024'));
    expect(report).toContain('src="a.blueprint.1024x1024-diff.png"');
  });

  it("--json prints the run on stdout and nothing else: each item's outcome and timing, the totals", () => {
    const run = local('--json');
    expect(run.code).toBe(1);
    expect(run.err).toBe('');
    const report = JSON.parse(run.out) as {
      items: Array<{ name: string; status: string; durationMs: number; diffPixels?: number }>;
      passed: number;
      failed: number;
      seconds: number;
      report?: string;
      fingerprint: { chromium: string };
    };
    expect(report.items.map((i) => [i.name, i.status])).toEqual([
      ['a.blueprint.1024x1024', 'failed'],
      ['b.blueprint.1024x1024', 'passed'],
    ]);
    for (const item of report.items) expect(item.durationMs).toBeGreaterThan(0);
    expect(report.items[0]?.diffPixels).toBeGreaterThan(0);
    expect([report.passed, report.failed]).toEqual([1, 1]);
    expect(report.seconds).toBeGreaterThan(0);
    expect(report.report).toMatch(/report\.html$/);
    expect(report.fingerprint.chromium).toMatch(/^\d+\.\d+\.\d+\.\d+/);
  });

  it('on a terminal draws a progress bar and prints only the items that did not pass', () => {
    const command = [process.execPath, 'bin/cyanotype.js', 'test', specs, '--snapshots', snapshots, '--results', results].join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(run.status).toBe(1);
    const screen = run.stdout;
    expect(screen).toMatch(/\[#{12}\.{12}\] 1\/2 0:\d\d elapsed, ~0:\d\d left {2}\S/);
    expect(screen).toMatch(/\[#{24}\] 2\/2 /);
    expect(screen).toContain('✗ a.blueprint.1024x1024: ');
    expect(screen).not.toContain('✓ b.blueprint.1024x1024');
    expect(screen).toContain('1 passed, 1 failed');
  });

  it('names the environment change when the baseline was made elsewhere', () => {
    const manifestPath = join(snapshots, 'cyanotype-baselines.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.baselines['a.blueprint.1024x1024'].fingerprint.chromium = '1.2.3.4';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const run = local();
    expect(run.lines[0]).toContain('; baseline made with Chromium 1.2.3.4, this run ');
  });

  it('--update missing writes only what is missing; the changed one still fails', () => {
    writeFileSync(join(specs, 'c.yaml'), SPEC('Console'));
    const before = readFileSync(baseline('a'));
    const run = local('--update', 'missing');
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^\+ c\.blueprint\.1024x1024: new baseline written/m);
    expect(run.out).toMatch(/^✗ a\.blueprint\.1024x1024/m);
    expect(readFileSync(baseline('a'))).toEqual(before);
  });

  it("approve promotes the last run's actual image without rendering again", () => {
    const actual = readFileSync(join(results, 'a.blueprint.1024x1024-actual.png'));
    const run = spawnSync(process.execPath, ['bin/cyanotype.js', 'approve', 'a', '--snapshots', snapshots, '--results', results], {
      encoding: 'utf8',
    });
    expect(run.stdout).toBe(`approved a.blueprint.1024x1024 → ${baseline('a')}\n`);
    expect(pixelHash(readFileSync(baseline('a')))).toBe(pixelHash(actual));
    expect(local().code).toBe(0);
  });

  it('--update changed rewrites only the failing baselines', () => {
    writeFileSync(join(specs, 'b.yaml'), SPEC('Browsers'));
    const untouched = readFileSync(baseline('a'));
    const run = local('--update', 'changed');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^↻ b\.blueprint\.1024x1024: baseline rewritten/m);
    expect(run.out).toMatch(/^✓ a\.blueprint\.1024x1024/m);
    expect(readFileSync(baseline('a'))).toEqual(untouched);
  });

  it('--update all rewrites every baseline', () => {
    const run = local('--update', 'all');
    expect(run.code).toBe(0);
    expect(run.lines.filter((l) => l.startsWith('↻ '))).toHaveLength(3);
  });

  it('lists obsolete baselines, refuses to prune on a partial run, prunes on a full one', () => {
    rmSync(join(specs, 'c.yaml'));
    expect(local('--list-obsolete').out).toContain('obsolete baselines:\n  c.blueprint.1024x1024');
    const partial = local('--prune', '--grep', 'a.');
    expect(partial.code).toBe(2);
    expect(partial.err).toMatch(/^--prune needs a full run: this one is filtered to names containing "a\."/);
    expect(existsSync(baseline('c'))).toBe(true);
    const full = local('--prune');
    expect(full.code).toBe(0);
    expect(full.out).toContain('pruned 1 obsolete baselines: c.blueprint.1024x1024');
    expect(existsSync(baseline('c'))).toBe(false);
  });

  it('splits items into shards that cover each exactly once', () => {
    copyFileSync(join(specs, 'a.yaml'), join(specs, 'd.yaml'));
    const names = [1, 2].flatMap((i) =>
      local('--shard', `${i}/2`)
        .lines.filter((l) => /^[✓+]/.test(l))
        .map((l) => l.split(' ')[1]?.replace(/:$/, '')),
    );
    expect(names.sort()).toEqual(['a.blueprint.1024x1024', 'b.blueprint.1024x1024', 'd.blueprint.1024x1024']);
  });

  it('--timeout: a hung item gets one retry with a fresh browser, then fails alone; a bad value is refused', () => {
    // The flagship, not a two-box spec: its render takes several times the 100 ms allowed even on
    // the retry (the two-box spec's draw and capture came in under 100 ms with one Chromium process).
    copyFileSync('examples/docker-container-layers.yaml', join(specs, 'flagship.yaml'));
    try {
      const run = local('--timeout', '100', '--grep', 'flagship.blueprint');
      expect(run.code).toBe(1);
      expect(run.lines[0]).toMatch(
        /^✗ flagship\.blueprint\.1024x1024: did not finish within 100 ms; retried with a fresh browser: did not finish within 100 ms \(\d+ ms\)$/,
      );
      expect(run.lines).toContain('0 passed, 1 failed');
    } finally {
      rmSync(join(specs, 'flagship.yaml'));
    }
    const bad = local('--timeout', '5');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('--timeout: "5" is not a number of milliseconds ≥ 100\n');
  });

  it('run on a folder that holds its own baselines and results, takes neither for specs', () => {
    // `cyanotype test .` in a project: snapshots/ (with its JSON manifest) and the results
    // folder sit under the folder being searched for specs.
    const project = scratchDir('project');
    try {
      writeFileSync(join(project, 'a.yaml'), SPEC('Client'));
      const inProject = (...args: string[]) =>
        spawnSync(process.execPath, [join(process.cwd(), 'bin/cyanotype.js'), 'test', '.', ...args], {
          cwd: project,
          encoding: 'utf8',
          env: { ...process.env, CI: '' },
        });
      expect(inProject().status).toBe(0); // writes the baseline and the manifest
      expect(existsSync(join(project, 'snapshots', 'cyanotype-baselines.json'))).toBe(true);
      const again = inProject('--results', 'results');
      expect(again.stdout).toContain('1 passed, 0 failed');
      expect(inProject('--results', 'results').status).toBe(0);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it.each([
    [['--update', 'sometimes'], '--update: "sometimes" is not one of missing, changed, all'],
    [['--shard', '3/2'], '--shard: "3/2" is not INDEX/COUNT with 1 ≤ INDEX ≤ COUNT, e.g. 2/4'],
    [['--threshold', '1.5'], '--threshold: "1.5" is not a number from 0 to 1'],
  ])('exits 2 on bad usage %j', (args, message) => {
    const run = local(...args);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`${message}\n`);
  });
});
