/** The programmatic API: `import { Renderer, loadSpecFile } from 'cyanotype'`. */
export type { Inspection, InspectedText, RenderDocument } from './document.js';
export { BrowserError, CyanotypeError, RenderError, SpecError, UsageError } from './errors.js';
export { layoutSpec } from './layout/layout.js';
export type { Layout, LayoutMetrics, MeasureText } from './layout/types.js';
export { findBrowser, type ImageFormat } from './render/session.js';
export { Renderer, type RenderRequest, type RenderResult } from './renderer.js';
export { loadSpecFile, parseSpec } from './spec/load.js';
export type { Spec } from './spec/model.js';
export { loadTheme } from './theme/themes.js';
