import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IconProblem, parseSvgIcon } from '../../src/icons/svg-icon.js';

describe('a spec’s own SVG icon', () => {
  it('keeps only basic shapes with their geometry, and drops script, styles, links, handlers and foreign content', () => {
    const icon = parseSvgIcon(readFileSync('test/fixtures/icons/hostile.svg', 'utf8'));
    expect(icon).toEqual([
      ['svg', { viewBox: '0 0 48 48' }],
      ['path', { d: 'M6 12h36v24H6z' }],
      ['circle', { cx: '24', cy: '24', r: '6' }],
      ['line', { x1: '6', y1: '40', x2: '42', y2: '40' }],
    ]);
    const data = JSON.stringify(icon);
    for (const banned of ['script', 'href', 'url(', 'foreignObject', 'style', 'image', 'use', 'evil', 'javascript', 'hidden', 'lol']) {
      expect(data, banned).not.toContain(banned);
    }
    expect(icon.flatMap(([, attributes]) => Object.keys(attributes)).filter((k) => k.startsWith('on'))).toEqual([]);
  });

  it('reads a plain icon as lucide-like data', () => {
    expect(parseSvgIcon(readFileSync('test/fixtures/icons/queue.svg', 'utf8'))).toEqual([
      ['svg', { viewBox: '0 0 24 24' }],
      ['rect', { x: '3', y: '6', width: '18', height: '12', rx: '2' }],
      ['line', { x1: '9', y1: '6', x2: '9', y2: '18' }],
      ['line', { x1: '15', y1: '6', x2: '15', y2: '18' }],
      ['polyline', { points: '5 12 7 12' }],
    ]);
  });

  it.each([
    ['<svg><path d="M0 0" transform="scale(2)"/></svg>', '<path> has a transform'],
    ['<svg><circle cx="1" cy="1" r="expression(alert(1))"/></svg>', 'r="expression(alert(1))" is not valid geometry'],
    ['<svg viewBox="0 0 a b"><path d="M0 0"/></svg>', 'viewBox "0 0 a b" is not four numbers'],
    ['<svg><constructor d="x"/><toString/></svg>', 'no shapes to draw'],
    ['<div>not svg</div>', 'not an SVG file'],
    [`<svg>${'<path d="M0 0"/>'.repeat(5000)}</svg>`, 'larger than 65536 bytes'],
  ])('refuses %s', (svg, problem) => {
    expect(() => parseSvgIcon(svg)).toThrow(IconProblem);
    expect(() => parseSvgIcon(svg)).toThrow(problem);
  });
});
