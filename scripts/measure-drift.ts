/**
 * Measures what changes in the pixels when the rendering environment shifts, against what a
 * real change to a diagram looks like — the numbers behind docs/decisions/004-tolerance.md.
 *
 *   npx tsx scripts/measure-drift.ts [second-chromium-executable]
 *
 * For every example spec it renders a reference, then variants (a second render, other flags,
 * another Chromium build) and deliberate small edits, and prints how many pixels pixelmatch
 * counts at several per-pixel thresholds, and the largest channel difference.
 */
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer';
import { compareImages, decodePng } from '../src/compare/compare.js';
import { layoutSpec } from '../src/layout/layout.js';
import { measureRequests, measureTable } from '../src/layout/measure-table.js';
import { renderDocument } from '../src/render/document.js';
import { collectSpecFiles } from '../src/render/files.js';
import { DETERMINISM_FLAGS, QUIET_FLAGS } from '../src/render/flags.js';
import { BrowserSession } from '../src/render/session.js';
import { loadSpecFile } from '../src/spec/load.js';
import type { Spec } from '../src/spec/model.js';
import { loadTheme, type Theme } from '../src/theme/themes.js';

const THRESHOLDS = [0, 0.02, 0.05, 0.1, 0.2];
const second = process.argv[2];

async function render(session: BrowserSession, spec: Spec, theme: Theme): Promise<Uint8Array> {
  const doc = await renderDocument(spec, theme);
  const metrics = await session.prepare(doc.theme, spec.size, 1);
  const requests = measureRequests(spec, metrics);
  let widths = await session.measure(requests);
  let all = requests;
  for (;;) {
    const table = measureTable(all, widths);
    const layout = layoutSpec(spec, metrics, table.measure);
    if (table.misses.length === 0) return (await session.capture(doc, layout, 'drift', 'png')).bytes;
    all = [...all, ...table.misses];
    widths = [...widths, ...(await session.measure(table.misses))];
  }
}

function maxChannelDelta(a: PNG, b: PNG): number {
  let max = 0;
  for (let i = 0; i < a.data.length; i++) if (i % 4 !== 3) max = Math.max(max, Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)));
  return max;
}

function row(label: string, reference: Uint8Array, other: Uint8Array): string {
  const a = decodePng(reference, 'reference');
  const b = decodePng(other, label);
  if (a.width !== b.width || a.height !== b.height) return `| ${label} | size differs |`;
  const counts = THRESHOLDS.map((threshold) => compareImages(a, b, { threshold }).diffPixels);
  return `| ${label} | ${counts.join(' | ')} | ${maxChannelDelta(a, b)} |`;
}

async function withSession<T>(
  options: { browser?: string; flags?: string[]; headless?: 'shell' },
  work: (s: BrowserSession) => Promise<T>,
): Promise<T> {
  const saved = [...DETERMINISM_FLAGS];
  if (options.flags) (DETERMINISM_FLAGS as unknown as string[]).splice(0, DETERMINISM_FLAGS.length, ...options.flags);
  const session = await BrowserSession.open({ browser: options.browser, headless: options.headless });
  (DETERMINISM_FLAGS as unknown as string[]).splice(0, DETERMINISM_FLAGS.length, ...saved);
  try {
    await session.openPage();
    return await work(session);
  } finally {
    await session.close();
  }
}

const files = await collectSpecFiles(['examples']);
const blueprint = await loadTheme('blueprint');
console.log(`| variant | ${THRESHOLDS.map((t) => `px @${t}`).join(' | ')} | max Δ |`);
console.log(`| --- |${THRESHOLDS.map(() => ' ---: |').join('')} ---: |`);
for (const file of files) {
  const spec = await loadSpecFile(file);
  const name = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  const reference = await withSession({}, (s) => render(s, spec, blueprint));
  const rows: string[] = [];
  rows.push(row(`${name}: second run, new browser`, reference, await withSession({}, (s) => render(s, spec, blueprint))));
  rows.push(
    row(
      `${name}: without --font-render-hinting=none`,
      reference,
      await withSession({ flags: DETERMINISM_FLAGS.filter((f) => !f.startsWith('--font-render-hinting')) }, (s) =>
        render(s, spec, blueprint),
      ),
    ),
  );
  rows.push(
    row(
      `${name}: without --disable-lcd-text`,
      reference,
      await withSession({ flags: DETERMINISM_FLAGS.filter((f) => f !== '--disable-lcd-text') }, (s) => render(s, spec, blueprint)),
    ),
  );
  rows.push(
    row(
      `${name}: headless: 'shell' (plain --headless)`,
      reference,
      await withSession({ headless: 'shell' }, (s) => render(s, spec, blueprint)),
    ),
  );
  rows.push(
    row(
      `${name}: without --disable-gpu (software GL)`,
      reference,
      await withSession({ flags: DETERMINISM_FLAGS.filter((f) => f !== '--disable-gpu') }, (s) => render(s, spec, blueprint)),
    ),
  );
  rows.push(
    row(
      `${name}: without --disable-skia-runtime-opts`,
      reference,
      await withSession({ flags: DETERMINISM_FLAGS.filter((f) => f !== '--disable-skia-runtime-opts') }, (s) => render(s, spec, blueprint)),
    ),
  );
  if (second)
    rows.push(
      row(
        `${name}: Chromium ${await version(second)}`,
        reference,
        await withSession({ browser: second }, (s) => render(s, spec, blueprint)),
      ),
    );
  // Real changes a reviewer must see.
  const edited = {
    ...spec,
    components: spec.components.map((c, i) => (i === spec.components.length - 1 ? { ...c, label: `${c.label}s` } : c)),
  };
  rows.push(
    row(`${name}: real change, one letter added to a label`, reference, await withSession({}, (s) => render(s, edited, blueprint))),
  );
  const recoloured = { ...blueprint, css: `${blueprint.css}\ncy-artboard { --cy-color-line: #5ad4fb; }` };
  rows.push(
    row(`${name}: real change, line colour #56d8ff → #5ad4fb`, reference, await withSession({}, (s) => render(s, spec, recoloured))),
  );
  const dimmer = { ...blueprint, css: `${blueprint.css}\ncy-artboard { --cy-color-text-dim: #a3d6ea; }` };
  rows.push(row(`${name}: real change, role text #a9def2 → #a3d6ea`, reference, await withSession({}, (s) => render(s, spec, dimmer))));
  console.log(rows.join('\n'));
}

async function version(executable: string): Promise<string> {
  const browser = await puppeteer.launch({ executablePath: executable, headless: true, args: [...QUIET_FLAGS, '--no-sandbox'] });
  const v = (await browser.version()).replace(/^(Headless)?Chrome\//, '');
  await browser.close();
  return v;
}
