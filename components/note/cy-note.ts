/** A side annotation box: a concept's title and one line about it. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { NoteLayout } from '../../src/layout/types.js';
import { placedBox, textBase, textRole } from '../shared/styles.js';
import { textBlock } from '../shared/text.js';

@customElement('cy-note')
export class CyNote extends LitElement {
  static override styles = [
    textBase,
    placedBox,
    css`
      :host {
        background: var(--cy-note-background, var(--cy-color-panel));
        border: var(--cy-note-border, 1px solid var(--cy-color-line-dim));
        border-left: var(--cy-note-accent, 3px solid var(--cy-color-accent));
        border-radius: var(--cy-note-radius, 2px);
      }
      .title {
        ${textRole('note-title')}
        color: var(--cy-note-title-color, var(--cy-color-text));
      }
      .role {
        ${textRole('note-role')}
        color: var(--cy-note-role-color, var(--cy-color-text-dim));
      }
    `,
  ];

  @property({ attribute: false }) note: NoteLayout | undefined;

  override render() {
    const note = this.note;
    if (!note) return nothing;
    return html`${textBlock(note.title, 'title', note.rect)} ${note.role ? textBlock(note.role, 'role', note.rect) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cy-note': CyNote;
  }
}
