/**
 * The spec as a graph of layout units: a unit is a lone component, a whole stack, or the
 * junction where a many-source connection merges. Edges join units (and, inside a stack, a
 * particular member).
 */
import type { Connection, Spec } from '../spec/model.js';
import type { WrappedText } from './text.js';

export type UnitKind = 'node' | 'stack' | 'junction';

export interface Unit {
  readonly id: string;
  readonly kind: UnitKind;
  /** Component ids: one for a node, the members (bottom first) for a stack, none for a junction. */
  readonly members: readonly string[];
  readonly band: string | undefined;
}

export interface EndPoint {
  readonly unit: string;
  /** The component inside a stack the edge attaches to; undefined for the stack as a whole. */
  readonly member?: string | undefined;
}

export interface UnitEdge {
  readonly id: string;
  readonly connection: string;
  readonly from: EndPoint;
  readonly to: EndPoint;
  /** Only the main edge of a connection carries its label and its arrowhead. */
  readonly main: boolean;
  readonly label?: WrappedText | undefined;
}

export interface UnitGraph {
  readonly units: readonly Unit[];
  readonly edges: readonly UnitEdge[];
  /** Band names in order of first use; empty when the spec sets none. */
  readonly bands: readonly string[];
}

export const junctionId = (connection: Connection): string => `${connection.id}~merge`;

export function buildUnitGraph(spec: Spec, labelOf: (connection: Connection) => WrappedText | undefined): UnitGraph {
  const units: Unit[] = [];
  const unitOfComponent = new Map<string, string>();
  const seenStacks = new Set<string>();
  for (const component of spec.components) {
    if (component.stack === undefined) {
      units.push({ id: component.id, kind: 'node', members: [component.id], band: component.band });
      unitOfComponent.set(component.id, component.id);
      continue;
    }
    unitOfComponent.set(component.id, component.stack);
    if (seenStacks.has(component.stack)) continue;
    seenStacks.add(component.stack);
    const stack = spec.stacks.find((s) => s.id === component.stack);
    units.push({ id: component.stack, kind: 'stack', members: stack?.members ?? [component.id], band: component.band });
  }

  const endPoint = (id: string): EndPoint => {
    if (seenStacks.has(id)) return { unit: id };
    const unit = unitOfComponent.get(id) ?? id;
    return unit === id ? { unit } : { unit, member: id };
  };

  const edges: UnitEdge[] = [];
  const bandOf = (unit: string) => units.find((u) => u.id === unit)?.band;
  for (const connection of spec.connections) {
    const label = labelOf(connection);
    const to = endPoint(connection.to);
    if (connection.from.length === 1) {
      edges.push({ id: connection.id, connection: connection.id, from: endPoint(connection.from[0] ?? ''), to, main: true, label });
      continue;
    }
    const junction = junctionId(connection);
    // Just before its target in the spec's order, which the ranking's order follows on ties.
    const targetIndex = units.findIndex((u) => u.id === to.unit);
    units.splice(targetIndex < 0 ? units.length : targetIndex, 0, { id: junction, kind: 'junction', members: [], band: bandOf(to.unit) });
    connection.from.forEach((source, i) => {
      edges.push({ id: `${connection.id}~${i}`, connection: connection.id, from: endPoint(source), to: { unit: junction }, main: false });
    });
    edges.push({ id: connection.id, connection: connection.id, from: { unit: junction }, to, main: true, label });
  }

  const bands: string[] = [];
  for (const component of spec.components) {
    if (component.band !== undefined && !bands.includes(component.band)) bands.push(component.band);
  }
  return { units, edges, bands };
}
