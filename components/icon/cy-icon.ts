/**
 * A lucide icon drawn from its data (element names and attributes), never from markup. Only the
 * SVG shapes lucide uses are drawn, and only geometry attributes are copied, so icon data
 * cannot smuggle in script, links or foreign content.
 */
import { LitElement, css, html, nothing, svg, type SVGTemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { IconNode } from '../../src/icons/icons.js';

const GEOMETRY = ['d', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'points'] as const;
type Attrs = Readonly<Record<string, string | number>>;

function shape(tag: string, a: Attrs): SVGTemplateResult | typeof nothing {
  const get = (name: (typeof GEOMETRY)[number]) => (a[name] === undefined ? nothing : String(a[name]));
  switch (tag) {
    case 'path':
      return svg`<path d=${get('d')}></path>`;
    case 'circle':
      return svg`<circle cx=${get('cx')} cy=${get('cy')} r=${get('r')}></circle>`;
    case 'ellipse':
      return svg`<ellipse cx=${get('cx')} cy=${get('cy')} rx=${get('rx')} ry=${get('ry')}></ellipse>`;
    case 'rect':
      return svg`<rect x=${get('x')} y=${get('y')} width=${get('width')} height=${get('height')} rx=${get('rx')} ry=${get('ry')}></rect>`;
    case 'line':
      return svg`<line x1=${get('x1')} y1=${get('y1')} x2=${get('x2')} y2=${get('y2')}></line>`;
    case 'polyline':
      return svg`<polyline points=${get('points')}></polyline>`;
    case 'polygon':
      return svg`<polygon points=${get('points')}></polygon>`;
    default:
      return nothing;
  }
}

@customElement('cy-icon')
export class CyIcon extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--cy-node-icon-color, var(--cy-color-line));
      filter: var(--cy-node-icon-glow, none);
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
      fill: none;
      stroke: currentColor;
      stroke-width: var(--cy-node-icon-stroke, 1.75);
      stroke-linecap: round;
      stroke-linejoin: round;
    }
  `;

  @property({ attribute: false }) icon: IconNode | undefined;

  override render() {
    if (!this.icon) return nothing;
    // A spec's own icon carries its viewBox on a leading "svg" element (four numbers, checked in Node).
    const box = this.icon.find(([tag]) => tag === 'svg')?.[1]['viewBox'];
    const viewBox = typeof box === 'string' && /^[\d.\s+-]+$/.test(box) ? box : '0 0 24 24';
    return html`<svg viewBox=${viewBox} aria-hidden="true">${this.icon.map(([tag, attrs]) => shape(tag, attrs))}</svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-icon': CyIcon;
  }
}
