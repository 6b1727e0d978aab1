/**
 * The programmatic API: `import { render, compare } from 'cyanotype'` for one-off calls, and
 * `Renderer` (open once, render many, close) for tools that render many specs from one process.
 */
export { compare, render, type RenderOptions } from './api.js';
export type { CompareOptions, CompareResult, Region } from './compare/compare.js';
export type { Inspection, InspectedText, RenderDocument } from './document.js';
export { BrowserError, CyanotypeError, RenderError, SpecError, UsageError } from './errors.js';
export { layoutSpec } from './layout/layout.js';
export type { Layout, LayoutMetrics, MeasureText } from './layout/types.js';
export { findBrowser } from './render/find-browser.js';
export type { ImageFormat } from './render/session.js';
export { Renderer, type RenderRequest, type RenderResult } from './renderer.js';
export { loadSpecFile, parseSpec, specFromData } from './spec/load.js';
export type { Spec } from './spec/model.js';
export type { SpecInput } from './spec/schema.js';
export { loadTheme } from './theme/themes.js';
