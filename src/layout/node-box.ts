/** The inside of a component box: icon on the left, label above role, both wrapped to fit. */
import type { Component } from '../spec/model.js';
import { ceilPx, fitText, type WrappedText } from './text.js';
import type { LayoutMetrics, MeasureText } from './types.js';

export interface NodeBoxSize {
  readonly width: number;
  readonly height: number;
  readonly label: WrappedText;
  readonly role: WrappedText | undefined;
  readonly hasIcon: boolean;
}

export function measureNodeBox(component: Component, metrics: LayoutMetrics, measure: MeasureText, width = metrics.nodeWidth): NodeBoxSize {
  const hasIcon = component.icon !== undefined;
  const textWidth = width - 2 * metrics.nodePaddingX - (hasIcon ? metrics.iconSize + metrics.iconGap : 0);
  const label = fitText(component.label, metrics.fonts.nodeLabel, textWidth, measure, metrics.minTextSize);
  const role =
    component.role === undefined ? undefined : fitText(component.role, metrics.fonts.nodeRole, textWidth, measure, metrics.minTextSize);
  const textHeight = label.height + (role ? role.height + 2 : 0);
  const height = ceilPx(2 * metrics.nodePaddingY + Math.max(textHeight, hasIcon ? metrics.iconSize : 0));
  return { width, height, label, role, hasIcon };
}

/** Offsets of the icon and text inside a box of the given size. */
export function nodeBoxContent(size: NodeBoxSize, metrics: LayoutMetrics) {
  const textX = metrics.nodePaddingX + (size.hasIcon ? metrics.iconSize + metrics.iconGap : 0);
  const textHeight = size.label.height + (size.role ? size.role.height + 2 : 0);
  const textY = (size.height - textHeight) / 2;
  return {
    icon: size.hasIcon
      ? { x: metrics.nodePaddingX, y: (size.height - metrics.iconSize) / 2, width: metrics.iconSize, height: metrics.iconSize }
      : undefined,
    label: { x: textX, y: textY },
    role: { x: textX, y: textY + size.label.height + 2 },
    textWidth: size.width - textX - metrics.nodePaddingX,
  };
}
