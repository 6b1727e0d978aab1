/**
 * `npm run bench`: cyanotype measured side by side with references, in one run on this
 * machine. Every measurement is a fresh process, as a user's command is; cases are
 * interleaved so drift on the machine hits them alike; medians are reported.
 *
 *   single   a bare Puppeteer launch + setContent + screenshot (the floor) vs one cold
 *            `cyanotype render` of the flagship
 *   batch    `cyanotype render` of 50 generated diagrams vs `cyanotype test` of the same 50
 *            against unchanged baselines (what checking costs on top of rendering)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { generateSpec } from '../test/support/generate.js';

const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const only = process.argv[2];
const scratch = mkdtempSync(join(tmpdir(), 'cyanotype-bench-'));

interface Sample {
  readonly seconds: number;
  readonly peakMiB: number;
}

/** Wall time and peak resident memory of the command's main process, via GNU time. */
function measure(command: string[]): Sample {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], { encoding: 'utf8', env: { ...process.env, CI: '' } });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
  const [seconds = 'NaN', kilobytes = 'NaN'] = result.stderr.trim().split('\n').pop()!.split(' ');
  return { seconds: Number(seconds), peakMiB: Number(kilobytes) / 1024 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function table(title: string, cases: Array<[name: string, command: string[]]>, rounds: number, setup?: () => void) {
  setup?.();
  const samples = new Map<string, Sample[]>(cases.map(([name]) => [name, []]));
  for (let round = 0; round <= rounds; round++) {
    for (const [name, command] of cases) {
      const sample = measure(command);
      if (round > 0) samples.get(name)!.push(sample); // round 0 warms the disk cache
    }
  }
  const reference = median(samples.get(cases[0]![0])!.map((s) => s.seconds));
  console.log(`\n${title} (${rounds} runs each, medians)\n`);
  console.log('| case | median s | × first row | node peak MiB |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name] of cases) {
    const list = samples.get(name)!;
    const seconds = median(list.map((s) => s.seconds));
    console.log(
      `| ${name} | ${seconds.toFixed(2)} | ${(seconds / reference).toFixed(2)} | ${median(list.map((s) => s.peakMiB)).toFixed(0)} |`,
    );
  }
}

const node = process.execPath;
console.log(`cyanotype bench — node ${process.version}, ${new Date().toISOString()}`);

if (!only || only === 'single') {
  table(
    'single render',
    [
      ['floor: Puppeteer launch + setContent + screenshot', [node, 'scripts/bench/floor.mjs']],
      [
        'cyanotype render (flagship, cold)',
        [node, 'bin/cyanotype.js', 'render', 'examples/docker-container-layers.yaml', '-o', join(scratch, 'single')],
      ],
      [
        'cyanotype render --no-check (flagship, cold)',
        [node, 'bin/cyanotype.js', 'render', 'examples/docker-container-layers.yaml', '-o', join(scratch, 'single'), '--no-check'],
      ],
    ],
    runs,
  );
}

if (!only || only === 'batch') {
  const specs = join(scratch, 'specs');
  const snapshots = join(scratch, 'snapshots');
  mkdirSync(specs, { recursive: true });
  for (let i = 0; i < 50; i++) {
    const spec = generateSpec(3 + (i % 10), i + 1);
    const input = {
      title: spec.title,
      components: spec.components.map((c) => ({ id: c.id, label: c.label, role: c.role, ...(c.icon ? { icon: c.icon } : {}) })),
      connections: spec.connections.map((c) => ({ id: c.id, from: c.from[0], to: c.to, ...(c.label ? { label: c.label } : {}) })),
      notes: spec.notes,
      legend: spec.legend.map((s) => ({ text: s.text, refs: [...s.refs] })),
    };
    writeFileSync(join(specs, `diagram-${String(i).padStart(2, '0')}.yaml`), stringify(input));
  }
  const test = [node, 'bin/cyanotype.js', 'test', specs, '--snapshots', snapshots, '--results', join(scratch, 'results')];
  table(
    'batch of 50 diagrams',
    [
      ['cyanotype render, 50 specs', [node, 'bin/cyanotype.js', 'render', specs, '-o', join(scratch, 'batch')]],
      ['cyanotype test, 50 unchanged baselines', test],
    ],
    Math.max(1, Math.ceil(runs / 2)),
    () => measure(test), // writes the baselines once, before timing
  );
}

rmSync(scratch, { recursive: true, force: true });
