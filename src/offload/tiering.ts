/**
 * When V8 optimises a function in a process that renders a batch. By default a function is
 * handed to TurboFan after a few ticks of ~66 KB of bytecode run: in a 50-diagram batch that
 * optimised ~880 functions, most of them ELK's (1.5 MB of compiled Java, run for 3–4 layouts a
 * spec), and compiling them took V8's background threads ~2.5 s of CPU — a quarter of all the
 * CPU the batch used on 2 cores, taken from Chromium and the layouts. With a budget twelve
 * times larger only the functions that stay hot are compiled (~170): the 50 bench diagrams
 * 5.38 → 4.72 s, the machine's CPU 9.9 → 8.4 s; 200 diagrams 17.3 → 16.1 s; the same pixels.
 * A single render is not changed: its one layout is on the critical path and finished
 * sooner with the default (0.90 against 0.94 s). See docs/decisions/013-later-tier-up.md.
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
 * the budget when it is created, so the worker's ELK is created under it.
 */
export function tierUpLater(): void {
  const flag = batchTieringFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
