/** A component box: icon, label and role, positioned and sized by layout. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { IconNode } from '../../src/icons/icons.js';
import type { NodeLayout } from '../../src/layout/types.js';
import '../icon/cy-icon.js';
import { placedBox, textBase, textRole } from '../shared/styles.js';
import { textBlock } from '../shared/text.js';

@customElement('cy-node')
export class CyNode extends LitElement {
  static override styles = [
    textBase,
    placedBox,
    css`
      :host {
        z-index: 2;
      }
      .box {
        position: absolute;
        inset: 0;
        box-sizing: border-box;
        background: var(--cy-node-background, var(--cy-color-panel));
        border: var(--cy-node-border-width, 1.5px) solid var(--cy-node-border, var(--cy-color-line));
        border-radius: var(--cy-node-radius, 3px);
        box-shadow: var(--cy-node-shadow, none);
      }
      :host([stacked]) .box {
        border-radius: 0;
      }
      :host([stacked='bottom']) .box {
        border-top-width: 0;
        border-radius: 0 0 var(--cy-node-radius, 3px) var(--cy-node-radius, 3px);
      }
      :host([stacked='middle']) .box {
        border-top-width: 0;
      }
      :host([stacked='top']) .box {
        border-radius: var(--cy-node-radius, 3px) var(--cy-node-radius, 3px) 0 0;
      }
      .label {
        ${textRole('node-label')}
        color: var(--cy-node-label-color, var(--cy-color-text));
        text-shadow: var(--cy-text-glow, none);
      }
      .role {
        ${textRole('node-role')}
        color: var(--cy-node-role-color, var(--cy-color-text-dim));
      }
      cy-icon {
        position: absolute;
      }
    `,
  ];

  @property({ attribute: false }) node: NodeLayout | undefined;
  @property({ attribute: false }) icon: IconNode | undefined;

  override willUpdate() {
    const stack = this.node?.stack;
    if (!stack || stack.count < 2) this.removeAttribute('stacked');
    else this.setAttribute('stacked', stack.index === 0 ? 'bottom' : stack.index === stack.count - 1 ? 'top' : 'middle');
    this.dataset['component'] = this.node?.id ?? '';
  }

  override render() {
    const node = this.node;
    if (!node) return nothing;
    const origin = node.rect;
    const icon = node.iconRect;
    return html`<div class="box"></div>
      ${
        icon && this.icon
          ? html`<cy-icon
              .icon=${this.icon}
              style=${styleMap({ left: `${icon.x - origin.x}px`, top: `${icon.y - origin.y}px`, width: `${icon.width}px`, height: `${icon.height}px` })}
            ></cy-icon>`
          : nothing
      }
      ${textBlock(node.label, 'label', origin)} ${node.role ? textBlock(node.role, 'role', origin) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-node': CyNode;
  }
}
