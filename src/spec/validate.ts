/**
 * Checks that need the whole document (unique ids, references, icons) and builds the
 * normalised Spec. Reports the first problem in document order as a SpecError.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SpecError } from '../errors.js';
import type { IconNode } from '../icons/icons.js';
import { IconProblem, MAX_ICON_BYTES, parseSvgIcon } from '../icons/svg-icon.js';
import { iconNames, resolveIconName } from '../icons/icons.js';
import type { Component, Connection, LegendStep, Spec, Stack } from './model.js';
import type { ParsedSpec } from './schema.js';
import { builtInThemeNamesSync } from '../theme/themes.js';
import { readSize } from './size.js';
import { didYouMean } from './suggest.js';

export function validateSpec(parsed: ParsedSpec, file: string): Spec {
  const fail = (place: string, problem: string): never => {
    throw new SpecError(file, place, problem);
  };

  const componentAt = new Map<string, number>();
  const components: Component[] = [];
  const customIcons: Record<string, IconNode> = {};
  const stackMembers = new Map<string, string[]>();
  parsed.components.forEach((c, i) => {
    const first = componentAt.get(c.id);
    if (first !== undefined) fail(`/components/${i}/id`, `duplicate id "${c.id}" (first used at /components/${first})`);
    componentAt.set(c.id, i);
    let icon: string | undefined;
    if (c.icon !== undefined && /\.svg$/i.test(c.icon)) {
      icon = `svg:${c.icon}`;
      customIcons[icon] ??= readSvgIcon(c.icon, file, `/components/${i}/icon`);
    } else if (c.icon !== undefined) {
      icon = resolveIconName(c.icon);
      if (!icon) fail(`/components/${i}/icon`, `unknown icon "${c.icon}"${didYouMean(c.icon, iconNames())}`);
    }
    if (c.stack !== undefined) {
      const members = stackMembers.get(c.stack) ?? [];
      members.push(c.id);
      stackMembers.set(c.stack, members);
    }
    components.push({ id: c.id, label: c.label, role: c.role, icon, band: c.band, stack: c.stack });
  });

  const stacks: Stack[] = [];
  for (const [id, members] of stackMembers) {
    const clash = componentAt.get(id);
    if (clash !== undefined) {
      const where = parsed.components.findIndex((c) => c.stack === id);
      fail(`/components/${where}/stack`, `stack "${id}" has the same name as the component at /components/${clash}`);
    }
    const bands = new Set(members.map((m) => components[componentAt.get(m) ?? 0]?.band));
    if (bands.size > 1) {
      const where = parsed.components.findIndex(
        (c) => c.stack === id && c.band !== components[componentAt.get(members[0] ?? '') ?? 0]?.band,
      );
      fail(`/components/${where}/band`, `members of stack "${id}" are in different bands; a stack belongs to one band`);
    }
    stacks.push({ id, members });
  }

  const nodeIds = [...componentAt.keys(), ...stackMembers.keys()];
  const isNode = (id: string) => componentAt.has(id) || stackMembers.has(id);
  const connectionAt = new Map<string, number>();
  const connections: Connection[] = parsed.connections.map((c, i) => {
    const from = typeof c.from === 'string' ? [c.from] : c.from;
    from.forEach((source, j) => {
      const place = typeof c.from === 'string' ? `/connections/${i}/from` : `/connections/${i}/from/${j}`;
      if (!isNode(source)) fail(place, `unknown component "${source}"${didYouMean(source, nodeIds)}`);
    });
    if (!isNode(c.to)) fail(`/connections/${i}/to`, `unknown component "${c.to}"${didYouMean(c.to, nodeIds)}`);
    if (from.includes(c.to)) fail(`/connections/${i}`, `a connection from "${c.to}" to itself is not supported`);
    const ownStack = from.find((source) => stackMembers.get(source)?.includes(c.to));
    if (ownStack) fail(`/connections/${i}`, `a connection from stack "${ownStack}" to its own member "${c.to}" is not supported`);
    if (new Set(from).size !== from.length) fail(`/connections/${i}/from`, 'a source is listed twice');
    const id = c.id ?? `${from.join('+')}-to-${c.to}`;
    const first = connectionAt.get(id);
    if (first !== undefined) {
      fail(
        c.id ? `/connections/${i}/id` : `/connections/${i}`,
        `duplicate connection id "${id}" (first used at /connections/${first}); give one of them an "id"`,
      );
    }
    if (isNode(id)) fail(`/connections/${i}/id`, `connection id "${id}" is already a component or stack id`);
    connectionAt.set(id, i);
    return { id, from, to: c.to, label: c.label };
  });

  const refIds = [...nodeIds, ...connectionAt.keys()];
  const legend: LegendStep[] = parsed.legend.map((step, i) => {
    if (typeof step === 'string') return { number: i + 1, text: step, refs: [] };
    const refs = step.refs ?? [];
    refs.forEach((ref, j) => {
      if (!isNode(ref) && !connectionAt.has(ref)) {
        fail(`/legend/${i}/refs/${j}`, `unknown component or connection "${ref}"${didYouMean(ref, refIds)}`);
      }
    });
    return { number: i + 1, text: step.text, refs };
  });

  const sizeList = typeof parsed.size === 'string' ? [parsed.size] : parsed.size;
  const sizes = sizeList.map((text, i) => {
    const read = readSize(text);
    return 'size' in read ? read.size : fail(typeof parsed.size === 'string' ? '/size' : `/size/${i}`, read.problem);
  });
  const themes = typeof parsed.theme === 'string' ? [parsed.theme] : [...new Set(parsed.theme)];
  const known = builtInThemeNamesSync();
  themes.forEach((theme) => {
    if (!known.includes(theme)) {
      const place = typeof parsed.theme === 'string' ? '/theme' : `/theme/${parsed.theme.indexOf(theme)}`;
      fail(place, `unknown theme "${theme}"${didYouMean(theme, known)}; built-in themes: ${known.join(', ')}`);
    }
  });

  return {
    title: parsed.title,
    subtitle: parsed.subtitle,
    archetype: parsed.archetype,
    theme: themes[0] ?? 'blueprint',
    themes,
    size: sizes[0] ?? { width: 1024, height: 1024 },
    sizes,
    components,
    stacks,
    connections,
    notes: parsed.notes.map((n) => ({ title: n.title, role: n.role })),
    legend,
    check: { words: parsed.check.words, allowSecurityClaims: parsed.check.allowSecurityClaims },
    ...(Object.keys(customIcons).length > 0 ? { customIcons } : {}),
  };
}

/**
 * A spec's own icon: an SVG file next to the spec (or below its folder), read and sanitised
 * to shape data. Paths leaving the spec's folder are refused, so a spec cannot read other files.
 */
function readSvgIcon(reference: string, specFile: string, place: string): IconNode {
  const fail = (problem: string): never => {
    throw new SpecError(specFile, place, problem);
  };
  const folder = resolve(dirname(specFile));
  const path = resolve(folder, reference);
  const inside = relative(folder, path);
  if (isAbsolute(reference) || inside.split(sep).includes('..') || isAbsolute(inside)) {
    fail(`icon "${reference}" is outside the spec's folder; put the SVG next to the spec or below it`);
  }
  let text = '';
  try {
    if (statSync(path).size > MAX_ICON_BYTES) fail(`icon "${reference}" is larger than ${MAX_ICON_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof SpecError) throw error;
    fail(`icon file "${reference}" not found next to the spec`);
  }
  try {
    return parseSvgIcon(text);
  } catch (error) {
    if (error instanceof IconProblem) fail(`icon "${reference}": ${error.message}`);
    throw error;
  }
}
