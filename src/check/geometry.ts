/** Box and segment tests shared by the layout audit and the layout tests. */
import type { Point, Rect } from '../layout/types.js';

/** True when the two rects share area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect, tolerance = 0.5): boolean {
  return (
    a.x + tolerance < b.x + b.width &&
    b.x + tolerance < a.x + a.width &&
    a.y + tolerance < b.y + b.height &&
    b.y + tolerance < a.y + a.height
  );
}

export function inside(inner: Rect, outer: Rect, tolerance = 0.5): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

/** True when the axis-parallel segment a→b passes through the rect's interior. */
export function segmentCrosses(a: Point, b: Point, r: Rect, inset = 1): boolean {
  const left = r.x + inset;
  const right = r.x + r.width - inset;
  const top = r.y + inset;
  const bottom = r.y + r.height - inset;
  if (Math.abs(a.y - b.y) < 0.01) {
    return a.y > top && a.y < bottom && Math.max(a.x, b.x) > left && Math.min(a.x, b.x) < right;
  }
  return a.x > left && a.x < right && Math.max(a.y, b.y) > top && Math.min(a.y, b.y) < bottom;
}

/** Two arrows with level (or upright) stretches running side by side, closer than a line apart. */
export interface ArrowsBeside {
  readonly a: string;
  readonly b: string;
  /** Centre to centre. */
  readonly gap: number;
  /** How far they run side by side. */
  readonly length: number;
  /** Around the two stretches where they run side by side. */
  readonly box: Rect;
}

/** An arrow's level or upright stretch: on the line `at` (y when level, x when upright), from `from` to `to` along it. */
interface Stretch {
  readonly id: string;
  readonly level: boolean;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

function stretches(paths: readonly { readonly id: string; readonly points: readonly Point[] }[]): Stretch[] {
  return paths.flatMap(({ id, points }) =>
    points.slice(1).flatMap((b, k) => {
      const a = points[k]!;
      const level = Math.abs(a.y - b.y) < 0.01;
      if (!level && Math.abs(a.x - b.x) >= 0.01) return [];
      const [from, to] = level ? [Math.min(a.x, b.x), Math.max(a.x, b.x)] : [Math.min(a.y, b.y), Math.max(a.y, b.y)];
      return to - from < 0.01 ? [] : [{ id, level, at: level ? a.y : a.x, from, to }];
    }),
  );
}

/**
 * Pairs of different arrows with parallel stretches along more than `minLength`, in one pass over
 * the arrows' straight stretches: `beside`, closer than `maxGap` but not on one line (drawn, the
 * two read as one line), each pair at its closest; `onOneLine`, under half a pixel apart (a shared
 * stub or trunk, which reads as one arrow), each pair at its longest.
 */
export function parallelArrows(
  paths: readonly { readonly id: string; readonly points: readonly Point[] }[],
  maxGap: number,
  minLength: number,
): { readonly beside: ArrowsBeside[]; readonly onOneLine: ArrowsBeside[] } {
  const segments = stretches(paths);
  const beside = new Map<string, ArrowsBeside>();
  const onOneLine = new Map<string, ArrowsBeside>();
  for (const [i, s] of segments.entries()) {
    for (const t of segments.slice(i + 1)) {
      if (s.id === t.id || s.level !== t.level) continue;
      const gap = Math.abs(s.at - t.at);
      const from = Math.max(s.from, t.from);
      const length = Math.min(s.to, t.to) - from;
      if (gap >= maxGap || length <= minLength) continue;
      const [a, b] = s.id < t.id ? [s.id, t.id] : [t.id, s.id];
      const key = `${a}\u0000${b}`;
      const low = Math.min(s.at, t.at);
      const box = s.level ? { x: from, y: low, width: length, height: gap } : { x: low, y: from, width: gap, height: length };
      const found = gap < 0.5 ? onOneLine : beside;
      const previous = found.get(key);
      const better = gap < 0.5 ? !previous || length > previous.length : !previous || gap < previous.gap;
      if (better) found.set(key, { a, b, gap, length, box });
    }
  }
  return { beside: [...beside.values()], onOneLine: [...onOneLine.values()] };
}

/**
 * Pairs of different arrows with parallel stretches closer than `maxGap` (but not on one line)
 * along more than `minLength`: drawn, the two read as one line. Each pair once, at its closest.
 */
export function arrowsBeside(
  paths: readonly { readonly id: string; readonly points: readonly Point[] }[],
  maxGap: number,
  minLength: number,
): ArrowsBeside[] {
  return parallelArrows(paths, maxGap, minLength).beside;
}
