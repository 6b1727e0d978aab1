/**
 * Themes are folders of CSS custom properties (theme.css) with a small metadata file
 * (theme.json). A theme is named (a folder in the package's themes/) or given as a path.
 *
 * blueprint is the reference theme: it sets every token. Any other theme is drawn on top of
 * it, so a token a theme leaves out still has a value — and the theme gets a warning naming
 * the token and the value it inherited.
 */
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { didYouMean } from '../spec/suggest.js';
import { fontFamilies } from '../fonts/family-list.js';
import { bundledFamilies } from '../fonts/page-fonts.js';

export const REFERENCE_THEME = 'blueprint';

export interface ThemeMeta {
  readonly name: string;
  readonly description: string;
  readonly appearance: 'dark' | 'light';
}

export interface Theme extends ThemeMeta {
  readonly directory: string;
  /** The CSS the page applies: the reference tokens, then the theme's own. */
  readonly css: string;
  /** Tokens the theme leaves out, each with the value it inherits. */
  readonly warnings: readonly string[];
}

export function builtInThemesDirectory(): string {
  return join(packageRoot(), 'themes');
}

export async function builtInThemeNames(): Promise<string[]> {
  const entries = await readdir(builtInThemesDirectory(), { withFileTypes: true });
  return themeFolders(entries);
}

/** The same list, synchronously (spec validation names an unknown theme while it loads). */
export function builtInThemeNamesSync(): string[] {
  return themeFolders(readdirSync(builtInThemesDirectory(), { withFileTypes: true }));
}

function themeFolders(entries: readonly Dirent[]): string[] {
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(builtInThemesDirectory(), e.name, 'theme.css')))
    .map((e) => e.name)
    .sort();
}

const isPath = (nameOrPath: string) =>
  nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.startsWith('.') || isAbsolute(nameOrPath);

/** The folder a theme reference points to. */
export async function themeDirectory(nameOrPath: string): Promise<string> {
  const directory = isPath(nameOrPath) ? resolve(nameOrPath) : join(builtInThemesDirectory(), nameOrPath);
  if (existsSync(join(directory, 'theme.css'))) return directory;
  if (isPath(nameOrPath)) throw new UsageError(`theme folder "${nameOrPath}" has no theme.css`);
  const names = await builtInThemeNames();
  throw new UsageError(`unknown theme "${nameOrPath}"${didYouMean(nameOrPath, names)}; available: ${names.join(', ')}`);
}

export async function readThemeMeta(directory: string): Promise<ThemeMeta> {
  const file = join(directory, 'theme.json');
  let meta: { name?: unknown; description?: unknown; appearance?: unknown } = {};
  if (existsSync(file)) {
    try {
      meta = JSON.parse(await readFile(file, 'utf8')) as typeof meta;
    } catch (error) {
      throw new UsageError(`${file}: invalid JSON (${(error as Error).message})`);
    }
  }
  return {
    name: typeof meta.name === 'string' && meta.name ? meta.name : basename(directory),
    description: typeof meta.description === 'string' ? meta.description : '',
    appearance: meta.appearance === 'light' ? 'light' : 'dark',
  };
}

/** `--cy-…` declarations of a stylesheet, with their values. */
export function tokensOf(css: string): Map<string, string> {
  const tokens = new Map<string, string>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of text.matchAll(/(--cy-[a-z0-9-]+)\s*:\s*([^;]*);/g)) {
    tokens.set(match[1] ?? '', (match[2] ?? '').replace(/\s+/g, ' ').trim());
  }
  return tokens;
}

/** A built-in theme by name, or a theme folder by path ("./brand-theme"). */
export async function loadTheme(nameOrPath: string): Promise<Theme> {
  const directory = await themeDirectory(nameOrPath);
  const meta = await readThemeMeta(directory);
  const own = await readFile(join(directory, 'theme.css'), 'utf8');
  const referenceDirectory = join(builtInThemesDirectory(), REFERENCE_THEME);
  if (resolve(directory) === resolve(referenceDirectory)) return { ...meta, directory, css: own, warnings: unbundledFonts(meta.name, own) };

  const reference = await readFile(join(referenceDirectory, 'theme.css'), 'utf8');
  const declared = tokensOf(own);
  const missing = [...tokensOf(reference)]
    .filter(([token]) => !declared.has(token))
    .map(([token, value]) => `theme "${meta.name}" does not set ${token}; using ${REFERENCE_THEME}'s ${value}`);
  const css = `${reference}\n/* ${meta.name} */\n${own}`;
  // Fonts first: summariseWarnings counts what it leaves out as tokens not set.
  return { ...meta, directory, css, warnings: [...unbundledFonts(meta.name, css), ...missing] };
}

/**
 * loadTheme for one command's run: each theme is read, merged with the reference and checked
 * once, however many items use it (it cost a batch ~1.5 ms of the main thread per item).
 * Long-lived callers that must see a theme edited meanwhile (the dev server) call loadTheme.
 */
export function themeCache(): (nameOrPath: string) => Promise<Theme> {
  const loaded = new Map<string, Promise<Theme>>();
  return (nameOrPath) => {
    let theme = loaded.get(nameOrPath);
    if (!theme) loaded.set(nameOrPath, (theme = loadTheme(nameOrPath)));
    return theme;
  };
}

/**
 * A text role whose font is not one the page bundles is drawn with whatever font the machine
 * has — the same spec then gives different pixels on different machines, and layout measures
 * a font the author never saw. One warning per such font, naming the roles that use it.
 */
function unbundledFonts(theme: string, css: string): string[] {
  const bundled = bundledFamilies();
  if (!bundled) return [];
  const roles = new Map<string, string[]>();
  for (const [token, value] of tokensOf(css)) {
    const first = /^--cy-text-[a-z-]+-family$/.test(token) ? fontFamilies(value)[0] : undefined;
    if (first === undefined || bundled.includes(first)) continue;
    roles.set(first, [...(roles.get(first) ?? []), token]);
  }
  return [...roles].map(
    ([family, tokens]) =>
      `theme "${theme}": ${tokens.join(', ')} ${tokens.length === 1 ? 'starts' : 'start'} with "${family}", a font cyanotype does not bundle, ` +
      `so it is drawn with whatever this machine has and pictures differ between machines; bundled: ${bundled.join(', ')}`,
  );
}

/** At most `max` warnings, then one line for the rest, so a sparse theme does not flood a terminal. */
export function summariseWarnings(warnings: readonly string[], max = 8): string[] {
  if (warnings.length <= max) return [...warnings];
  const rest = warnings.length - max;
  return [...warnings.slice(0, max), `… and ${rest} more tokens not set (a theme made with \`cyanotype theme new\` sets them all)`];
}
