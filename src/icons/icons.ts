/**
 * Icons come from lucide (ISC licence). A spec may name any lucide icon ("file-code") or one of
 * the descriptive aliases below, which is how generated prompts tend to describe icons.
 *
 * Each lucide icon is its own module file; only the names are listed up front (a directory
 * read) and only the icons a spec uses are loaded, which keeps the ~2 000-icon set off the
 * start-up path.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One SVG child element of a 24×24 icon: tag name and attributes. */
export type IconElement = readonly [tag: string, attributes: Readonly<Record<string, string | number>>];
export type IconNode = readonly IconElement[];

const ALIASES: Readonly<Record<string, string>> = {
  'code-file': 'file-code',
  'source-code': 'file-code',
  document: 'file-text',
  doc: 'file-text',
  'os-cube': 'box',
  cube: 'box',
  'registry-tag': 'tag',
  registry: 'tag',
  'pencil-disk': 'save-pen',
  disk: 'hard-drive',
  volume: 'hard-drive',
  'generic-cloud': 'cloud',
  'cloud-generic': 'cloud',
  gear: 'cog',
  process: 'cpu',
  db: 'database',
  queue: 'list-ordered',
  browser: 'app-window',
  api: 'webhook',
  key: 'key-round',
  'load-balancer': 'split',
};

/** lucide's per-icon ES modules: dist/esm/icons/<name>.mjs (its entry is dist/cjs or dist/esm). */
function iconsDirectory(): string {
  return join(dirname(dirname(fileURLToPath(import.meta.resolve('lucide')))), 'esm', 'icons');
}

let names: Set<string> | undefined;

function lucideNames(): Set<string> {
  names ??= new Set(
    readdirSync(iconsDirectory())
      .filter((file) => file.endsWith('.mjs'))
      .map((file) => file.slice(0, -'.mjs'.length)),
  );
  return names;
}

/** "OS cube", "generic_cloud", "Code File" → "os-cube", "generic-cloud", "code-file". */
export function normaliseIconName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-');
}

/** The lucide name a spec's icon name resolves to, or undefined when nothing matches. */
export function resolveIconName(name: string): string | undefined {
  const normal = normaliseIconName(name);
  const target = ALIASES[normal] ?? normal;
  return lucideNames().has(target) ? target : undefined;
}

/** Every name a spec may use, for suggestions. */
export function iconNames(): Iterable<string> {
  return [...Object.keys(ALIASES), ...lucideNames()];
}

/** The drawing of a resolved lucide icon. */
export async function loadIcon(name: string): Promise<IconNode> {
  if (!lucideNames().has(name)) throw new Error(`unknown lucide icon "${name}"`);
  const module = (await import(pathToFileURL(join(iconsDirectory(), `${name}.mjs`)).href)) as { default: IconNode };
  return module.default;
}
