/**
 * Reads the rendered artboard back: every text with the box its glyphs really occupy, measured
 * by the same browser that takes the screenshot. Tests and quality checks build on this.
 */
import type { Box, InspectedPart, InspectedText, Inspection, TextKind } from '../../src/document.js';

const KINDS: ReadonlyArray<[host: string, className: string, kind: TextKind]> = [
  ['cy-title', 'title', 'title'],
  ['cy-title', 'subtitle', 'subtitle'],
  ['cy-title', 'tag', 'tag'],
  ['cy-band', 'title', 'band'],
  ['cy-node', 'label', 'component-label'],
  ['cy-node', 'role', 'component-role'],
  ['cy-connection', 'label', 'connection-label'],
  ['cy-note', 'title', 'note-title'],
  ['cy-note', 'role', 'note-role'],
  ['cy-legend', 'title', 'legend-title'],
  ['cy-legend', 'step', 'legend-step'],
];

/** The CSS scale the diagram is drawn at (1 outside the diagram). */
function scaleOf(host: HTMLElement): number {
  const diagram = host.closest('.diagram') as HTMLElement | null;
  return diagram && diagram.offsetWidth > 0 ? diagram.getBoundingClientRect().width / diagram.offsetWidth : 1;
}

export function inspectArtboard(artboard: HTMLElement): Inspection {
  const origin = artboard.getBoundingClientRect();
  const toBox = (r: DOMRect | { left: number; top: number; width: number; height: number }): Box => ({
    x: r.left - origin.left,
    y: r.top - origin.top,
    width: r.width,
    height: r.height,
  });
  const root = artboard.shadowRoot;
  const texts: InspectedText[] = [];
  const parts: InspectedPart[] = [];
  if (!root) return { artboard: toBox(origin), texts, parts };

  const hosts = [...root.querySelectorAll<HTMLElement>('cy-title, cy-band, cy-node, cy-connection, cy-note, cy-legend')];
  hosts.forEach((host) => {
    const tag = host.localName;
    const shadow = host.shadowRoot;
    if (!shadow) return;
    const owner =
      host.dataset['component'] ??
      host.dataset['connection'] ??
      (tag === 'cy-note'
        ? String([...root.querySelectorAll<HTMLElement>('cy-note')].indexOf(host))
        : tag === 'cy-band'
          ? String([...root.querySelectorAll<HTMLElement>('cy-band')].indexOf(host))
          : '');
    const plate = shadow.querySelector<HTMLElement>('.plate');
    const container =
      tag === 'cy-connection'
        ? plate
          ? toBox(plate.getBoundingClientRect())
          : toBox(origin)
        : tag === 'cy-title'
          ? toBox(origin)
          : toBox(host.getBoundingClientRect());
    for (const [hostName, className, kind] of KINDS) {
      if (hostName !== tag) continue;
      shadow.querySelectorAll<HTMLElement>(`.text.${className}`).forEach((block, index) => {
        const lines = [...block.querySelectorAll('.line')].map((l) => l.textContent ?? '');
        const range = document.createRange();
        range.selectNodeContents(block);
        const glyphs = range.getBoundingClientRect();
        const style = getComputedStyle(block);
        texts.push({
          kind,
          owner: kind === 'legend-step' ? String(index + 1) : owner,
          text: block.dataset['text'] ?? lines.join(' '),
          lines,
          box: toBox(glyphs),
          container,
          fontSize: Number.parseFloat(style.fontSize) * scaleOf(host),
          color: style.color,
          font: style.fontFamily,
          uppercase: style.textTransform === 'uppercase',
        });
      });
    }
    if (tag === 'cy-node') parts.push({ kind: 'component', id: owner, box: toBox(host.getBoundingClientRect()) });
    if (tag === 'cy-connection' && plate) parts.push({ kind: 'connection-label', id: owner, box: toBox(plate.getBoundingClientRect()) });
    if (tag === 'cy-note') parts.push({ kind: 'note', id: owner, box: toBox(host.getBoundingClientRect()) });
    if (tag === 'cy-legend') parts.push({ kind: 'legend', id: 'legend', box: toBox(host.getBoundingClientRect()) });
  });
  root.querySelectorAll<HTMLElement>('cy-badge').forEach((badge) => {
    parts.push({
      kind: 'badge',
      id: `${badge.dataset['target'] ?? 'legend'}#${badge.getAttribute('number') ?? ''}`,
      box: toBox(badge.getBoundingClientRect()),
    });
  });
  return { artboard: toBox(origin), texts, parts };
}
