/**
 * Icons come from lucide (ISC licence), resolved on the Node side so the page receives only
 * the few it draws. A spec may name any lucide icon ("file-code") or one of the descriptive
 * aliases below, which is how generated prompts tend to describe icons.
 */
import { icons as lucideIcons } from 'lucide';

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
  user: 'user',
  browser: 'app-window',
  api: 'webhook',
  lock: 'lock',
  key: 'key-round',
  layers: 'layers',
  'load-balancer': 'split',
  network: 'network',
  container: 'container',
};

/** "FileCode2" → "file-code-2", the spelling lucide uses in its docs and CSS classes. */
function kebab(pascal: string): string {
  return pascal
    .replace(/([a-z])([A-Z0-9])/g, '$1-$2')
    .replace(/([0-9])([A-Za-z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

let byName: Map<string, IconNode> | undefined;

/** Lazily built: importing lucide is cheap, kebab-casing ~2 000 names is not free. */
function table(): Map<string, IconNode> {
  if (!byName) {
    byName = new Map();
    for (const [pascal, node] of Object.entries(lucideIcons)) {
      byName.set(kebab(pascal), node as unknown as IconNode);
    }
  }
  return byName;
}

/** "OS cube", "generic_cloud", "Code File" → "os-cube", "generic-cloud", "code-file". */
export function normaliseIconName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-');
}

export interface ResolvedIcon {
  /** The lucide name the icon resolved to. */
  readonly name: string;
  readonly node: IconNode;
}

/** The icon for a spec's name, or undefined when neither an alias nor a lucide name matches. */
export function resolveIcon(name: string): ResolvedIcon | undefined {
  const normal = normaliseIconName(name);
  const target = ALIASES[normal] ?? normal;
  const node = table().get(target);
  return node ? { name: target, node } : undefined;
}

/** Every name a spec may use, for suggestions. */
export function iconNames(): Iterable<string> {
  return [...Object.keys(ALIASES), ...table().keys()];
}
