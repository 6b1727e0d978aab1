/**
 * Where an image changed: the bounding boxes of clusters of changed pixels. Pixels closer than
 * one grid cell (8 px) belong to the same region, so a changed word is one box, not twenty.
 */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Changed pixels inside the box. */
  readonly pixels: number;
}

const CELL = 8;
const MAX_REGIONS = 50;

/** Regions of the pixels pixelmatch painted in its diff colour (pure red). */
export function changedRegions(diff: Uint8Array, width: number, height: number): Region[] {
  const columns = Math.ceil(width / CELL);
  const rows = Math.ceil(height / CELL);
  const cells = new Map<number, { minX: number; minY: number; maxX: number; maxY: number; pixels: number }>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (diff[i] !== 255 || diff[i + 1] !== 0 || diff[i + 2] !== 0) continue;
      const key = Math.floor(y / CELL) * columns + Math.floor(x / CELL);
      const cell = cells.get(key);
      if (cell) {
        cell.minX = Math.min(cell.minX, x);
        cell.maxX = Math.max(cell.maxX, x);
        cell.minY = Math.min(cell.minY, y);
        cell.maxY = Math.max(cell.maxY, y);
        cell.pixels++;
      } else {
        cells.set(key, { minX: x, minY: y, maxX: x, maxY: y, pixels: 1 });
      }
    }
  }
  const seen = new Set<number>();
  const regions: Region[] = [];
  for (const start of cells.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const stack = [start];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let pixels = 0;
    while (stack.length > 0) {
      const key = stack.pop()!;
      const cell = cells.get(key)!;
      minX = Math.min(minX, cell.minX);
      minY = Math.min(minY, cell.minY);
      maxX = Math.max(maxX, cell.maxX);
      maxY = Math.max(maxY, cell.maxY);
      pixels += cell.pixels;
      const column = key % columns;
      const row = Math.floor(key / columns);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const c = column + dx;
          const r = row + dy;
          if (c < 0 || r < 0 || c >= columns || r >= rows) continue;
          const next = r * columns + c;
          if (!seen.has(next) && cells.has(next)) {
            seen.add(next);
            stack.push(next);
          }
        }
      }
    }
    regions.push({ x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1, pixels });
  }
  regions.sort((a, b) => b.pixels - a.pixels || a.y - b.y || a.x - b.x);
  return regions.slice(0, MAX_REGIONS);
}
