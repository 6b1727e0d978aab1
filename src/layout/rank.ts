/**
 * Which layer of the flow each unit belongs to, and its order within the layer, from ELK's
 * layered algorithm (network-simplex layering, layer-sweep crossing minimisation). Columns are
 * then made from these layers (columns.ts), so the flow reads left to right and top to bottom.
 */
import { elk, type ElkNode } from './elk.js';
import type { UnitGraph } from './graph.js';

export interface Rank {
  readonly layer: number;
  readonly order: number;
}

export async function rankUnits(graph: UnitGraph, size: (unit: string) => { width: number; height: number }): Promise<Map<string, Rank>> {
  const seen = new Set<string>();
  const root: ElkNode = {
    id: 'rank-root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.spacing.nodeNode': '20',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
    },
    children: graph.units.map((unit) => ({ id: unit.id, ...size(unit.id) })),
    edges: graph.edges
      .filter((edge) => {
        const key = `${edge.from.unit}->${edge.to.unit}`;
        if (edge.from.unit === edge.to.unit || seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((edge) => ({ id: edge.id, sources: [edge.from.unit], targets: [edge.to.unit] })),
  };
  const result = await (await elk()).layout(root);
  const placed = (result.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, w: c.width ?? 0 }));
  // Layers are the distinct left edges ELK gave; nodes in one layer share it within rounding.
  const lefts = [...new Set(placed.map((p) => Math.round(p.x)))].sort((a, b) => a - b);
  const ranks = new Map<string, Rank>();
  for (const p of placed) {
    const layer = lefts.findIndex((left) => Math.abs(left - Math.round(p.x)) < 1);
    ranks.set(p.id, { layer, order: p.y });
  }
  return ranks;
}
