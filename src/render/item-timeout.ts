/** How long one item of a batch may take before its browser is declared hung, replaced and the item retried once. */
import { UsageError } from '../errors.js';

export const DEFAULT_ITEM_TIMEOUT = 30_000;

/** `--timeout <ms>` of `render` and `test`: at least 100 ms (the default when absent). */
export function parseItemTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_ITEM_TIMEOUT;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 100) throw new UsageError(`--timeout: "${value}" is not a number of milliseconds ≥ 100`);
  return ms;
}
