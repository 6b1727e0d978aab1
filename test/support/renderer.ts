/** One real Renderer (real Chromium) for a describe block: opened before its tests, closed after. */
import { afterAll, beforeAll } from 'vitest';
import { Renderer } from '../../src/renderer.js';

export function useRenderer(): () => Renderer {
  let renderer: Renderer | undefined;
  beforeAll(async () => {
    renderer = await Renderer.open();
  });
  afterAll(async () => {
    await renderer?.close();
  });
  return () => {
    if (!renderer) throw new Error('the renderer is opened in beforeAll');
    return renderer;
  };
}
