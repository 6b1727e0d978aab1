/**
 * Every connection's line, arrowhead, merge feeders and junction dot, in one SVG under the
 * theme's line glow. One filter for all of them: where arrows share a segment (a fan-out trunk,
 * a bus of arrows from one source) it glows as any other line does, where a glow per arrow
 * stacked up there; and the glow is blurred once, not once per arrow. Labels and their plates
 * are each connection's own (cy-connection), over every line.
 */
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConnectionLayout } from '../../src/layout/types.js';
import { diagramOverlay } from '../shared/styles.js';
import { arrow, points } from './arrow.js';

@customElement('cy-lines')
export class CyLines extends LitElement {
  static override styles = [
    diagramOverlay,
    css`
    svg {
      position: absolute;
      left: 0;
      top: 0;
      overflow: visible;
      z-index: 1;
      filter: var(--cy-line-glow, none);
    }
    .line {
      fill: none;
      stroke: var(--cy-edge-color, var(--cy-color-line));
      stroke-width: var(--cy-edge-width, 1.5px);
      stroke-linejoin: round;
    }
    .head,
    .junction {
      fill: var(--cy-edge-color, var(--cy-color-line));
      stroke: none;
    }
  `,
  ];

  @property({ attribute: false }) connections: readonly ConnectionLayout[] = [];
  @property({ type: Number }) arrowSize = 7;

  override render() {
    const drawn = this.connections.filter((c) => c.path.length >= 2);
    return html`<svg width="1" height="1">${drawn.map((c) => {
      const { line, head } = arrow(c.path, this.arrowSize);
      return svg`${c.feeders.map((f) => svg`<polyline class="line" points=${points(f)}></polyline>`)}
        <polyline class="line" points=${points(line)}></polyline>
        <polygon class="head" points=${points(head)}></polygon>
        ${c.junction ? svg`<circle class="junction" cx=${c.junction.x} cy=${c.junction.y} r="3.5"></circle>` : nothing}`;
    })}</svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-lines': CyLines;
  }
}
