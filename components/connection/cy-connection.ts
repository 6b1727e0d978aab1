/**
 * One connection: its orthogonal arrow, the feeders of a merge with their junction dot, and its
 * label on a plate the arrow runs through. Lines sit under boxes, labels over every line.
 */
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ConnectionLayout, Point } from '../../src/layout/types.js';
import { textBase, textRole } from '../shared/styles.js';
import { textBlock } from '../shared/text.js';

@customElement('cy-connection')
export class CyConnection extends LitElement {
  static override styles = [
    textBase,
    css`
      :host {
        position: absolute;
        left: 0;
        top: 0;
        display: block;
        pointer-events: none;
      }
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
      .plate {
        position: absolute;
        z-index: 3;
        box-sizing: border-box;
        background: var(--cy-edge-label-background, var(--cy-color-ground));
        border: 1px solid var(--cy-edge-label-border, var(--cy-color-line-dim));
        border-radius: var(--cy-edge-label-radius, 2px);
      }
      .label {
        z-index: 4;
        ${textRole('edge-label')}
        color: var(--cy-edge-label-color, var(--cy-color-text));
      }
    `,
  ];

  @property({ attribute: false }) connection: ConnectionLayout | undefined;
  @property({ type: Number }) arrowSize = 7;

  override willUpdate() {
    this.dataset['connection'] = this.connection?.id ?? '';
  }

  override render() {
    const c = this.connection;
    if (!c || c.path.length < 2) return nothing;
    const { line, head } = arrow(c.path, this.arrowSize);
    const plate = c.labelPlate;
    return html`<svg width="1" height="1">
        ${c.feeders.map((f) => svg`<polyline class="line" points=${points(f)}></polyline>`)}
        <polyline class="line" points=${points(line)}></polyline>
        <polygon class="head" points=${points(head)}></polygon>
        ${c.junction ? svg`<circle class="junction" cx=${c.junction.x} cy=${c.junction.y} r="3.5"></circle>` : nothing}
      </svg>
      ${
        plate
          ? html`<div
              class="plate"
              style=${styleMap({ left: `${plate.x}px`, top: `${plate.y}px`, width: `${plate.width}px`, height: `${plate.height}px` })}
            ></div>`
          : nothing
      }
      ${c.label ? textBlock(c.label, 'label') : nothing}`;
  }
}

const points = (ps: readonly Point[]) => ps.map((p) => `${round(p.x)},${round(p.y)}`).join(' ');
const round = (n: number) => Math.round(n * 100) / 100;

/** The line stops where the arrowhead starts, so the stroke never pokes through the tip. */
function arrow(path: readonly Point[], size: number): { line: Point[]; head: Point[] } {
  const tip = path[path.length - 1] ?? { x: 0, y: 0 };
  const before = path[path.length - 2] ?? tip;
  const length = Math.hypot(tip.x - before.x, tip.y - before.y) || 1;
  const ux = (tip.x - before.x) / length;
  const uy = (tip.y - before.y) / length;
  const back = { x: tip.x - ux * size * 1.4, y: tip.y - uy * size * 1.4 };
  const half = size * 0.6;
  const head = [tip, { x: back.x - uy * half, y: back.y + ux * half }, { x: back.x + uy * half, y: back.y - ux * half }];
  return { line: [...path.slice(0, -1), back], head };
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-connection': CyConnection;
  }
}
