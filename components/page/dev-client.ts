/**
 * The dev page's client: a toolbar (outside the artboard) to pick spec, theme and size, and a
 * live connection to `cyanotype dev` that re-renders when a spec or theme changes and reloads
 * when the components are rebuilt. The artboard itself is drawn by page-full.js, the same
 * components and layout the renderer uses. After each draw the toolbar lists the quality
 * checks' findings on what was drawn; pointing at one outlines its place on the artboard.
 */
import type { Box, RenderDocument } from '../../src/document.js';

interface ShownFinding {
  readonly severity: 'error' | 'warning';
  readonly box?: Box | undefined;
  /** The finding as the CLI prints it. */
  readonly line: string;
}

interface Catalog {
  readonly specs: readonly {
    readonly name: string;
    readonly file: string;
    readonly themes: readonly string[];
    readonly sizes: readonly string[];
  }[];
  readonly themes: readonly string[];
}

const params = new URLSearchParams(location.search);
const toolbar = document.getElementById('toolbar') as HTMLFormElement;
const specSelect = toolbar.querySelector<HTMLSelectElement>('[name=spec]')!;
const themeSelect = toolbar.querySelector<HTMLSelectElement>('[name=theme]')!;
const sizeSelect = toolbar.querySelector<HTMLSelectElement>('[name=size]')!;
const status = document.getElementById('status')!;
const problem = document.getElementById('problem')!;
const summary = document.getElementById('checks-summary')!;
const list = document.getElementById('findings')!;
const outline = document.getElementById('outline')!;
let renders = 0;

function fill(select: HTMLSelectElement, values: readonly string[], chosen: string | null) {
  select.replaceChildren(...values.map((v) => new Option(v, v, false, v === chosen)));
}

async function catalog(): Promise<Catalog> {
  return (await (await fetch('/api/catalog')).json()) as Catalog;
}

async function draw(): Promise<void> {
  const query = new URLSearchParams({ spec: specSelect.value, theme: themeSelect.value, size: sizeSelect.value });
  history.replaceState(null, '', `?${query}`);
  status.textContent = 'rendering…';
  const answer = (await (await fetch(`/api/document?${query}`)).json()) as { document?: RenderDocument; error?: string };
  if (answer.error || !answer.document) {
    // Never a blank page: the error stands where the picture was, until the file is fixed.
    problem.textContent = answer.error ?? 'no document';
    problem.hidden = false;
    document.getElementById('stage')!.hidden = true;
    status.textContent = 'error';
    clearFindings();
    return;
  }
  problem.hidden = true;
  document.getElementById('stage')!.hidden = false;
  try {
    const layout = await window.cyanotype.render?.(answer.document);
    renders++;
    document.body.dataset['renders'] = String(renders);
    status.textContent = `rendered ${new Date().toLocaleTimeString()}`;
    void check(query, { layout, inspection: window.cyanotype.inspect() }, renders);
  } catch (error) {
    problem.textContent = error instanceof Error ? error.message : String(error);
    problem.hidden = false;
    status.textContent = 'error';
    clearFindings();
  }
}

/** No picture, no findings: the last picture's would describe what is no longer shown. */
function clearFindings(): void {
  summary.textContent = '';
  list.replaceChildren();
  showOutline(undefined);
}

/** The server's answer to a check: the findings, or why there are none. */
type CheckAnswer = { readonly findings?: readonly ShownFinding[]; readonly error?: string };

/** Asks the server to check what was drawn and lists the findings, unless a newer draw has come since. */
async function check(query: URLSearchParams, drawn: unknown, render: number): Promise<void> {
  summary.textContent = 'checking…';
  const answer: CheckAnswer = await fetch(`/api/check?${query}`, { method: 'POST', body: JSON.stringify(drawn) })
    .then(async (response) => (response.ok ? ((await response.json()) as CheckAnswer) : { error: await response.text() }))
    .catch((error: unknown) => ({ error: `checks failed: ${error instanceof Error ? error.message : String(error)}` }));
  if (render !== renders) return;
  const findings = answer.findings ?? [];
  summary.textContent =
    answer.error ??
    `${findings.length === 0 ? 'no' : findings.length} ${findings.length === 1 ? 'finding' : 'findings'} (contrast is checked on render)`;
  // Text only: a finding quotes the spec's words, which are never markup.
  list.replaceChildren(
    ...findings.map((finding) => {
      const item = document.createElement('li');
      item.className = finding.severity;
      item.textContent = finding.line;
      item.addEventListener('mouseenter', () => showOutline(finding.box));
      item.addEventListener('mouseleave', () => showOutline(undefined));
      return item;
    }),
  );
  document.body.dataset['checked'] = String(render);
}

/** Outlines a box of the artboard (which sits at the page's origin) from outside it, or hides the outline. */
function showOutline(box: Box | undefined): void {
  outline.hidden = !box;
  if (!box) return;
  Object.assign(outline.style, {
    left: `${box.x - 3}px`,
    top: `${box.y - 3}px`,
    width: `${box.width + 6}px`,
    height: `${box.height + 6}px`,
  });
}

async function start() {
  const { specs, themes } = await catalog();
  const spec = specs.find((s) => s.name === params.get('spec')) ?? specs[0];
  fill(
    specSelect,
    specs.map((s) => s.name),
    spec?.name ?? null,
  );
  fill(themeSelect, themes, params.get('theme') ?? spec?.themes[0] ?? null);
  fill(sizeSelect, spec?.sizes ?? ['1024x1024'], params.get('size') ?? spec?.sizes[0] ?? null);
  toolbar.addEventListener('change', (event) => {
    if (event.target === specSelect) {
      const chosen = specs.find((s) => s.name === specSelect.value);
      fill(sizeSelect, chosen?.sizes ?? ['1024x1024'], chosen?.sizes[0] ?? null);
    }
    void draw();
  });
  const events = new EventSource('/events');
  events.addEventListener('change', () => void draw());
  events.addEventListener('reload', () => location.reload());
  await draw();
}

void start();
