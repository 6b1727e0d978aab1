/**
 * Which layer of the flow each unit belongs to, and its order within the layer. Columns are
 * then made from these layers (columns.ts), so the flow reads left to right and top to bottom.
 *
 * A small Sugiyama pass, written for the graphs a spec makes (tens of units): arrows that close
 * a cycle are turned round (the one reached last in the spec's order), each unit is placed on
 * the layer that keeps its arrows shortest, and the units of each layer are ordered by
 * barycentre sweeps that count crossings, ties kept in the spec's order. Pure and synchronous:
 * no layout engine to load or warm up.
 */
import type { UnitGraph } from './graph.js';

export interface Rank {
  readonly layer: number;
  readonly order: number;
}

/** Sweeps of the crossing reduction; the graphs are small and settle in a few. */
const SWEEPS = 8;

export function rankUnits(graph: UnitGraph): Map<string, Rank> {
  const ids = graph.units.map((u) => u.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const arcs = acyclicArcs(graph, index);
  const layer = layering(ids.length, arcs);
  const orders = ordering(ids.length, arcs, layer);
  const ranks = new Map<string, Rank>();
  ids.forEach((id, i) => ranks.set(id, { layer: layer[i] ?? 0, order: orders[i] ?? 0 }));
  return ranks;
}

/** Distinct unit-to-unit arcs (by index) with every cycle broken. */
function acyclicArcs(graph: UnitGraph, index: ReadonlyMap<string, number>): [number, number][] {
  const seen = new Set<string>();
  const arcs: [number, number][] = [];
  for (const edge of graph.edges) {
    const from = index.get(edge.from.unit);
    const to = index.get(edge.to.unit);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}>${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    arcs.push([from, to]);
  }
  // Depth-first from each unit in the spec's order: an arc back to a unit still on the path
  // closes a cycle and is reversed. An acyclic spec keeps every direction.
  const out = Array.from({ length: index.size }, () => [] as number[]);
  arcs.forEach(([from], k) => out[from]?.push(k));
  const state = new Uint8Array(index.size); // 0 new, 1 on the path, 2 done
  const reversed = new Set<number>();
  const visit = (unit: number): void => {
    state[unit] = 1;
    for (const k of out[unit] ?? []) {
      const to = arcs[k]?.[1] ?? 0;
      if (state[to] === 1) reversed.add(k);
      else if (state[to] === 0) visit(to);
    }
    state[unit] = 2;
  };
  for (let unit = 0; unit < index.size; unit++) if (state[unit] === 0) visit(unit);
  const result: [number, number][] = [];
  const kept = new Set<string>();
  arcs.forEach(([from, to], k) => {
    const arc: [number, number] = reversed.has(k) ? [to, from] : [from, to];
    const key = `${arc[0]}>${arc[1]}`;
    if (kept.has(key)) return;
    kept.add(key);
    result.push(arc);
  });
  return result;
}

/**
 * Layers with every arc pointing forward and the arcs as short as they can be made: longest
 * path first, then each unit moved to the weighted median of its neighbours within the room its
 * arcs leave, until nothing moves.
 */
function layering(count: number, arcs: readonly [number, number][]): number[] {
  const preds = Array.from({ length: count }, () => [] as number[]);
  const succs = Array.from({ length: count }, () => [] as number[]);
  for (const [from, to] of arcs) {
    succs[from]?.push(to);
    preds[to]?.push(from);
  }
  const layer = new Array<number>(count).fill(0);
  // Longest path from the sources, in topological order.
  const indegree = preds.map((p) => p.length);
  const queue: number[] = [];
  for (let u = 0; u < count; u++) if (indegree[u] === 0) queue.push(u);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] ?? 0;
    for (const v of succs[u] ?? []) {
      layer[v] = Math.max(layer[v] ?? 0, (layer[u] ?? 0) + 1);
      indegree[v] = (indegree[v] ?? 0) - 1;
      if (indegree[v] === 0) queue.push(v);
    }
  }
  for (let round = 0; round < 4 * count + 4; round++) {
    let moved = false;
    for (let u = 0; u < count; u++) {
      const before = preds[u] ?? [];
      const after = succs[u] ?? [];
      if (before.length + after.length === 0) continue;
      const low = Math.max(-Infinity, ...before.map((p) => (layer[p] ?? 0) + 1));
      const high = Math.min(Infinity, ...after.map((s) => (layer[s] ?? 0) - 1));
      // Each arc wants the unit one layer beside its other end; the median of those wishes
      // minimises the arcs' total length. Ties go to the earlier layer.
      const wishes = [...before.map((p) => (layer[p] ?? 0) + 1), ...after.map((s) => (layer[s] ?? 0) - 1)].sort((a, b) => a - b);
      const median = wishes[Math.floor((wishes.length - 1) / 2)] ?? 0;
      const wanted = Math.min(Math.max(median, low), high);
      if (wanted !== layer[u] && Number.isFinite(wanted) && cost(u, wanted) < cost(u, layer[u] ?? 0)) {
        layer[u] = wanted;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const lowest = Math.min(0, ...layer);
  return layer.map((l) => l - lowest);

  function cost(u: number, at: number): number {
    let total = 0;
    for (const p of preds[u] ?? []) total += at - (layer[p] ?? 0);
    for (const s of succs[u] ?? []) total += (layer[s] ?? 0) - at;
    return total;
  }
}

/**
 * Each unit's place within its layer. Arcs longer than one layer get a stand-in on every layer
 * they cross, so they take part in the ordering; barycentre sweeps down and up, keeping the
 * order with the fewest crossings (the spec's order wins ties).
 */
function ordering(count: number, arcs: readonly [number, number][], layer: readonly number[]): number[] {
  const layers: number[][] = [];
  const layerOf: number[] = [...layer];
  const down: number[][] = Array.from({ length: count }, () => []);
  const up: number[][] = Array.from({ length: count }, () => []);
  let next = count;
  for (const [from, to] of arcs) {
    let previous = from;
    for (let l = (layer[from] ?? 0) + 1; l < (layer[to] ?? 0); l++) {
      const dummy = next++;
      layerOf[dummy] = l;
      down[dummy] = [];
      up[dummy] = [];
      down[previous]?.push(dummy);
      up[dummy]?.push(previous);
      previous = dummy;
    }
    down[previous]?.push(to);
    up[to]?.push(previous);
  }
  // First order: the spec's order, stand-ins after the units they come from.
  for (let v = 0; v < next; v++) (layers[layerOf[v] ?? 0] ??= []).push(v);
  const position = new Map<number, number>();
  const place = (rows: readonly number[][]) => rows.forEach((row) => row.forEach((v, i) => position.set(v, i)));
  place(layers);
  let best = layers.map((row) => [...row]);
  let bestCrossings = crossings(best);
  for (let sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
    const downward = sweep % 2 === 0;
    const range = downward ? [...layers.keys()].slice(1) : [...layers.keys()].reverse().slice(1);
    for (const l of range) {
      const row = layers[l] ?? [];
      const neighbours = downward ? up : down;
      const centre = new Map<number, number>();
      row.forEach((v, i) => {
        const near = (neighbours[v] ?? []).map((n) => position.get(n) ?? 0);
        centre.set(v, near.length > 0 ? near.reduce((a, b) => a + b, 0) / near.length : i);
      });
      row.sort((a, b) => (centre.get(a) ?? 0) - (centre.get(b) ?? 0) || (position.get(a) ?? 0) - (position.get(b) ?? 0));
      row.forEach((v, i) => position.set(v, i));
    }
    const now = crossings(layers);
    if (now < bestCrossings) {
      bestCrossings = now;
      best = layers.map((row) => [...row]);
    }
  }
  const order = new Array<number>(count).fill(0);
  for (const row of best) row.forEach((v, i) => v < count && (order[v] = i));
  return order;

  function crossings(rows: readonly number[][]): number {
    const at = new Map<number, number>();
    rows.forEach((row) => row.forEach((v, i) => at.set(v, i)));
    let total = 0;
    for (const row of rows) {
      const pairs: [number, number][] = [];
      for (const v of row) for (const w of down[v] ?? []) pairs.push([at.get(v) ?? 0, at.get(w) ?? 0]);
      for (let i = 0; i < pairs.length; i++) {
        for (let j = i + 1; j < pairs.length; j++) {
          const [a0, a1] = pairs[i] ?? [0, 0];
          const [b0, b1] = pairs[j] ?? [0, 0];
          if ((a0 - b0) * (a1 - b1) < 0) total++;
        }
      }
    }
    return total;
  }
}
