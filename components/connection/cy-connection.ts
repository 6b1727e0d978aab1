/**
 * One connection's label, on a plate its arrow runs through. The arrows themselves are drawn
 * together, under boxes (cy-lines); labels sit over every line.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ConnectionLayout } from '../../src/layout/types.js';
import { diagramOverlay, textBase, textRole } from '../shared/styles.js';
import { textBlock } from '../shared/text.js';

@customElement('cy-connection')
export class CyConnection extends LitElement {
  static override styles = [
    textBase,
    diagramOverlay,
    css`
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

  override willUpdate() {
    this.dataset['connection'] = this.connection?.id ?? '';
  }

  override render() {
    const c = this.connection;
    if (!c || c.path.length < 2) return nothing;
    const plate = c.labelPlate;
    return html`      ${
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

declare global {
  interface HTMLElementTagNameMap {
    'cy-connection': CyConnection;
  }
}
