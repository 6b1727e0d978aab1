/**
 * `npm run bench`: cyanotype against the floor of a bare Puppeteer screenshot, side by side in
 * one run on this machine. Each measurement is a fresh process (a cold start, as a user's
 * `cyanotype render` is); the table shows medians and the ratio to the floor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env['BENCH_RUNS'] ?? 7);
const out = mkdtempSync(join(tmpdir(), 'cyanotype-bench-'));

interface Sample {
  readonly seconds: number;
  readonly peakMiB: number;
}

/** Wall time and peak resident memory of the process tree's main process, via GNU time. */
function measure(command: string[]): Sample {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
  const [seconds = 'NaN', kilobytes = 'NaN'] = result.stderr.trim().split('\n').pop()!.split(' ');
  return { seconds: Number(seconds), peakMiB: Number(kilobytes) / 1024 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const cases: Array<[name: string, command: string[]]> = [
  ['floor: launch + setContent + screenshot', [process.execPath, 'scripts/bench/floor.mjs']],
  [
    'cyanotype render (flagship, cold)',
    [process.execPath, 'bin/cyanotype.js', 'render', 'examples/docker-container-layers.yaml', '-o', out],
  ],
];

// Interleaved, so drift on the machine hits every case alike; one warm-up round is discarded.
const samples = new Map<string, Sample[]>(cases.map(([name]) => [name, []]));
for (let round = 0; round <= runs; round++) {
  for (const [name, command] of cases) {
    const sample = measure(command);
    if (round > 0) samples.get(name)!.push(sample);
  }
}
rmSync(out, { recursive: true, force: true });

const floor = median(samples.get(cases[0]![0])!.map((s) => s.seconds));
console.log(`runs: ${runs} each (medians), node ${process.version}`);
console.log('| case | median s | × floor | node peak MiB |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name] of cases) {
  const list = samples.get(name)!;
  const seconds = median(list.map((s) => s.seconds));
  console.log(`| ${name} | ${seconds.toFixed(2)} | ${(seconds / floor).toFixed(2)} | ${median(list.map((s) => s.peakMiB)).toFixed(0)} |`);
}
