/** Styles shared by the components: text roles bound to their theme tokens. */
import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The declarations that set a text role from its tokens. Sizes, line heights and tracking are
 * in px so the page's text lines up exactly with what layout measured.
 */
export function textRole(role: string): CSSResult {
  const r = unsafeCSS(role);
  return css`
    font-family: var(--cy-text-${r}-family);
    font-weight: var(--cy-text-${r}-weight);
    font-size: var(--cy-text-${r}-size);
    line-height: var(--cy-text-${r}-line);
    letter-spacing: var(--cy-text-${r}-tracking, 0px);
    text-transform: var(--cy-text-${r}-case, none);
  `;
}

export const textBase = css`
  .text {
    position: absolute;
  }
  /* pre on the line only: whitespace between the template's tags must not become text. */
  .line {
    display: block;
    white-space: pre;
  }
`;

/** Hosts the parent places with left/top/width/height from layout (boxes, bands, notes, legend). */
export const placedBox = css`
  :host {
    position: absolute;
    display: block;
    box-sizing: border-box;
  }
`;

/**
 * Hosts that draw in the diagram's own coordinates from its top-left corner, their content
 * placed inside them (arrows, arrow labels), and never catch the pointer.
 */
export const diagramOverlay = css`
  :host {
    position: absolute;
    left: 0;
    top: 0;
    display: block;
    pointer-events: none;
  }
`;
