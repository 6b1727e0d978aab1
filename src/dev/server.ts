/**
 * `cyanotype dev`: a live page for authoring specs and themes. It serves the same page shell
 * and components the renderer screenshots (page-full.js lays out in the page with the same
 * layout code and the same text measurement), so what the author sees is what renders.
 *
 * Plain node:http plus server-sent events, not Vite: the page is a prebuilt bundle, so all a
 * dev server must do is serve five files, answer three JSON routes, and say "changed" or
 * "reload" when a watched file changes (docs/decisions/005-dev-server.md). After each draw the
 * page sends back its layout and what it drew; the server runs the quality checks on them (all
 * but contrast, which needs the screenshot) and the toolbar lists the findings.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { checkWithoutPixels } from '../check/check.js';
import { formatFinding } from '../check/findings.js';
import type { Inspection } from '../document.js';
import { CyanotypeError, UsageError } from '../errors.js';
import type { Layout } from '../layout/types.js';
import { packageRoot } from '../package-root.js';
import { renderDocument } from '../render/document.js';
import { collectSpecFiles, outputName } from '../render/files.js';
import { loadSpecFile } from '../spec/load.js';
import { readSize } from '../spec/size.js';
import { builtInThemeNames, builtInThemesDirectory, loadTheme, summariseWarnings } from '../theme/themes.js';
import { bundlePage } from './bundle.js';

export interface DevOptions {
  readonly inputs: readonly string[];
  /** A theme name or folder to offer (and select) besides the built-in ones. */
  readonly theme?: string | undefined;
  readonly port: number;
  readonly host?: string | undefined;
}

export interface DevServer {
  readonly url: string;
  close(): Promise<void>;
}

const ASSETS: Readonly<Record<string, string>> = {
  '/page.css': 'text/css; charset=utf-8',
  '/page-ext.css': 'text/css; charset=utf-8',
  '/page-sym.css': 'text/css; charset=utf-8',
  '/page-full.js': 'text/javascript; charset=utf-8',
  '/dev.js': 'text/javascript; charset=utf-8',
};

export async function startDevServer(options: DevOptions, log: (line: string) => void): Promise<DevServer> {
  const files = await collectSpecFiles(options.inputs);
  const byName = new Map(files.map((file) => [outputName(file), file]));
  const root = packageRoot();
  const pageDirectory = join(root, 'dist', 'page');
  if (!existsSync(join(pageDirectory, 'dev.html')))
    throw new UsageError(`the page bundle is missing (${pageDirectory}); run \`npm run build\``);
  if (options.theme) await loadTheme(options.theme); // an unknown theme is a usage error now, not in the page

  const clients = new Set<ServerResponse>();
  const send = (event: 'change' | 'reload') => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${Date.now()}\n\n`);
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(await readFile(join(pageDirectory, 'dev.html')));
      return;
    }
    const type = ASSETS[url.pathname];
    if (type) {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(await readFile(join(pageDirectory, url.pathname.slice(1))));
      return;
    }
    if (url.pathname === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === '/api/catalog') return json(response, await catalog());
    if (url.pathname === '/api/document') return json(response, await documentFor(url.searchParams));
    if (url.pathname === '/api/check' && request.method === 'POST') return json(response, await checkDrawn(url.searchParams, request));
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  }

  async function catalog() {
    const themes = [...(options.theme ? [options.theme] : []), ...(await builtInThemeNames())];
    const specs = await Promise.all(
      [...byName].map(async ([name, file]) => {
        try {
          const spec = await loadSpecFile(file);
          return {
            name,
            file,
            themes: options.theme ? [options.theme] : [...spec.themes],
            sizes: spec.sizes.map((s) => `${s.width}x${s.height}`),
          };
        } catch {
          return { name, file, themes: [options.theme ?? 'blueprint'], sizes: ['1024x1024'] };
        }
      }),
    );
    return { specs, themes: [...new Set(themes)] };
  }

  /** The spec the page asks for (spec and size in the query). */
  async function chosenSpec(query: URLSearchParams) {
    const file = byName.get(query.get('spec') ?? '') ?? files[0];
    if (!file) throw new UsageError('no specs');
    const loaded = await loadSpecFile(file);
    const size = readSize(query.get('size') ?? '');
    return 'size' in size ? { ...loaded, size: size.size } : loaded;
  }

  /** The document for the page, or the one-line error a render would give. */
  async function documentFor(query: URLSearchParams) {
    try {
      const spec = await chosenSpec(query);
      // Read on every request: the author may have just edited the theme.
      const theme = await loadTheme(query.get('theme') || options.theme || spec.theme);
      for (const line of summariseWarnings(theme.warnings)) log(`warning: ${line}`);
      return { document: await renderDocument(spec, theme) };
    } catch (error) {
      if (error instanceof CyanotypeError) return { error: error.message };
      throw error;
    }
  }

  /** The findings `cyanotype check` would report for what the page drew, but contrast. */
  async function checkDrawn(query: URLSearchParams, request: IncomingMessage) {
    try {
      const spec = await chosenSpec(query);
      const { layout, inspection } = JSON.parse(await body(request)) as { layout: Layout; inspection: Inspection };
      const findings = await checkWithoutPixels({ spec, layout, inspection });
      return { findings: findings.map((f) => ({ ...f, line: formatFinding(f) })) };
    } catch (error) {
      if (error instanceof CyanotypeError) return { error: error.message };
      throw error;
    }
  }

  // Watch specs, themes and (in a checkout) the components; debounce editors' bursts of writes.
  const watchers: FSWatcher[] = [];
  const debounced = (action: () => void) => {
    let timer: NodeJS.Timeout | undefined;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(action, 40);
    };
  };
  const changed = debounced(() => send('change'));
  for (const directory of new Set(files.map((f) => dirname(resolve(f))))) watchers.push(watch(directory, changed));
  watchers.push(watch(builtInThemesDirectory(), { recursive: true }, changed));
  if (options.theme && existsSync(resolve(options.theme))) watchers.push(watch(resolve(options.theme), { recursive: true }, changed));
  const components = join(root, 'components');
  if (existsSync(components)) {
    const rebuild = debounced(() => {
      bundlePage(root, pageDirectory, { scriptsOnly: true })
        .then(() => send('reload'))
        .catch((error: unknown) => log(`component build failed: ${error instanceof Error ? error.message : String(error)}`));
    });
    watchers.push(watch(components, { recursive: true }, rebuild));
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${options.port} is in use; choose another with --port`) : error),
    );
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}/`;

  return {
    url,
    async close() {
      for (const w of watchers) w.close();
      for (const client of clients) client.end();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** A request's body as text; the page's layout and inspection are tens of kilobytes, a body over 8 MiB is refused. */
async function body(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const part of request as AsyncIterable<Buffer>) {
    length += part.length;
    if (length > 8 * 1024 * 1024) throw new UsageError('request body over 8 MiB');
    parts.push(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

function json(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
