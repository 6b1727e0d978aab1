/**
 * The page shell with layout included: for the dev server and standalone HTML
 * files, which have no Node process to lay out for them. Same components, same layout code,
 * same measurement as the renderer, so the same pixels.
 */
import type { RenderDocument } from '../../src/document.js';
import { layoutSpec } from '../../src/layout/layout.js';
import type { Layout } from '../../src/layout/types.js';
import { canvasMeasurer } from '../shared/measure.js';
import { draw, leanApi, prepare, themeFacesLoaded } from './api.js';

async function render(doc: RenderDocument): Promise<Layout> {
  const metrics = prepare(doc.theme, doc.spec.size);
  await themeFacesLoaded(doc);
  const layout = layoutSpec(doc.spec, metrics, canvasMeasurer());
  await draw(doc, layout);
  return layout;
}

window.cyanotype = { ...leanApi, render };

// A standalone HTML export carries its document inline.
const inline = document.getElementById('cyanotype-document');
if (inline?.textContent) void render(JSON.parse(inline.textContent) as RenderDocument);
