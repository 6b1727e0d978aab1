/**
 * A lucide icon (or a spec's own, reduced to the same data) drawn from its data — element names
 * and attributes — never from markup. Only the shapes of src/icons/shapes.ts are drawn, with only
 * their geometry attributes, so icon data cannot smuggle in script, links or foreign content.
 */
import { LitElement, css, html, nothing, svg, type SVGTemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { IconNode } from '../../src/icons/icons.js';
import { isShapeTag, SHAPES, type ShapeTag } from '../../src/icons/shapes.js';

type Attrs = Readonly<Record<string, string | number>>;

/** Draws one shape of src/icons/shapes.ts; the `never` below stops a shape added there from going undrawn. */
function shape(tag: string, a: Attrs): SVGTemplateResult | typeof nothing {
  if (!isShapeTag(tag)) return nothing;
  const get = <T extends ShapeTag>(_: T, name: (typeof SHAPES)[T][number]) => (a[name] === undefined ? nothing : String(a[name]));
  switch (tag) {
    case 'path':
      return svg`<path d=${get(tag, 'd')}></path>`;
    case 'circle':
      return svg`<circle cx=${get(tag, 'cx')} cy=${get(tag, 'cy')} r=${get(tag, 'r')}></circle>`;
    case 'ellipse':
      return svg`<ellipse cx=${get(tag, 'cx')} cy=${get(tag, 'cy')} rx=${get(tag, 'rx')} ry=${get(tag, 'ry')}></ellipse>`;
    case 'rect':
      return svg`<rect x=${get(tag, 'x')} y=${get(tag, 'y')} width=${get(tag, 'width')} height=${get(tag, 'height')} rx=${get(tag, 'rx')} ry=${get(tag, 'ry')}></rect>`;
    case 'line':
      return svg`<line x1=${get(tag, 'x1')} y1=${get(tag, 'y1')} x2=${get(tag, 'x2')} y2=${get(tag, 'y2')}></line>`;
    case 'polyline':
      return svg`<polyline points=${get(tag, 'points')}></polyline>`;
    case 'polygon':
      return svg`<polygon points=${get(tag, 'points')}></polygon>`;
    default: {
      const unhandled: never = tag;
      return unhandled;
    }
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
