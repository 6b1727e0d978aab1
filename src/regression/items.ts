/** A regression item is one spec in one theme at one size; it has one baseline. */
import { UsageError } from '../errors.js';
import type { Size, Spec } from '../spec/model.js';

export interface TestItem {
  /** `<spec>.<theme>.<W>x<H>`: the baseline's file name without `.png`. */
  readonly name: string;
  readonly specFile: string;
  readonly spec: Spec;
  readonly theme: string;
  readonly size: Size;
}

export const baselineName = (specName: string, theme: string, size: Size): string => `${specName}.${theme}.${size.width}x${size.height}`;

/** Baseline names the test command manages (others in the folder belong to someone else). */
export const MANAGED_NAME = /^.+\.[a-z0-9][a-z0-9_-]*\.\d+x\d+$/;

/** Every theme × size a spec declares, or only `theme` when a run chose one. */
export function itemsOf(spec: Spec, specFile: string, specName: string, theme?: { name: string; ref: string }): TestItem[] {
  const themes = theme ? [theme] : spec.themes.map((t) => ({ name: t, ref: t }));
  return themes.flatMap((t) =>
    spec.sizes.map((size) => ({
      name: baselineName(specName, t.name, size),
      specFile,
      spec: { ...spec, theme: t.ref, size },
      theme: t.ref,
      size,
    })),
  );
}

/** Shard `index` (1-based) of `count`: every `count`-th item of the sorted list, so shards balance. */
export function shardOf<T extends { readonly name: string }>(items: readonly T[], index: number, count: number): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name)).filter((_, i) => i % count === index - 1);
}

/** `--shard` for render and test: "2/5" is the second of five shares; anything else is a usage error. */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard: "${text}" is not INDEX/COUNT with 1 ≤ INDEX ≤ COUNT, e.g. 2/4`);
  }
  return { index, count };
}
