import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BATCH_INTERRUPT_BUDGET, batchTieringFlag } from '../../src/offload/tiering.js';

describe('batchTieringFlag', () => {
  it('asks V8 to optimise later in a batch', () => {
    expect(batchTieringFlag([])).toBe(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
    expect(batchTieringFlag(['--enable-source-maps', '--max-old-space-size=4096'])).toBe(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
    expect(batchTieringFlag(['--interrupt-budget-factor-for-feedback-allocation=4'])).toBe(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
    // Far above V8's own default, or it would change nothing.
    expect(BATCH_INTERRUPT_BUDGET).toBeGreaterThan(10 * 67_584);
  });

  it('leaves a budget the user gave node alone, in either spelling', () => {
    expect(batchTieringFlag(['--interrupt-budget=1000'])).toBeUndefined();
    expect(batchTieringFlag(['--trace-gc', '--interrupt_budget=5000'])).toBeUndefined();
  });
});

describe("ELK's code caches and a batch's flags", () => {
  // V8 rejects a code cache made under other flags: a batch's worker, started after
  // tierUpLater(), needs the cache made under the batch's flags. A fresh process, since V8's
  // flags are the whole process's.
  it('a batch worker accepts the batch cache and rejects the default one; a plain process the reverse', () => {
    const module = (path: string) => JSON.stringify(pathToFileURL(join(process.cwd(), 'dist', 'node', path)).href);
    const script = `
      import { readFileSync } from 'node:fs';
      import { Worker } from 'node:worker_threads';
      const { compileElk, ELK_CACHE } = await import(${module('layout/elk-code-cache.js')});
      const { tierUpLater } = await import(${module('offload/tiering.js')});
      const rejected = (flags) => compileElk(readFileSync(ELK_CACHE(flags))).rejected;
      const plain = { default: rejected('default'), batch: rejected('batch') };
      tierUpLater();
      // The worker's code is a module too (it inherits --input-type=module).
      const worker = new Worker(\`
        import { readFileSync } from 'node:fs';
        import { parentPort } from 'node:worker_threads';
        const { compileElk, ELK_CACHE } = await import(${module('layout/elk-code-cache.js')});
        const rejected = (flags) => compileElk(readFileSync(ELK_CACHE(flags))).rejected;
        parentPort.postMessage({ default: rejected('default'), batch: rejected('batch') });\`, { eval: true });
      const batch = await new Promise((resolve) => worker.once('message', resolve));
      await worker.terminate();
      console.log(JSON.stringify({ plain, batch }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(JSON.parse(out)).toEqual({ plain: { default: false, batch: true }, batch: { default: true, batch: false } });
  });
});
