/**
 * When V8 optimises a function in a process that renders a batch. By default a function is
 * handed to TurboFan after a few ticks of ~66 KB of bytecode run; in a batch most such functions
 * run for only a few items, and compiling them took V8's background threads CPU that Chromium
 * needed on 2 cores. With a budget twelve times larger only the functions that stay hot are
 * compiled. It was decided when ELK did the layouts (the 50 bench diagrams 5.38 → 4.72 s); with
 * ELK gone it still pays, less: 3.90 → 3.75 s, the machine's CPU 6.46 → 6.08 s (5 runs
 * alternating). A single render is not changed (its work is over before optimising would
 * pay). See docs/decisions/013-later-tier-up.md.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode a function runs per tick before V8 considers optimising it (V8's default: 67,584). */
export const BATCH_INTERRUPT_BUDGET = 800_000;

const FLAG = 'interrupt-budget';

/**
 * The flag for a batch, unless the user gave node a budget of their own (`node --interrupt-budget=…`;
 * node refuses it in NODE_OPTIONS).
 */
export function batchTieringFlag(execArgv: readonly string[]): string | undefined {
  const given = execArgv.some((arg) => arg.replace(/_/g, '-').startsWith(`--${FLAG}=`));
  return given ? undefined : `--${FLAG}=${BATCH_INTERRUPT_BUDGET}`;
}

/**
 * Sets the batch budget for this process. Call before the worker starts: a function takes
 * the budget when it is created, so the worker's functions are created under it.
 */
export function tierUpLater(): void {
  const flag = batchTieringFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
