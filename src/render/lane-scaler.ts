/**
 * How many browsers a batch renders with under `--jobs auto` (the default): one to begin with,
 * and one more whenever the machine's cores are measured to be idle for a good part of the
 * time one browser is drawing. Whether a second browser gains anything depends on the machine,
 * not on its core count alone (docs/decisions/018): where one browser and Node's worker keep
 * both cores busy, a second one only competes for them; where the browser spends its time
 * waiting (a virtual machine whose page faults are slow leaves ~22% of two cores idle), a
 * second one fills the gap and a batch is ~5–9% quicker. No browser is opened that would take
 * the process tree past issue #6's memory budget.
 */
import { availableParallelism, cpus } from 'node:os';
import { treeMemory, type TreeMemory } from './memory.js';

/** CPU time of the whole machine, in milliseconds summed over its cores. */
export interface CpuTimes {
  readonly busy: number;
  readonly idle: number;
}

export function machineCpuTimes(): CpuTimes {
  let busy = 0;
  let idle = 0;
  for (const { times } of cpus()) {
    busy += times.user + times.nice + times.sys + times.irq;
    idle += times.idle;
  }
  return { busy, idle };
}

export interface ScalingRule {
  /** Lanes never exceed this (each browser is ~50 MiB more at the peak). */
  readonly maxLanes: number;
  /** A window is at least this many captures… */
  readonly windowCaptures: number;
  /** …and at least this much machine time (ms summed over the cores), so ticks of 10 ms are fine enough. */
  readonly windowCpuMs: number;
  /** The idle share of the window above which one more lane is opened. */
  readonly idleAtLeast: number;
  /** A browser takes ~0.5–1 s to start: not worth it for fewer items than this left. */
  readonly minRemaining: number;
  /**
   * No lane is opened when the process tree, with one more browser the size of the average one
   * running (a high estimate: it counts the libraries the browsers share in full), would pass this.
   */
  readonly memoryBudgetMiB: number;
}

export const AUTO_SCALING: ScalingRule = {
  maxLanes: Math.min(4, availableParallelism()),
  windowCaptures: 2,
  windowCpuMs: 400,
  idleAtLeast: 0.15,
  minRemaining: 8,
  memoryBudgetMiB: 600, // issue #6's budget for a batch
};

/** What the scaler saw in one complete window (`CYANOTYPE_TRACE=1` prints them all). */
export interface ScalingWindow {
  readonly lanes: number;
  readonly idle: number;
  /** The process tree's memory, when the idle share asked for one more lane, in MiB. */
  readonly treeMiB?: number;
  /** The estimate with one more browser, when it was over the budget (no lane opened, none will be). */
  readonly overBudgetMiB?: number;
}

/**
 * Watches a batch's captures. Windows start at a capture once every lane has made its first
 * (a browser's start and the first layouts are not what the batch will be like), so a new lane
 * is judged only from the steady state of the lanes before it.
 */
export class LaneScaler {
  private lanes = 1;
  private from: CpuTimes | undefined;
  private captures = 0;
  /** Lanes that have made their first capture. */
  private started = 0;
  /** Set once one more browser would pass the memory budget. */
  private full = false;
  readonly windows: ScalingWindow[] = [];

  constructor(
    private readonly rule: ScalingRule = AUTO_SCALING,
    private readonly sample: () => CpuTimes = machineCpuTimes,
    private readonly memory: () => TreeMemory | undefined = () => treeMemory(process.pid),
  ) {}

  /** Lanes opened so far (the one to begin with, and every one this scaler asked for). */
  get laneCount(): number {
    return this.lanes;
  }

  /**
   * A lane has captured an item (`first`: its first one); `remaining` items are claimed by no
   * lane yet. True when one more lane should be opened now.
   */
  captured(first: boolean, remaining: number): boolean {
    if (first) this.started++;
    if (this.full || this.lanes >= this.rule.maxLanes || this.started < this.lanes) return false;
    const now = this.sample();
    if (!this.from || first) {
      this.from = now;
      this.captures = 0;
      return false;
    }
    const busy = now.busy - this.from.busy;
    const idle = now.idle - this.from.idle;
    if (++this.captures < this.rule.windowCaptures || busy + idle < this.rule.windowCpuMs) return false;
    const share = idle / (busy + idle);
    this.from = now;
    this.captures = 0;
    if (share < this.rule.idleAtLeast || remaining < this.rule.minRemaining) {
      this.windows.push({ lanes: this.lanes, idle: share });
      return false;
    }
    // Read only when a lane is wanted: walking /proc takes a few milliseconds.
    const memory = this.memory();
    if (memory) {
      const treeMiB = memory.tree / 1024;
      const projected = treeMiB + (memory.tree - memory.self) / 1024 / this.lanes;
      if (projected > this.rule.memoryBudgetMiB) {
        this.windows.push({ lanes: this.lanes, idle: share, treeMiB, overBudgetMiB: projected });
        this.full = true;
        return false;
      }
      this.windows.push({ lanes: this.lanes, idle: share, treeMiB });
    } else this.windows.push({ lanes: this.lanes, idle: share });
    this.lanes++;
    this.from = undefined;
    return true;
  }
}
