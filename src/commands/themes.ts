/** `cyanotype themes` and `cyanotype theme new`: list the themes, scaffold a new one. */
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { builtInThemeNames, builtInThemesDirectory, readThemeMeta, themeDirectory, type ThemeMeta } from '../theme/themes.js';

export interface ThemeListing extends ThemeMeta {
  readonly directory: string;
}

export async function listThemes(): Promise<ThemeListing[]> {
  const names = await builtInThemeNames();
  return Promise.all(
    names.map(async (name) => {
      const directory = join(builtInThemesDirectory(), name);
      return { ...(await readThemeMeta(directory)), directory };
    }),
  );
}

export function formatThemes(themes: readonly ThemeListing[]): string {
  const width = Math.max(...themes.map((t) => t.name.length));
  return themes.map((t) => `${t.name.padEnd(width)}  ${t.appearance.padEnd(5)}  ${t.description}`).join('\n');
}

/** Copies a theme into `<directory>/<name>` under a new name; it renders as soon as it exists. */
export async function scaffoldTheme(name: string, from: string, directory: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(name)) {
    throw new UsageError(`theme name "${name}" must be 1-64 lowercase letters, digits, "-" or "_"`);
  }
  const target = resolve(directory, name);
  if (existsSync(target)) throw new UsageError(`${target} already exists; choose another name or remove it`);
  const source = await themeDirectory(from);
  await cp(source, target, { recursive: true });
  const meta = await readThemeMeta(source);
  const css = await readFile(join(target, 'theme.css'), 'utf8');
  await writeFile(
    join(target, 'theme.css'),
    `/* ${name} — made from ${meta.name} with \`cyanotype theme new\`. Every token is listed; change any. */\n${css}`,
  );
  await writeFile(
    join(target, 'theme.json'),
    `${JSON.stringify({ name, description: `A theme made from ${meta.name}.`, appearance: meta.appearance }, null, 2)}\n`,
  );
  return target;
}
