/**
 * The page shell's script: one artboard, driven through `window.cyanotype`. The renderer, the
 * dev server and standalone HTML exports all load this same page, so what an author sees is
 * what gets screenshotted.
 */
import type { PageApi, RenderDocument } from '../../src/document.js';
import '../artboard/cy-artboard.js';
import { inspectArtboard } from './inspect.js';
import type { CyArtboard } from '../artboard/cy-artboard.js';

function themeStyle(): HTMLStyleElement {
  let style = document.getElementById('cy-theme') as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = 'cy-theme';
    document.head.append(style);
  }
  return style;
}

const api: PageApi = {
  async render(doc) {
    // Theme CSS is trusted (it comes from a theme folder, not from a spec); spec text never
    // reaches CSS or markup, only Lit text bindings.
    const style = themeStyle();
    if (style.textContent !== doc.theme.css) style.textContent = doc.theme.css;
    document.documentElement.dataset['theme'] = doc.theme.name;
    const stage = document.getElementById('stage') ?? document.body;
    let artboard = stage.querySelector('cy-artboard') as CyArtboard | null;
    if (!artboard) {
      artboard = document.createElement('cy-artboard');
      stage.append(artboard);
    }
    artboard.document = doc;
    await artboard.updateComplete;
    await artboard.rendered;
    return { width: doc.spec.size.width, height: doc.spec.size.height };
  },
  inspect() {
    const artboard = document.querySelector('cy-artboard');
    if (!artboard) throw new Error('nothing rendered yet');
    return inspectArtboard(artboard);
  },
};

window.cyanotype = api;

// A standalone HTML export carries its document inline.
const inline = document.getElementById('cyanotype-document');
if (inline?.textContent) void api.render(JSON.parse(inline.textContent) as RenderDocument);
