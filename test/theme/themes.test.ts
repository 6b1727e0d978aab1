import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_ROLES } from '../../components/shared/metrics.js';
import { listThemes, scaffoldTheme } from '../../src/commands/themes.js';
import { loadTheme, tokensOf, themeCache } from '../../src/theme/themes.js';
import { scratchDir } from '../support/scratch.js';

const BUILT_IN = ['amber', 'blueprint', 'contrast', 'paper', 'phosphor', 'whiteboard'];

describe('themes', () => {
  it('ships six built-in themes, each described, each dark or light', async () => {
    const themes = await listThemes();
    expect(themes.map((t) => t.name)).toEqual(BUILT_IN);
    for (const theme of themes) {
      expect(theme.description.length, theme.name).toBeGreaterThan(30);
      expect(['dark', 'light']).toContain(theme.appearance);
    }
  });

  it.each(BUILT_IN)('%s sets every token the reference theme defines', async (name) => {
    expect((await loadTheme(name)).warnings).toEqual([]);
  });

  it('documents every token in themes/README.md', () => {
    const readme = readFileSync('themes/README.md', 'utf8');
    const tokens = [...tokensOf(readFileSync('themes/blueprint/theme.css', 'utf8')).keys()];
    const undocumented = tokens.filter((token) => {
      const role = /^--cy-text-(.+)-(family|weight|size|line|tracking|case)$/.exec(token)?.[1];
      const isRole = role !== undefined && (Object.values(TEXT_ROLES) as string[]).includes(role);
      return isRole ? !readme.includes(`\`${role}\``) : !readme.includes(`\`${token}\``);
    });
    expect(undocumented).toEqual([]);
  });

  it('warns for each token a theme leaves out, naming the value it inherits', async () => {
    const dir = scratchDir('theme');
    writeFileSync(join(dir, 'theme.css'), 'cy-artboard {\n  --cy-color-line: #ff5577;\n}\n');
    const theme = await loadTheme(dir);
    expect(theme.warnings).toContain(`theme "${theme.name}" does not set --cy-color-ground; using blueprint's #0a2252`);
    expect(theme.warnings.some((w) => w.includes('--cy-color-line;'))).toBe(false);
    expect(theme.css.endsWith('--cy-color-line: #ff5577;\n}\n')).toBe(true);
  });

  it('warns once per font a theme names that the page does not bundle, first among its warnings', async () => {
    const dir = scratchDir('theme');
    const css = readFileSync('themes/blueprint/theme.css', 'utf8')
      .replace("--cy-text-title-family: 'Chakra Petch', sans-serif;", "--cy-text-title-family: 'Inter', sans-serif;")
      .replace("--cy-text-tag-family: 'IBM Plex Mono', monospace;", "--cy-text-tag-family: 'Inter', 'IBM Plex Mono';")
      .replace("--cy-text-subtitle-family: 'IBM Plex Sans Condensed', sans-serif;", '--cy-text-subtitle-family: sans-serif;')
      .replace('--cy-color-line: #56d8ff;', '');
    writeFileSync(join(dir, 'theme.css'), css);
    const theme = await loadTheme(dir);
    const bundled =
      'bundled: Atkinson Hyperlegible, Chakra Petch, IBM Plex Mono, IBM Plex Sans Condensed, IBM Plex Serif, Patrick Hand, Share Tech Mono, VT323';
    expect(theme.warnings).toEqual([
      `theme "${theme.name}": --cy-text-title-family, --cy-text-tag-family start with "Inter", a font cyanotype does not bundle, so it is drawn with whatever this machine has and pictures differ between machines; ${bundled}`,
      `theme "${theme.name}": --cy-text-subtitle-family starts with "sans-serif", a font cyanotype does not bundle, so it is drawn with whatever this machine has and pictures differ between machines; ${bundled}`,
      `theme "${theme.name}" does not set --cy-color-line; using blueprint's #56d8ff`,
    ]);
  });

  it('answers an unknown theme with the ones that exist', async () => {
    await expect(loadTheme('amberr')).rejects.toThrow(`unknown theme "amberr" (did you mean "amber"?); available: ${BUILT_IN.join(', ')}`);
  });

  it('scaffolds a complete theme that renders at once from its folder', async () => {
    const dir = scratchDir('scaffold');
    await mkdir(dir, { recursive: true });
    const target = await scaffoldTheme('brand', 'paper', dir);
    const theme = await loadTheme(target);
    expect(theme.name).toBe('brand');
    expect(theme.warnings).toEqual([]);
    const out = join(dir, 'out');
    const run = spawnSync(
      process.execPath,
      ['bin/cyanotype.js', 'render', 'examples/https-request-path.yaml', '--theme', target, '-o', out],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('lists themes as JSON', () => {
    const run = spawnSync(process.execPath, ['bin/cyanotype.js', 'themes', '--json'], { encoding: 'utf8' });
    expect((JSON.parse(run.stdout) as Array<{ name: string }>).map((t) => t.name)).toEqual(BUILT_IN);
  });
});

describe('themeCache', () => {
  it('loads each theme once for a run and hands every item the same one', async () => {
    const themes = themeCache();
    const first = themes('blueprint');
    expect(themes('blueprint')).toBe(first);
    expect(await first).toEqual(await loadTheme('blueprint'));
    expect((await themes('amber')).name).toBe('amber');
    await expect(themes('no-such-theme')).rejects.toThrow(/no-such-theme/);
  });
});
