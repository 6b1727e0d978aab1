/**
 * `expect(png).toMatchBaseline(name)` for vitest. Register it once in a setup file:
 * `import 'cyanotype/vitest'`. Honours `vitest -u` (rewrite) and CI (never writes).
 */
import { expect } from 'vitest';
import { matchBaseline, type MatchOptions, type UpdateState } from './regression/match-baseline.js';

interface MatcherContext {
  readonly isNot: boolean;
  readonly snapshotState?: { readonly snapshotUpdateState?: UpdateState };
}

expect.extend({
  async toMatchBaseline(this: MatcherContext, received: unknown, name: string, options?: MatchOptions) {
    if (!(received instanceof Uint8Array)) {
      return { pass: false, message: () => `toMatchBaseline expects PNG bytes (a Uint8Array or Buffer), got ${typeof received}` };
    }
    const update = this.snapshotState?.snapshotUpdateState ?? 'none';
    const outcome = await matchBaseline(received, name, update, options);
    return { pass: outcome.pass, message: () => outcome.message };
  },
});

declare module 'vitest' {
  interface Assertion<T> {
    /** Compares PNG bytes with `snapshots/<name>.png` using cyanotype's comparator. */
    toMatchBaseline(name: string, options?: MatchOptions): Promise<T>;
  }
}

export type { MatchOptions } from './regression/match-baseline.js';
