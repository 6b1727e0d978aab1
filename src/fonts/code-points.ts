/**
 * Sets of Unicode code points as sorted, disjoint, inclusive ranges: what a font's cmap has, what
 * a `unicode-range` declares, and the sets made from them.
 */
/** Inclusive code point ranges, sorted and merged. */
export type CodePointRanges = readonly (readonly [number, number])[];

/** True when `codePoint` is in the set. */
export function covers(ranges: CodePointRanges, codePoint: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = ranges[mid]!;
    if (codePoint < from) high = mid - 1;
    else if (codePoint > to) low = mid + 1;
    else return true;
  }
  return false;
}

/** The characters in both of two range lists. */
export function intersect(a: CodePointRanges, b: CodePointRanges): CodePointRanges {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    const from = Math.max(a0, b0);
    const to = Math.min(a1, b1);
    if (from <= to) out.push([from, to]);
    if (a1 < b1) i++;
    else j++;
  }
  return out;
}

/** The characters in either of two sorted range lists, as one sorted list of disjoint ranges. */
export function union(a: CodePointRanges, b: CodePointRanges): CodePointRanges {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [from, to] of all) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The characters of `ranges` that are not in `taken`. */
export function without(ranges: CodePointRanges, taken: CodePointRanges): CodePointRanges {
  const out: [number, number][] = [];
  for (const [from, to] of ranges) {
    let at = from;
    for (const [a, b] of taken) {
      if (b < at || a > to) continue;
      if (a > at) out.push([at, a - 1]);
      at = Math.max(at, b + 1);
    }
    if (at <= to) out.push([at, to]);
  }
  return out;
}

/** A CSS `unicode-range` value (`U+0100-02BA,U+0304,U+1E??`) as sorted, merged ranges. */
export function parseUnicodeRange(value: string): CodePointRanges {
  const ranges = value
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part.length > 0)
    .map((part): [number, number] => {
      if (part.includes('?')) return [Number.parseInt(part.replace(/\?/g, '0'), 16), Number.parseInt(part.replace(/\?/g, 'F'), 16)];
      const [from = '', to = from] = part.split('-');
      return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
    })
    .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to) && from <= to)
    .sort((a, b) => a[0] - b[0]);
  return ranges.reduce<CodePointRanges>((merged, range) => union(merged, [range]), []);
}

/**
 * Each character of `text` above U+00FF, once: what a text asks of fonts beyond the Latin-1 every
 * bundled face's main subset has (the page loads faces for them; Node adds the extra faces' files).
 */
export function beyondLatin1(text: string): string {
  let found = '';
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) <= 0xff) continue;
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (!found.includes(ch)) found += ch;
    if (ch.length === 2) i++;
  }
  return found;
}
