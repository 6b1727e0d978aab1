/**
 * ELK's first layout in a process pays for its own start-up (~150 ms of class initialisation
 * and cold code). Running one small layout while the browser launches takes that off the
 * first real render.
 */
import { layoutSpec } from './layout.js';
import type { FontMetrics, LayoutMetrics, MeasureText } from './types.js';
import type { Spec } from '../spec/model.js';

const font: FontMetrics = { family: 'warm-up', weight: 400, size: 12, lineHeight: 16, letterSpacing: 0, uppercase: false };
const metrics: LayoutMetrics = {
  margin: 32,
  fonts: {
    title: font,
    subtitle: font,
    tag: font,
    bandTitle: font,
    nodeLabel: font,
    nodeRole: font,
    edgeLabel: font,
    noteTitle: font,
    noteRole: font,
    legendTitle: font,
    legendText: font,
    badge: font,
  },
  nodeWidth: 200,
  nodePaddingX: 10,
  nodePaddingY: 8,
  iconSize: 24,
  iconGap: 10,
  nodeGap: 26,
  columnGap: 28,
  edgeLabelMaxWidth: 120,
  edgeLabelPaddingX: 6,
  edgeLabelPaddingY: 3,
  arrowSize: 7,
  badgeSize: 18,
  notePadding: 12,
  legendPadding: 12,
  sectionGap: 16,
  minTextSize: 11,
};
const measure: MeasureText = (text) => text.length * 7;

const spec: Spec = {
  title: 'warm-up',
  archetype: 'HOW-IT-WORKS',
  theme: 'blueprint',
  size: { width: 1024, height: 1024 },
  components: ['a', 'b', 'c', 'd'].map((id, i) => ({
    id,
    label: id,
    band: i < 2 ? 'one' : 'two',
    stack: id === 'c' || id === 'd' ? 's' : undefined,
  })),
  stacks: [{ id: 's', members: ['c', 'd'] }],
  connections: [
    { id: 'ab', from: ['a'], to: 'b', label: 'x' },
    { id: 'ac', from: ['a'], to: 'c', label: 'y' },
    { id: 'm', from: ['b', 's'], to: 'd', label: 'z' },
  ],
  notes: [],
  legend: [],
};

export async function warmLayout(): Promise<void> {
  await layoutSpec(spec, metrics, measure);
}
