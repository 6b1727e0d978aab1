/** The artboard's heading: title, optional subtitle, archetype tag and the rule beneath. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Layout } from '../../src/layout/types.js';
import { textBase, textRole } from '../shared/styles.js';
import { textBlock } from '../shared/text.js';

@customElement('cy-title')
export class CyTitle extends LitElement {
  static override styles = [
    textBase,
    css`
      :host {
        position: absolute;
        inset: 0;
        display: block;
        pointer-events: none;
      }
      .title {
        ${textRole('title')}
        color: var(--cy-title-color, var(--cy-color-text));
        text-shadow: var(--cy-title-glow, none);
      }
      .subtitle {
        ${textRole('subtitle')}
        color: var(--cy-subtitle-color, var(--cy-color-text-dim));
      }
      .tag-box {
        position: absolute;
        box-sizing: border-box;
        border: var(--cy-tag-border, 1px solid var(--cy-color-line));
        background: var(--cy-tag-background, transparent);
        border-radius: var(--cy-tag-radius, 2px);
      }
      .tag {
        ${textRole('tag')}
        color: var(--cy-tag-color, var(--cy-color-accent));
      }
      .rule {
        position: absolute;
        background: var(--cy-title-rule, var(--cy-color-line));
        box-shadow: var(--cy-title-rule-glow, none);
      }
    `,
  ];

  @property({ attribute: false }) layout: Pick<Layout, 'title' | 'subtitle' | 'tag' | 'tagBox' | 'titleRule'> | undefined;

  override render() {
    const l = this.layout;
    if (!l) return nothing;
    const box = (r: { x: number; y: number; width: number; height: number }) =>
      styleMap({ left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` });
    return html`${textBlock(l.title, 'title')} ${l.subtitle ? textBlock(l.subtitle, 'subtitle') : nothing}
      <div class="tag-box" style=${box(l.tagBox)}></div>
      ${textBlock(l.tag, 'tag')}
      <div class="rule" style=${box(l.titleRule)}></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-title': CyTitle;
  }
}
