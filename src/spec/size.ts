/**
 * An artboard size: the text WIDTHxHEIGHT in CSS pixels, each side from 256 to 4096 — smaller
 * cannot hold a legible diagram, larger takes Chromium seconds to paint and encode. One rule for
 * a spec's `size` and for `--size`.
 */
import type { Size } from './model.js';

export const MIN_SIDE = 256;
export const MAX_SIDE = 4096;

/** The form alone, for the schema (and so the JSON Schema editors check against). */
export const SIZE_FORM = /^\d+x\d+$/;

/** The size a text names, or what is wrong with it (a phrase that starts with the quoted text). */
export function readSize(text: string): { readonly size: Size } | { readonly problem: string } {
  if (!SIZE_FORM.test(text)) return { problem: `"${text}" is not WIDTHxHEIGHT, e.g. 1024x1024` };
  const [width, height] = text.split('x').map(Number) as [number, number];
  if ([width, height].some((side) => side < MIN_SIDE || side > MAX_SIDE)) {
    return { problem: `"${text}" is outside ${MIN_SIDE}x${MIN_SIDE} to ${MAX_SIDE}x${MAX_SIDE}` };
  }
  return { size: { width, height } };
}
