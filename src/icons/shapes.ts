/**
 * The SVG shapes an icon may consist of, and the geometry attributes each keeps: the one list
 * both the loader of a spec's own icons (svg-icon.ts, what is kept) and the page's cy-icon
 * (what is drawn) follow. Browser-safe: no Node imports.
 */
export const SHAPES = {
  path: ['d'],
  circle: ['cx', 'cy', 'r'],
  ellipse: ['cx', 'cy', 'rx', 'ry'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
  line: ['x1', 'y1', 'x2', 'y2'],
  polyline: ['points'],
  polygon: ['points'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type ShapeTag = keyof typeof SHAPES;

export const isShapeTag = (tag: string): tag is ShapeTag => Object.hasOwn(SHAPES, tag);
