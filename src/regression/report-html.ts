/**
 * The HTML report: one file beside the images it shows, opened straight from disk. Failures
 * first; each failure offers the diff, the actual and expected pictures, both side by side,
 * and a slider that wipes from one to the other.
 */
import { failed, type ItemResult, type RunSummary } from './results.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function failure(item: ItemResult, index: number): string {
  const { expected, actual, diff } = item.artifacts;
  const id = `item-${index}`;
  const views: Array<[string, string]> = [];
  if (diff) views.push(['diff', `<img src="${escape(diff)}" alt="diff of ${escape(item.name)}">`]);
  if (actual) views.push(['actual', `<img src="${escape(actual)}" alt="actual ${escape(item.name)}">`]);
  if (expected) views.push(['expected', `<img src="${escape(expected)}" alt="expected ${escape(item.name)}">`]);
  if (expected && actual) {
    views.push([
      'side by side',
      `<div class="pair"><figure><img src="${escape(expected)}" alt=""><figcaption>expected</figcaption></figure><figure><img src="${escape(actual)}" alt=""><figcaption>actual</figcaption></figure></div>`,
    ]);
    views.push([
      'slider',
      `<div class="wipe"><img src="${escape(expected)}" alt=""><div class="top"><img src="${escape(actual)}" alt=""></div></div><input type="range" min="0" max="100" value="50" aria-label="actual ↔ expected">`,
    ]);
  }
  const tabs = views
    .map(
      ([label, body], k) =>
        `<input type="radio" name="${id}" id="${id}-${k}"${k === 0 ? ' checked' : ''}><label for="${id}-${k}">${label}</label><div class="view">${body}</div>`,
    )
    .join('');
  const regions = item.regions?.length
    ? `<p class="regions">changed regions (x, y, width × height): ${item.regions
        .slice(0, 8)
        .map((r) => `${r.x}, ${r.y}, ${r.width} × ${r.height}`)
        .join('; ')}${item.regions.length > 8 ? ` and ${item.regions.length - 8} more` : ''}</p>`
    : '';
  return `<section class="item ${item.status}">
  <h2><span class="status">${item.status}</span> ${escape(item.name)}</h2>
  <p>${escape(item.message)}</p>
  ${item.environment ? `<p class="environment">${escape(item.environment)}</p>` : ''}
  ${regions}
  <div class="tabs">${tabs}</div>
</section>`;
}

export function htmlReport(run: RunSummary): string {
  const bad = run.items.filter(failed);
  const good = run.items.filter((i) => !failed(i));
  const counts = new Map<string, number>();
  for (const item of run.items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  const summary = [...counts].map(([status, n]) => `<span class="count ${status}">${n} ${status}</span>`).join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>cyanotype report: ${bad.length} failed of ${run.items.length}</title>
<style>
  body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, sans-serif; background: #0b1730; color: #dbe9ff; }
  h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 0 0 4px; font-family: ui-monospace, monospace; }
  .count { display: inline-block; padding: 2px 8px; margin-right: 6px; border-radius: 10px; background: #1c3160; }
  .count.failed, .count.missing, .count.error, .status { background: #7a1f2b; }
  .item { margin: 18px 0; padding: 14px 16px; border: 1px solid #2a4680; border-radius: 6px; background: #0f1f40; }
  .status { padding: 1px 6px; border-radius: 4px; font-size: 12px; text-transform: uppercase; }
  .environment { color: #ffd27a; } .regions { color: #9fb7e0; font-size: 12px; }
  .tabs input[type=radio] { display: none; }
  .tabs label { display: inline-block; padding: 4px 10px; margin: 6px 4px 0 0; border-radius: 4px; background: #1c3160; cursor: pointer; }
  .tabs input[type=radio]:checked + label { background: #3f6fd8; }
  .view { display: none; margin-top: 10px; } .tabs input[type=radio]:checked + label + .view { display: block; }
  .tabs { display: flex; flex-wrap: wrap; align-items: flex-start; } .view { order: 1; flex-basis: 100%; }
  img { max-width: 100%; image-rendering: pixelated; border: 1px solid #2a4680; }
  .pair { display: flex; gap: 12px; } .pair figure { margin: 0; flex: 1; } figcaption { text-align: center; color: #9fb7e0; }
  .wipe { position: relative; display: inline-block; max-width: 100%; } .wipe > img { display: block; }
  .wipe .top { position: absolute; inset: 0 50% 0 0; overflow: hidden; border-right: 2px solid #ffd27a; }
  .wipe .top img { max-width: none; width: auto; height: 100%; }
  input[type=range] { display: block; width: 100%; max-width: 1024px; }
  table { border-collapse: collapse; margin-top: 12px; } td { padding: 2px 12px 2px 0; font-family: ui-monospace, monospace; font-size: 12px; }
</style>
</head>
<body>
<h1>cyanotype visual regression</h1>
<p>${summary} — ${escape(run.startedAt)}${run.fingerprint ? ` — Chromium ${escape(run.fingerprint.chromium)}` : ''}${run.partial ? ' — partial run' : ''}</p>
${bad.map(failure).join('\n')}
<h2 style="margin-top:24px">passed</h2>
<table>${good.map((i) => `<tr><td>${escape(i.status)}</td><td>${escape(i.name)}</td><td>${i.durationMs} ms</td></tr>`).join('')}</table>
<script>
  // The slider wipes between actual (left) and expected (right).
  for (const range of document.querySelectorAll('input[type=range]')) {
    const wipe = range.previousElementSibling;
    const top = wipe.querySelector('.top');
    const inner = top.querySelector('img');
    const sync = () => { top.style.right = (100 - range.value) + '%'; inner.style.height = wipe.clientHeight + 'px'; };
    range.addEventListener('input', sync);
    addEventListener('load', sync);
  }
</script>
</body>
</html>
`;
}
