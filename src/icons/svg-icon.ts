/**
 * A spec's own SVG icon, turned into the same data a lucide icon is: a list of basic shapes
 * with geometry attributes. Only path, circle, ellipse, rect, line, polyline and polygon pass
 * (inside svg and g); everything else — script, style, foreignObject, image, use, links, text,
 * animation, event handlers, href and url() references — is dropped, and the page draws shapes
 * from data, never markup. What cannot be drawn faithfully (transforms) is refused.
 */
import type { IconElement, IconNode } from './icons.js';
import { isShapeTag, SHAPES } from './shapes.js';

export const MAX_ICON_BYTES = 64 * 1024;

/** Raised for an icon that cannot be drawn; the loader turns it into a SpecError. */
export class IconProblem extends Error {}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(px)?$/;
const PATH_DATA = /^[MmLlHhVvCcSsQqTtAaZz0-9eE.,\s+-]*$/;
const POINTS = /^[0-9eE.,\s+-]*$/;
const VIEW_BOX = /^\s*[+-]?[\d.]+([\s,]+[+-]?[\d.]+){3}\s*$/;

function valid(name: string, value: string): boolean {
  if (name === 'd') return PATH_DATA.test(value);
  if (name === 'points') return POINTS.test(value);
  return NUMBER.test(value.trim());
}

/** Parses and sanitises SVG text into icon data; an IconProblem says why an icon cannot be used. */
export function parseSvgIcon(text: string): IconNode {
  if (text.length > MAX_ICON_BYTES) throw new IconProblem(`the icon is larger than ${MAX_ICON_BYTES} bytes`);
  // Comments, CDATA, processing instructions and doctypes carry nothing an icon needs.
  const body = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '');
  const tag = /<\s*(\/)?\s*([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/)?\s*>/g;
  const elements: IconElement[] = [];
  let viewBox: string | undefined;
  let sawSvg = false;
  /** How many open elements are being dropped with everything inside them (script, defs, text…). */
  let dropped = 0;
  const open: boolean[] = [];
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const [, closing, rawName = '', rawAttributes = '', selfClosing] = match;
    if (closing) {
      if (open.pop()) dropped--;
      continue;
    }
    const name = rawName.toLowerCase().replace(/^svg:/, '');
    const drop = dropped > 0 || !(name === 'svg' || name === 'g' || isShapeTag(name));
    if (!selfClosing) {
      open.push(drop);
      if (drop) dropped++;
    }
    if (drop) continue;
    const attributes = parseAttributes(rawAttributes);
    if (attributes.has('transform')) {
      throw new IconProblem(`<${name}> has a transform, which icons do not support; flatten the icon (e.g. svgo's convertTransform)`);
    }
    if (name === 'svg') {
      sawSvg = true;
      const box = attributes.get('viewbox');
      if (box !== undefined && viewBox === undefined) {
        if (!VIEW_BOX.test(box)) throw new IconProblem(`viewBox "${box.slice(0, 40)}" is not four numbers`);
        viewBox = box
          .trim()
          .split(/[\s,]+/)
          .join(' ');
      }
      continue;
    }
    if (name === 'g' || !isShapeTag(name)) continue;
    const geometry: Record<string, string> = {};
    for (const attribute of SHAPES[name]) {
      const value = attributes.get(attribute);
      if (value === undefined) continue;
      if (!valid(attribute, value)) throw new IconProblem(`<${name}> ${attribute}="${value.slice(0, 40)}" is not valid geometry`);
      geometry[attribute] = value.trim().replace(/px$/, '');
    }
    elements.push([name, geometry]);
  }
  if (!sawSvg) throw new IconProblem('not an SVG file (no <svg> element)');
  if (elements.length === 0) throw new IconProblem(`the icon has no shapes to draw (${Object.keys(SHAPES).join(', ')})`);
  return [['svg', { viewBox: viewBox ?? '0 0 24 24' }], ...elements];
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const attribute = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = attribute.exec(text); m; m = attribute.exec(text)) {
    attributes.set((m[1] ?? '').toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}
