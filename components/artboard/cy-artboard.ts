/**
 * The artboard root. Given a document and its layout it draws every part, waits until all of
 * them have rendered and painted, and only then reports "rendered" (attribute
 * data-cyanotype-state and the `rendered` promise) so a screenshot never catches a half-drawn
 * picture. Layout itself happens elsewhere (Node, or page/main-full.ts).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ARTBOARD_ATTRIBUTE, STATE_ATTRIBUTE, type ArtboardState, type RenderDocument } from '../../src/document.js';
import type { Layout, Rect } from '../../src/layout/types.js';
import '../badge/cy-badge.js';
import '../band/cy-band.js';
import '../connection/cy-connection.js';
import '../connection/cy-lines.js';
import '../effects/cy-effects.js';
import '../legend/cy-legend.js';
import '../node/cy-node.js';
import '../note/cy-note.js';
import '../stack/cy-stack.js';
import '../title/cy-title.js';

const place = (r: Rect) => styleMap({ left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` });

@customElement('cy-artboard')
export class CyArtboard extends LitElement {
  static override styles = css`
    :host {
      position: relative;
      display: block;
      overflow: hidden;
      background: var(--cy-color-ground);
      color: var(--cy-color-text);
      -webkit-font-smoothing: antialiased;
    }
    .diagram {
      position: absolute;
      left: 0;
      top: 0;
      transform-origin: 0 0;
      z-index: 2;
    }
    .frame {
      position: absolute;
      inset: 0;
      z-index: 3;
      pointer-events: none;
    }
    .frame > * {
      pointer-events: auto;
    }
    .error {
      position: absolute;
      inset: 24px;
      z-index: 20;
      font: 14px/1.4 monospace;
      color: #ffb4b4;
      white-space: pre-wrap;
    }
  `;

  @property({ attribute: false }) document: RenderDocument | undefined;
  @property({ attribute: false }) layout: Layout | undefined;
  @state() private failure: string | undefined;

  private settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  /** Resolves when the current document is fully drawn; rejects when it cannot be laid out. */
  rendered: Promise<void> = Promise.resolve();
  private generation = 0;

  override connectedCallback() {
    super.connectedCallback();
    this.setAttribute(ARTBOARD_ATTRIBUTE, '');
  }

  override willUpdate(changed: Map<string, unknown>) {
    if ((changed.has('document') || changed.has('layout')) && this.document && this.layout) {
      this.failure = undefined;
      this.style.width = `${this.layout.width}px`;
      this.style.height = `${this.layout.height}px`;
      this.setState('laying-out');
      this.rendered = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
      // A rejection nobody awaits must not surface as an unhandled error in the page.
      this.rendered.catch(() => undefined);
      void this.settleWhenDrawn(++this.generation);
    }
  }

  /** Shows a failure in place of the picture (the dev page uses this for invalid specs). */
  fail(message: string) {
    this.failure = message;
    this.setState('error');
    this.settle?.reject(new Error(message));
  }

  private setState(state: ArtboardState) {
    this.setAttribute(STATE_ATTRIBUTE, state);
  }

  private async settleWhenDrawn(generation: number) {
    try {
      await this.updateComplete;
      const parts = [...(this.shadowRoot?.querySelectorAll('*') ?? [])].filter((el): el is LitElement => el instanceof LitElement);
      await Promise.all(parts.map((p) => p.updateComplete));
      await document.fonts.ready;
      // No waiting for animation frames: the DOM, styles and fonts are final here, and a
      // screenshot paints a fresh frame of exactly this state (baselines pixel-identical).
      if (generation !== this.generation) return;
      this.setState('rendered');
      this.settle?.resolve();
      this.dispatchEvent(new CustomEvent('cyanotype-rendered', { bubbles: true, composed: true }));
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  override render() {
    const doc = this.document;
    const layout = this.layout;
    if (this.failure) return html`<div class="error">${this.failure}</div>`;
    if (!doc || !layout) return html`<cy-effects layer="ground"></cy-effects>`;
    const d = layout.diagram;
    const arrowSize = Number.parseFloat(getComputedStyle(this).getPropertyValue('--cy-edge-arrow-size')) || 7;
    return html`<cy-effects layer="ground"></cy-effects>
      <div
        class="diagram"
        style=${styleMap({ transform: `translate(${d.origin.x}px, ${d.origin.y}px) scale(${d.scale})`, width: `${d.width}px`, height: `${d.height}px` })}
      >
        ${d.bands.map((b) => html`<cy-band .band=${b} style=${place(b.rect)}></cy-band>`)}
        ${d.stacks.map((s) => html`<cy-stack .stack=${s} style=${place(s.rect)}></cy-stack>`)}
        <cy-lines .connections=${d.connections} .arrowSize=${arrowSize}></cy-lines>
        ${d.connections.map((c) => html`<cy-connection .connection=${c}></cy-connection>`)}
        ${d.nodes.map((n) => html`<cy-node .node=${n} .icon=${n.icon ? doc.icons[n.icon] : undefined} style=${place(n.rect)}></cy-node>`)}
        ${d.badges.map((b) => html`<cy-badge .number=${b.number} data-target=${b.target} style=${place(b.rect)}></cy-badge>`)}
      </div>
      <div class="frame">
        <cy-title .layout=${layout}></cy-title>
        ${layout.notes.map((n) => html`<cy-note .note=${n} style=${place(n.rect)}></cy-note>`)}
        ${layout.legend ? html`<cy-legend .legend=${layout.legend} style=${place(layout.legend.rect)}></cy-legend>` : nothing}
      </div>
      <cy-effects layer="overlay"></cy-effects>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-artboard': CyArtboard;
  }
}
