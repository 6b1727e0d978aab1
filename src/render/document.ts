/** Spec + theme → the RenderDocument the page draws. */
import type { RenderDocument } from '../document.js';
import { loadIcon, type IconNode } from '../icons/icons.js';
import type { Spec } from '../spec/model.js';
import type { Theme } from '../theme/themes.js';

export async function renderDocument(spec: Spec, theme: Theme): Promise<RenderDocument> {
  const icons: Record<string, IconNode> = {};
  for (const component of spec.components) {
    // Component icons are resolved lucide names or the spec's own sanitised SVGs (validate.ts).
    if (component.icon === undefined) continue;
    icons[component.icon] ??= spec.customIcons?.[component.icon] ?? (await loadIcon(component.icon));
  }
  return { spec, icons, theme: { name: theme.name, css: theme.css } };
}
