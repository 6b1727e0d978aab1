/**
 * Symbols the themes' own fonts do not have — arrows (→ ⇒), math (≥ ≠ ±… beyond Latin-1),
 * Greek (λ μ Δ), check marks, box drawing, geometric shapes — come from one bundled fallback
 * family, "cyanotype symbols" (DejaVu Sans, whose faces carry only these ranges: see
 * src/dev/bundle.ts). The page puts it in every text role's font list before the first generic
 * family, so a character the theme's font lacks is drawn from the bundle rather than from
 * whatever font the machine has; a character the theme's font has is drawn as before.
 */

export const SYMBOLS_FAMILY = 'cyanotype symbols';

/** The Unicode blocks the symbols family is for (less whatever the bundled Latin faces are for: see bundle.ts). */
export const SYMBOL_BLOCKS = [
  'U+0370-03FF', // Greek and Coptic
  'U+2070-209F', // superscripts and subscripts
  'U+2100-218F', // letterlike symbols, number forms
  'U+2190-21FF', // arrows
  'U+2200-22FF', // mathematical operators
  'U+2300-23FF', // miscellaneous technical
  'U+2460-24FF', // enclosed alphanumerics
  'U+2500-25FF', // box drawing, block elements, geometric shapes
  'U+2600-27BF', // miscellaneous symbols, dingbats
  'U+27C0-2BFF', // supplemental arrows and mathematical symbols
].join(',');

const GENERIC =
  /^(serif|sans-serif|monospace|cursive|fantasy|system-ui|math|emoji|fangsong|ui-serif|ui-sans-serif|ui-monospace|ui-rounded)$/i;

/**
 * The theme's CSS with the symbols family in each text role's font list (`--cy-text-<role>-family`),
 * before the list's first generic family (which stands for the machine's fonts), or last.
 * Lists built from var() are left as they are.
 */
export function withSymbolFallback(css: string): string {
  return css.replace(/(--cy-text-[a-z0-9-]+-family\s*:)([^;}]*)/g, (whole, head: string, value: string) => {
    if (value.includes('var(') || value.includes(SYMBOLS_FAMILY)) return whole;
    const important = /\s*!important\s*$/i.exec(value)?.[0] ?? '';
    const families = value.slice(0, value.length - important.length).split(',');
    const generic = families.findIndex((family) => GENERIC.test(family.trim().replace(/^(['"])(.*)\1$/, '$2')));
    families.splice(generic < 0 ? families.length : generic, 0, ` '${SYMBOLS_FAMILY}'`);
    return `${head}${families.join(',')}${important}`;
  });
}
