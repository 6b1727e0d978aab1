/** The brackets a stack's whole-stack arrows leave from or arrive at. */
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StackLayout } from '../../src/layout/types.js';

const OFFSET = 9;
const TICK = 5;

@customElement('cy-stack')
export class CyStack extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      display: block;
      z-index: 1;
      pointer-events: none;
    }
    svg {
      position: absolute;
      overflow: visible;
      left: 0;
      top: 0;
      fill: none;
      stroke: var(--cy-stack-bracket, var(--cy-color-line));
      stroke-width: 1.5;
      filter: var(--cy-line-glow, none);
    }
  `;

  @property({ attribute: false }) stack: StackLayout | undefined;

  override render() {
    const stack = this.stack;
    if (!stack) return nothing;
    const w = stack.rect.width;
    const h = stack.rect.height;
    const bracket = (side: StackLayout['brackets'][number]) => {
      switch (side) {
        case 'right':
          return svg`<path d="M ${w + OFFSET - TICK} 1 H ${w + OFFSET} V ${h - 1} H ${w + OFFSET - TICK}"></path>`;
        case 'left':
          return svg`<path d="M ${-OFFSET + TICK} 1 H ${-OFFSET} V ${h - 1} H ${-OFFSET + TICK}"></path>`;
        case 'bottom':
          return svg`<path d="M 1 ${h + OFFSET - TICK} V ${h + OFFSET} H ${w - 1} V ${h + OFFSET - TICK}"></path>`;
        case 'top':
          return svg`<path d="M 1 ${-OFFSET + TICK} V ${-OFFSET} H ${w - 1} V ${-OFFSET + TICK}"></path>`;
      }
    };
    return html`<svg width=${w} height=${h}>${stack.brackets.map(bracket)}</svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-stack': CyStack;
  }
}
