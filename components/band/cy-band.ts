/** A swimlane for one band of the flow (build, image, runtime…), with its title. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BandLayout } from '../../src/layout/types.js';
import { placedBox, textBase, textRole } from '../shared/styles.js';
import { textBlock } from '../shared/text.js';

@customElement('cy-band')
export class CyBand extends LitElement {
  static override styles = [
    textBase,
    placedBox,
    css`
      :host {
        z-index: 0;
        border: var(--cy-band-border, 1px dashed var(--cy-color-line-dim));
        background: var(--cy-band-background, transparent);
        border-radius: var(--cy-band-radius, 4px);
      }
      .title {
        ${textRole('band-title')}
        color: var(--cy-band-title-color, var(--cy-color-text-dim));
      }
    `,
  ];

  @property({ attribute: false }) band: BandLayout | undefined;

  override render() {
    return this.band ? html`${textBlock(this.band.title, 'title', this.band.rect)}` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-band': CyBand;
  }
}
