import { describe, expect, it } from 'vitest';
import type { UnitGraph } from '../../src/layout/graph.js';
import { rankUnits } from '../../src/layout/rank.js';

/** A graph of plain units from `a>b` arcs, units in the order they are named (or as listed first). */
function graph(...arcs: string[]): UnitGraph {
  return graphOf([], ...arcs);
}

function graphOf(order: readonly string[], ...arcs: string[]): UnitGraph {
  const ids: string[] = [...order];
  const edges = arcs.map((arc, i) => {
    const [from = '', to = ''] = arc.split('>');
    for (const id of [from, to]) if (!ids.includes(id)) ids.push(id);
    return { id: `e${i}`, connection: `e${i}`, from: { unit: from }, to: { unit: to }, main: true };
  });
  return { units: ids.map((id) => ({ id, kind: 'node' as const, members: [id], band: undefined })), edges, bands: [] };
}

describe('rankUnits', () => {
  it('puts every arrow of an acyclic flow from an earlier layer to a later one', () => {
    const g = graph('a>b', 'a>c', 'b>d', 'c>d', 'd>e', 'b>e');
    const ranks = rankUnits(g);
    for (const edge of g.edges) expect(ranks.get(edge.to.unit)!.layer).toBeGreaterThan(ranks.get(edge.from.unit)!.layer);
    expect(ranks.get('a')!.layer).toBe(0);
  });

  it('turns round one arrow of a cycle, the one that closes it in the spec’s order', () => {
    const ranks = rankUnits(graph('a>b', 'b>c', 'c>a'));
    expect([ranks.get('a')!.layer, ranks.get('b')!.layer, ranks.get('c')!.layer]).toEqual([0, 1, 2]);
  });

  it('places a unit that only feeds a late one right before it, not at the start', () => {
    // config feeds only the last step of a four-step chain.
    const ranks = rankUnits(graph('a>b', 'b>c', 'c>d', 'config>d'));
    expect(ranks.get('config')!.layer).toBe(ranks.get('d')!.layer - 1);
  });

  it('orders a layer so arrows do not cross when they need not', () => {
    // In the spec's order (a, b over c, d) the two arrows cross.
    const ranks = rankUnits(graphOf(['a', 'b', 'c', 'd'], 'a>d', 'b>c'));
    expect(ranks.get('a')!.order < ranks.get('b')!.order).toBe(ranks.get('d')!.order < ranks.get('c')!.order);
  });

  it('keeps the spec’s order where crossings do not decide it', () => {
    const ranks = rankUnits(graph('root>x', 'root>y', 'root>z'));
    expect([ranks.get('x')!.order, ranks.get('y')!.order, ranks.get('z')!.order]).toEqual([0, 1, 2]);
  });

  it('ignores an arrow from a unit to itself and repeats of one arrow', () => {
    const ranks = rankUnits(graph('a>a', 'a>b', 'a>b'));
    expect(ranks.get('a')!.layer).toBe(0);
    expect(ranks.get('b')!.layer).toBe(1);
  });
});
