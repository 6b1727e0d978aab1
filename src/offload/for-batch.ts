/**
 * A batch of more than a couple of items checks (and compacts) on a worker thread, keeping the
 * main thread free to answer Chromium; a smaller one does it in place, sparing the worker's start
 * and its code's loading (see offload.ts).
 */
import type { Offload, OffloadOptions } from './offload.js';

export async function offloadFor(items: number, options: OffloadOptions): Promise<Offload | undefined> {
  return items > 2 ? (await import('./offload.js')).Offload.start(options) : undefined;
}
