/**
 * Phase timings for performance work: with CYANOTYPE_TRACE=1 each mark is printed to stderr
 * as milliseconds since the process started (`cyanotype render` of one spec shows where a cold
 * render's time goes). Without it, a mark costs one property read.
 */
import { isMainThread, workerData } from 'node:worker_threads';

const enabled = process.env['CYANOTYPE_TRACE'] === '1';
/** A worker's clock starts with the worker: its marks are shifted onto the process's clock. */
const workerOrigin = isMainThread ? undefined : (workerData as { traceOrigin?: number } | null)?.traceOrigin;
const shift = workerOrigin === undefined ? 0 : performance.timeOrigin - workerOrigin;

/** The main thread's time origin, for a worker to be given (see Offload.start). */
export const traceOrigin = performance.timeOrigin;

export function mark(label: string): void {
  if (enabled) process.stderr.write(`[trace] ${(performance.now() + shift).toFixed(0).padStart(5)} ms ${label}\n`);
}

/** Marks the start and end of an async step. */
export async function traced<T>(label: string, step: () => Promise<T>): Promise<T> {
  if (!enabled) return step();
  mark(`${label} …`);
  try {
    return await step();
  } finally {
    mark(`${label} done`);
  }
}
