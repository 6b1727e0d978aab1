/**
 * Themes are folders of CSS custom properties (theme.css) with a small metadata file
 * (theme.json). A theme is named (a folder in the package's themes/) or given as a path.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { didYouMean } from '../spec/suggest.js';
import { packageRoot } from '../package-root.js';

export interface Theme {
  readonly name: string;
  readonly description: string;
  readonly appearance: 'dark' | 'light';
  readonly directory: string;
  readonly css: string;
}

export function builtInThemesDirectory(): string {
  return join(packageRoot(), 'themes');
}

export async function builtInThemeNames(): Promise<string[]> {
  const entries = await readdir(builtInThemesDirectory(), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(builtInThemesDirectory(), e.name, 'theme.css')))
    .map((e) => e.name)
    .sort();
}

/** A built-in theme by name, or a theme folder by path ("./brand-theme"). */
export async function loadTheme(nameOrPath: string): Promise<Theme> {
  const looksLikePath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.startsWith('.') || isAbsolute(nameOrPath);
  const directory = looksLikePath ? resolve(nameOrPath) : join(builtInThemesDirectory(), nameOrPath);
  const cssFile = join(directory, 'theme.css');
  if (!existsSync(cssFile)) {
    if (looksLikePath) throw new UsageError(`theme folder "${nameOrPath}" has no theme.css`);
    const names = await builtInThemeNames();
    throw new UsageError(`unknown theme "${nameOrPath}"${didYouMean(nameOrPath, names)}; available: ${names.join(', ')}`);
  }
  const css = await readFile(cssFile, 'utf8');
  let meta: { name?: string; description?: string; appearance?: string } = {};
  const metaFile = join(directory, 'theme.json');
  if (existsSync(metaFile)) {
    try {
      meta = JSON.parse(await readFile(metaFile, 'utf8')) as typeof meta;
    } catch (error) {
      throw new UsageError(`${metaFile}: invalid JSON (${(error as Error).message})`);
    }
  }
  return {
    name: meta.name ?? basename(directory),
    description: meta.description ?? '',
    appearance: meta.appearance === 'light' ? 'light' : 'dark',
    directory,
    css,
  };
}
