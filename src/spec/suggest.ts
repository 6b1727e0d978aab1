/** Near-miss suggestions for "did you mean" messages. */

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidates close enough to `wanted` to be a plausible typo, best first. "Close enough"
 * scales with length so that short ids do not suggest unrelated short ids.
 */
export function nearest(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = wanted.toLowerCase();
  const allowed = Math.max(1, Math.min(4, Math.floor(needle.length / 3)));
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    let score = editDistance(needle, hay);
    // One name inside the other ("database" in "database-server"), when both are words, not a letter or two.
    if (score > allowed && needle.length >= 3 && hay.length >= 3 && (hay.includes(needle) || needle.includes(hay))) {
      score = allowed;
    }
    if (score <= allowed) scored.push({ candidate, score });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** ` (did you mean "x"?)`, ` (did you mean "x" or "y"?)`, or "" when nothing is near. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const near = nearest(wanted, candidates);
  if (near.length === 0) return '';
  const quoted = near.map((n) => `"${n}"`);
  const last = quoted.pop();
  return ` (did you mean ${quoted.length ? `${quoted.join(', ')} or ` : ''}${last}?)`;
}
