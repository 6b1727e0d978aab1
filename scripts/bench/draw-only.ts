/**
 * The bench's (a″) row: cyanotype's own page drawing and capturing pictures whose layouts were
 * made beforehand (by bench.ts, untimed) — a browser launch, the page shell, and for each
 * plan one draw and one screenshot, written as Chromium encoded it: no layout, no checks, no
 * compaction. What a render would cost if all of Node's work were free. bench.ts bundles this
 * file like the CLI (dist/bench/draw-only.mjs) so loading it costs what loading the CLI does.
 *
 *   node dist/bench/draw-only.mjs <plans.json> <out dir>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Renderer, type Plan } from '../../src/renderer.js';

const [plansFile, out] = process.argv.slice(2);
if (!plansFile || !out) {
  console.error('usage: node dist/bench/draw-only.mjs <plans.json> <out dir>');
  process.exit(2);
}
const plans = JSON.parse(readFileSync(plansFile, 'utf8')) as Plan[];
mkdirSync(out, { recursive: true });
const renderer = await Renderer.open();
try {
  for (const plan of plans) writeFileSync(join(out, `${plan.item}.png`), (await renderer.capture(plan)).bytes);
} finally {
  await renderer.close();
}
