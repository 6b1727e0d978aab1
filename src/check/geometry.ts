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
