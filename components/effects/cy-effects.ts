/**
 * The theme's background and effect layers. `layer="ground"` paints under everything (paper,
 * grid); `layer="overlay"` paints over everything (scanlines, vignette). Both are pure CSS
 * from tokens, so a theme turns an effect off by setting its token to `none`.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('cy-effects')
export class CyEffects extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      display: block;
      pointer-events: none;
    }
    .layer {
      position: absolute;
      inset: 0;
    }
    :host([layer='ground']) {
      z-index: 0;
      background: var(--cy-ground, var(--cy-color-ground));
    }
    :host([layer='ground']) .grid {
      background-image: var(--cy-grid-image, none);
      background-size: var(--cy-grid-size, auto);
      background-position: var(--cy-grid-position, 0 0);
    }
    :host([layer='ground']) .glow {
      background: var(--cy-ground-glow, none);
    }
    :host([layer='overlay']) {
      z-index: 10;
    }
    :host([layer='overlay']) .scanlines {
      background: var(--cy-scanlines, none);
    }
    :host([layer='overlay']) .vignette {
      background: var(--cy-vignette, none);
    }
  `;

  @property({ reflect: true }) layer: 'ground' | 'overlay' = 'ground';

  override render() {
    return this.layer === 'ground'
      ? html`<div class="layer glow"></div>
          <div class="layer grid"></div>`
      : html`<div class="layer scanlines"></div>
          <div class="layer vignette"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-effects': CyEffects;
  }
}
