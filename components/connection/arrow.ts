/** An arrow's geometry as SVG draws it: the line, and the head the line stops short of. */
import type { Point } from '../../src/layout/types.js';

/** SVG `points` for a path, rounded to hundredths of a pixel. */
export const points = (ps: readonly Point[]) => ps.map((p) => `${round(p.x)},${round(p.y)}`).join(' ');
const round = (n: number) => Math.round(n * 100) / 100;

/** The line stops where the arrowhead starts, so the stroke never pokes through the tip. */
export function arrow(path: readonly Point[], size: number): { line: Point[]; head: Point[] } {
  const tip = path[path.length - 1] ?? { x: 0, y: 0 };
  const before = path[path.length - 2] ?? tip;
  const length = Math.hypot(tip.x - before.x, tip.y - before.y) || 1;
  const ux = (tip.x - before.x) / length;
  const uy = (tip.y - before.y) / length;
  const back = { x: tip.x - ux * size * 1.4, y: tip.y - uy * size * 1.4 };
  const half = size * 0.6;
  const head = [tip, { x: back.x - uy * half, y: back.y + ux * half }, { x: back.x + uy * half, y: back.y - ux * half }];
  return { line: [...path.slice(0, -1), back], head };
}
