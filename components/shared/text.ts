/** Draws a TextBlock as the exact lines layout planned, positioned relative to a parent box. */
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Rect, TextBlock } from '../../src/layout/types.js';

export function textBlock(block: TextBlock, className: string, parent: Pick<Rect, 'x' | 'y'> = { x: 0, y: 0 }): TemplateResult {
  const style: Record<string, string> = {
    left: `${block.rect.x - parent.x}px`,
    top: `${block.rect.y - parent.y}px`,
    width: `${Math.ceil(block.rect.width) + 2}px`,
  };
  if (block.shrunk) {
    style['font-size'] = `${block.shrunk.size}px`;
    style['line-height'] = `${block.shrunk.lineHeight}px`;
  }
  return html`<div class="text ${className}" data-text=${block.text} style=${styleMap(style)}>
    ${block.lines.map((line) => html`<span class="line">${line}</span>`)}
  </div>`;
}
