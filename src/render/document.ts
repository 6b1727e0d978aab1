/** Spec + theme → the RenderDocument the page draws. */
import type { RenderDocument } from '../document.js';
import { resolveIcon, type IconNode } from '../icons/icons.js';
import type { Spec } from '../spec/model.js';
import type { Theme } from '../theme/themes.js';

export function renderDocument(spec: Spec, theme: Theme): RenderDocument {
  const icons: Record<string, IconNode> = {};
  for (const component of spec.components) {
    if (component.icon === undefined) continue;
    const icon = resolveIcon(component.icon);
    if (icon) icons[icon.name] = icon.node;
  }
  return { spec, icons, theme: { name: theme.name, css: theme.css } };
}
