/** A legend step's number, on the legend and on the parts of the diagram the step explains. */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { textRole } from '../shared/styles.js';

@customElement('cy-badge')
export class CyBadge extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      display: flex;
      align-items: center;
      justify-content: center;
      box-sizing: border-box;
      z-index: 5;
      border-radius: 50%;
      background: var(--cy-badge-background, var(--cy-color-accent));
      border: var(--cy-badge-border, 1.5px solid var(--cy-color-ground));
      box-shadow: var(--cy-badge-shadow, none);
      ${textRole('badge')}
      color: var(--cy-badge-color, var(--cy-color-ground));
    }
    /* Two digits still fit the round badge. */
    :host([data-digits='2']) {
      font-size: calc(var(--cy-text-badge-size) - 2px);
      letter-spacing: -0.5px;
    }
  `;

  @property({ type: Number, reflect: true }) number = 0;

  override willUpdate() {
    this.dataset['digits'] = String(String(this.number).length);
  }

  override render() {
    return html`${this.number}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-badge': CyBadge;
  }
}
