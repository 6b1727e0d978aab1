/** Metrics and a measurer for layout tests: a monospace-like font where each character is 0.6 em. */
import type { FontMetrics, LayoutMetrics, MeasureText } from '../../src/layout/types.js';

const font = (size: number, weight = 400): FontMetrics => ({
  family: 'Test Mono',
  weight,
  size,
  lineHeight: Math.round(size * 1.3),
  letterSpacing: 0,
  uppercase: false,
});

export const fakeMetrics: LayoutMetrics = {
  margin: 32,
  fonts: {
    title: font(30, 700),
    subtitle: font(14),
    tag: font(12, 600),
    bandTitle: font(12, 600),
    nodeLabel: font(13, 600),
    nodeRole: font(11.5),
    edgeLabel: font(11),
    noteTitle: font(13, 600),
    noteRole: font(12),
    legendTitle: font(13, 700),
    legendText: font(12.5),
    badge: font(11, 700),
  },
  nodeWidth: 196,
  nodePaddingX: 10,
  nodePaddingY: 8,
  iconSize: 24,
  iconGap: 10,
  nodeGap: 28,
  columnGap: 28,
  edgeLabelMaxWidth: 120,
  edgeLabelPaddingX: 5,
  edgeLabelPaddingY: 2,
  arrowSize: 7,
  badgeSize: 18,
  notePadding: 10,
  legendPadding: 12,
  sectionGap: 16,
  minTextSize: 11,
};

export const fakeMeasure: MeasureText = (text, f) => text.length * f.size * 0.6 + Math.max(0, text.length - 1) * f.letterSpacing;
