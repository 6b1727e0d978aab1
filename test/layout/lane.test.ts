import { describe, expect, it } from 'vitest';
import { MIN_STEP, stackRuns, type LaneRun } from '../../src/layout/lane.js';

const run = (wantY: number, departY: number, forward = true, arrivalKey = `at:${wantY}`): LaneRun => ({
  label: { height: 22 },
  wantY,
  departY,
  forward,
  arrivalKey,
  passY: Number.NaN,
});

describe('stackRuns', () => {
  it('keeps labels apart and each run on its wish where there is room', () => {
    const runs = [run(100, 40), run(200, 300), run(300, 250)];
    stackRuns(runs, 12, 4);
    expect(runs.map((r) => r.passY)).toEqual([100, 200, 300]);
  });

  it('stacks labels that arrive too close together, with no step smaller than MIN_STEP', () => {
    const runs = [run(100, 40), run(112, 300)];
    stackRuns(runs, 12, 4);
    const [a, b] = runs.map((r) => r.passY) as [number, number];
    expect(b - a).toBeGreaterThanOrEqual(26);
    for (const r of runs) {
      const steps = [r.wantY, r.departY].map((end) => Math.abs(r.passY - end)).filter((d) => d > 0);
      expect(Math.min(...steps)).toBeGreaterThanOrEqual(MIN_STEP);
    }
  });

  it("does not run beside another run's end, where the two lines would read as one", () => {
    // audit above read pushes one of them off its wish; read pushed down would run at 120, 2 px
    // beside the stub of rows, which leaves the far column at 122.
    const audit = run(94, 20);
    const read = run(108, 150);
    const rows = run(164, 122, false);
    stackRuns([audit, read, rows], 12, 4);
    for (const r of [audit, read]) expect(Math.abs(r.passY - rows.departY)).toBeGreaterThanOrEqual(MIN_STEP);
    expect(read.passY - audit.passY).toBeGreaterThanOrEqual(26);
  });
});
