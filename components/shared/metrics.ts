/**
 * Reads the theme's layout tokens (CSS custom properties on the artboard) into the plain
 * LayoutMetrics the layout step takes. Each text role has six tokens:
 * --cy-text-<role>-family, -weight, -size, -line, -tracking, -case.
 */
import type { FontMetrics, LayoutMetrics } from '../../src/layout/types.js';

export const TEXT_ROLES = {
  title: 'title',
  subtitle: 'subtitle',
  tag: 'tag',
  bandTitle: 'band-title',
  nodeLabel: 'node-label',
  nodeRole: 'node-role',
  edgeLabel: 'edge-label',
  noteTitle: 'note-title',
  noteRole: 'note-role',
  legendTitle: 'legend-title',
  legendText: 'legend-text',
  badge: 'badge',
} as const satisfies Record<keyof LayoutMetrics['fonts'], string>;

export function readMetrics(element: Element): LayoutMetrics {
  const style = getComputedStyle(element);
  const raw = (name: string) => style.getPropertyValue(name).trim();
  const px = (name: string, fallback: number) => {
    const value = Number.parseFloat(raw(name));
    return Number.isFinite(value) ? value : fallback;
  };
  const font = (role: string): FontMetrics => {
    const size = px(`--cy-text-${role}-size`, 13);
    const line = raw(`--cy-text-${role}-line`);
    const lineValue = Number.parseFloat(line);
    return {
      family: raw(`--cy-text-${role}-family`) || 'sans-serif',
      weight: px(`--cy-text-${role}-weight`, 400),
      size,
      // A unitless line height multiplies the size, as in CSS.
      lineHeight: Number.isFinite(lineValue) ? (line.endsWith('px') ? lineValue : Math.round(lineValue * size)) : Math.round(size * 1.3),
      letterSpacing: px(`--cy-text-${role}-tracking`, 0),
      uppercase: raw(`--cy-text-${role}-case`) === 'uppercase',
    };
  };
  const fonts = Object.fromEntries(Object.entries(TEXT_ROLES).map(([key, role]) => [key, font(role)])) as unknown as LayoutMetrics['fonts'];
  return {
    margin: px('--cy-layout-margin', 32),
    fonts,
    nodeWidth: px('--cy-node-width', 196),
    nodePaddingX: px('--cy-node-padding-x', 10),
    nodePaddingY: px('--cy-node-padding-y', 8),
    iconSize: px('--cy-node-icon-size', 24),
    iconGap: px('--cy-node-icon-gap', 10),
    nodeGap: px('--cy-layout-node-gap', 28),
    columnGap: px('--cy-layout-column-gap', 28),
    edgeLabelMaxWidth: px('--cy-edge-label-max-width', 120),
    edgeLabelPaddingX: px('--cy-edge-label-padding-x', 5),
    edgeLabelPaddingY: px('--cy-edge-label-padding-y', 2),
    arrowSize: px('--cy-edge-arrow-size', 7),
    badgeSize: px('--cy-badge-size', 18),
    notePadding: px('--cy-note-padding', 10),
    legendPadding: px('--cy-legend-padding', 12),
    sectionGap: px('--cy-layout-section-gap', 16),
    minTextSize: px('--cy-text-min-size', 11),
  };
}
