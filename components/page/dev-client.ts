/**
 * The dev page's client: a toolbar (outside the artboard) to pick spec, theme and size, and a
 * live connection to `cyanotype dev` that re-renders when a spec or theme changes and reloads
 * when the components are rebuilt. The artboard itself is drawn by page-full.js, the same
 * components and layout the renderer uses.
 */
import type { RenderDocument } from '../../src/document.js';

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
    return;
  }
  problem.hidden = true;
  document.getElementById('stage')!.hidden = false;
  try {
    await window.cyanotype.render?.(answer.document);
    renders++;
    document.body.dataset['renders'] = String(renders);
    status.textContent = `rendered ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    problem.textContent = error instanceof Error ? error.message : String(error);
    problem.hidden = false;
    status.textContent = 'error';
  }
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
