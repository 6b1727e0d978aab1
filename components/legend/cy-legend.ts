/** The numbered legend: each step's badge and text. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { LegendLayout } from '../../src/layout/types.js';
import '../badge/cy-badge.js';
import { placedBox, textBase, textRole } from '../shared/styles.js';
import { textBlock } from '../shared/text.js';

@customElement('cy-legend')
export class CyLegend extends LitElement {
  static override styles = [
    textBase,
    placedBox,
    css`
      :host {
        background: var(--cy-legend-background, var(--cy-color-panel));
        border: var(--cy-legend-border, 1px solid var(--cy-color-line-dim));
        border-radius: var(--cy-legend-radius, 2px);
      }
      .title {
        ${textRole('legend-title')}
        color: var(--cy-legend-title-color, var(--cy-color-accent));
      }
      .step {
        ${textRole('legend-text')}
        color: var(--cy-legend-text-color, var(--cy-color-text));
      }
    `,
  ];

  @property({ attribute: false }) legend: LegendLayout | undefined;

  override render() {
    const legend = this.legend;
    if (!legend) return nothing;
    const o = legend.rect;
    return html`${textBlock(legend.title, 'title', o)}
    ${legend.steps.map(
      (step) =>
        html`<cy-badge
            .number=${step.number}
            style=${styleMap({ left: `${step.badge.x - o.x}px`, top: `${step.badge.y - o.y}px`, width: `${step.badge.width}px`, height: `${step.badge.height}px` })}
          ></cy-badge>
          ${textBlock(step.text, 'step', o)}`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-legend': CyLegend;
  }
}
