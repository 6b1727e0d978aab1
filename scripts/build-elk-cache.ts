/**
 * `npm run build` step: V8's code caches for ELK (see src/layout/elk-code-cache.ts), made after
 * laying out every example and valid fixture so they hold the functions real layouts run. V8
 * rejects a cache made under other flags, so there are two: one under Node's defaults, and one
 * under the flags a batch sets (src/offload/tiering.ts), made by this script run again with
 * `--batch` in a fresh process.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setElkLoader } from '../src/layout/elk.js';
import { compileElk, ELK_CACHE } from '../src/layout/elk-code-cache.js';
import { layoutSpec } from '../src/layout/layout.js';
import { tierUpLater } from '../src/offload/tiering.js';
import { loadSpecFile } from '../src/spec/load.js';
import { fakeMeasure, fakeMetrics } from '../test/support/fake-metrics.js';
import { generateSpec } from '../test/support/generate.js';

const batch = process.argv.includes('--batch');
if (batch) tierUpLater();
const { script, Elk } = compileElk(undefined);
setElkLoader(async () => Elk);
const files = ['examples', 'test/fixtures/valid'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => `${dir}/${f}`),
);
for (const file of files) await layoutSpec(await loadSpecFile(file), fakeMetrics, fakeMeasure);
for (const count of [5, 12, 25]) await layoutSpec(generateSpec(count), fakeMetrics, fakeMeasure);
const cache = ELK_CACHE(batch ? 'batch' : 'default');
mkdirSync(dirname(cache), { recursive: true });
writeFileSync(cache, script.createCachedData());
if (!batch) execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--batch'], { stdio: 'inherit' });
