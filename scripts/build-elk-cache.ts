/**
 * `npm run build` step: V8's code cache for ELK (see src/layout/elk-code-cache.ts), made after
 * laying out every example and valid fixture so it holds the functions real layouts run.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setElkLoader } from '../src/layout/elk.js';
import { compileElk, ELK_CACHE } from '../src/layout/elk-code-cache.js';
import { layoutSpec } from '../src/layout/layout.js';
import { loadSpecFile } from '../src/spec/load.js';
import { fakeMeasure, fakeMetrics } from '../test/support/fake-metrics.js';
import { generateSpec } from '../test/support/generate.js';

const { script, Elk } = compileElk(undefined);
setElkLoader(async () => Elk);
const files = ['examples', 'test/fixtures/valid'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => `${dir}/${f}`),
);
for (const file of files) await layoutSpec(await loadSpecFile(file), fakeMetrics, fakeMeasure);
for (const count of [5, 12, 25]) await layoutSpec(generateSpec(count), fakeMetrics, fakeMeasure);
mkdirSync(dirname(ELK_CACHE()), { recursive: true });
writeFileSync(ELK_CACHE(), script.createCachedData());
