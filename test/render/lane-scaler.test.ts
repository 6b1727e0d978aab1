import { describe, expect, it } from 'vitest';
import { LaneScaler, machineCpuTimes, type CpuTimes, type ScalingRule } from '../../src/render/lane-scaler.js';
import { treeMemory } from '../../src/render/memory.js';

const rule: ScalingRule = { maxLanes: 3, windowCaptures: 2, windowCpuMs: 400, idleAtLeast: 0.15, minRemaining: 8, memoryBudgetMiB: 600 };

/** A process tree of `self` MiB for Node and `perBrowser` MiB for each of `lanes()` browsers. */
const tree = (self: number, perBrowser: number, lanes: () => number) => () => ({
  self: self * 1024,
  tree: (self + perBrowser * lanes()) * 1024,
});

/** A machine whose cores pass `step` ms between samples, `idle` of it idle (2 cores). */
function machine(idle: () => number, step = 200) {
  let now: CpuTimes = { busy: 0, idle: 0 };
  return () => {
    const share = idle();
    now = { busy: now.busy + 2 * step * (1 - share), idle: now.idle + 2 * step * share };
    return now;
  };
}

describe('LaneScaler (--jobs auto)', () => {
  it('opens a second lane once a steady window shows the cores idle, and judges the next one only after it has started', () => {
    const scaler: LaneScaler = new LaneScaler(
      rule,
      machine(() => 0.25),
      tree(150, 100, () => scaler.laneCount),
    );
    expect(scaler.captured(true, 40)).toBe(false); // the first capture starts the window
    expect(scaler.captured(false, 39)).toBe(false);
    expect(scaler.captured(false, 38)).toBe(true); // two captures, 800 ms of machine time, 25% idle
    expect(scaler.laneCount).toBe(2);
    expect(scaler.windows).toEqual([{ lanes: 1, idle: 0.25, treeMiB: 250 }]); // 250 + 100 fits 600
    // Until the new lane has captured, the old one's captures judge nothing (its launch is not the steady state).
    for (let i = 0; i < 5; i++) expect(scaler.captured(false, 37 - i)).toBe(false);
    expect(scaler.captured(true, 31)).toBe(false); // the new lane's first capture starts the next window
    expect(scaler.captured(false, 30)).toBe(false);
    expect(scaler.captured(false, 29)).toBe(true);
    expect(scaler.laneCount).toBe(3);
    // At the most lanes the rule allows, nothing more is opened.
    expect(scaler.captured(true, 28)).toBe(false);
    for (let i = 0; i < 6; i++) expect(scaler.captured(false, 27 - i)).toBe(false);
    expect(scaler.laneCount).toBe(3);
  });

  it('opens no lane that would take the process tree past the memory budget, and stops reading it', () => {
    let reads = 0;
    const scaler = new LaneScaler(
      rule,
      machine(() => 0.5),
      () => (reads++, { self: 200 * 1024, tree: 450 * 1024 }), // one more 250 MiB browser: 700 > 600
    );
    expect(scaler.captured(true, 40)).toBe(false);
    expect(scaler.captured(false, 39)).toBe(false);
    expect(scaler.captured(false, 38)).toBe(false);
    expect(scaler.windows).toEqual([{ lanes: 1, idle: 0.5, treeMiB: 450, overBudgetMiB: 700 }]);
    for (let i = 0; i < 6; i++) expect(scaler.captured(false, 37 - i)).toBe(false);
    expect(scaler.laneCount).toBe(1);
    expect(reads).toBe(1);
  });

  it('opens a lane on the idle share alone where memory cannot be read (no /proc)', () => {
    const scaler = new LaneScaler(
      rule,
      machine(() => 0.5),
      () => undefined,
    );
    scaler.captured(true, 40);
    scaler.captured(false, 39);
    expect(scaler.captured(false, 38)).toBe(true);
  });

  it('keeps one lane where the browser keeps the cores busy, and judges window after window', () => {
    const scaler = new LaneScaler(
      rule,
      machine(() => 0.06),
    );
    expect(scaler.captured(true, 50)).toBe(false);
    for (let i = 0; i < 10; i++) expect(scaler.captured(false, 49 - i)).toBe(false);
    expect(scaler.laneCount).toBe(1);
    expect(scaler.windows).toHaveLength(5);
    expect(scaler.windows.every((w) => w.lanes === 1 && Math.abs(w.idle - 0.06) < 1e-9)).toBe(true);
  });

  it('opens no lane for the last few items: a browser would start for too little', () => {
    const scaler = new LaneScaler(
      rule,
      machine(() => 0.5),
    );
    expect(scaler.captured(true, 9)).toBe(false);
    expect(scaler.captured(false, 8)).toBe(false);
    expect(scaler.captured(false, 7)).toBe(false); // idle enough, but only 7 left
    expect(scaler.laneCount).toBe(1);
  });

  it('waits for enough machine time, not only enough captures, before judging', () => {
    const scaler = new LaneScaler(
      rule,
      machine(() => 0.5, 50),
    ); // 100 ms of machine time per capture
    expect(scaler.captured(true, 40)).toBe(false);
    expect(scaler.captured(false, 39)).toBe(false);
    expect(scaler.captured(false, 38)).toBe(false);
    expect(scaler.captured(false, 37)).toBe(false);
    expect(scaler.windows).toHaveLength(0);
    expect(scaler.captured(false, 36)).toBe(true); // 400 ms
  });

  it('never scales where the rule allows one lane (a one-core machine)', () => {
    const scaler = new LaneScaler(
      { ...rule, maxLanes: 1 },
      machine(() => 0.9),
    );
    for (let i = 0; i < 10; i++) expect(scaler.captured(i === 0, 40 - i)).toBe(false);
    expect(scaler.laneCount).toBe(1);
  });

  it('reads the memory of this process and of the processes it started', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('sleep', ['5']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const memory = treeMemory(process.pid)!;
      expect(memory.self).toBeGreaterThan(10 * 1024); // a Node process is tens of MiB
      expect(memory.tree).toBeGreaterThan(memory.self); // the child counts in the tree
    } finally {
      child.kill();
    }
  });

  it("reads this machine's CPU time: busy and idle only grow", async () => {
    const before = machineCpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = machineCpuTimes();
    expect(after.busy + after.idle).toBeGreaterThan(before.busy + before.idle);
    expect(after.busy).toBeGreaterThanOrEqual(before.busy);
    expect(after.idle).toBeGreaterThanOrEqual(before.idle);
  });
});
