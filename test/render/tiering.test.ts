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
