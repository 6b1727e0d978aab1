/** CSS font-family lists: the families in order, unquoted. */

/** The families of a font-family list (`"IBM Plex Mono", monospace` → IBM Plex Mono, monospace). */
export function fontFamilies(list: string): string[] {
  return [...list.matchAll(/\s*(?:"([^"]*)"|'([^']*)'|([^,]+))\s*(?:,|$)/g)]
    .map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim())
    .filter((family) => family.length > 0);
}
