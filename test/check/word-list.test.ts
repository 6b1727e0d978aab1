import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WordList } from '../../src/check/word-list.js';

describe('WordList (sorted text, binary search)', () => {
  it('finds every word of a small list and nothing else', () => {
    const words = ["'tis", 'apple', 'banana', 'café', 'zebra', 'zoo'];
    const list = WordList.parse(`${[...words].sort().join('\n')}\n`);
    expect(list.size).toBe(words.length);
    for (const w of words) expect(list.has(w)).toBe(true);
    for (const w of ['', 'appl', 'apples', 'cafe', 'zz', 'a', 'ZEBRA']) expect(list.has(w)).toBe(false);
  });

  it('agrees with a Set on the built list: all its words, and their near misses', () => {
    const text = readFileSync('dist/spell/words.txt', 'utf8');
    const words = text.split('\n').filter(Boolean);
    const set = new Set(words);
    const list = WordList.parse(text);
    expect(list.size).toBe(set.size);
    for (let i = 0; i < words.length; i += 97) {
      const w = words[i]!;
      expect(list.has(w)).toBe(true);
      for (const probe of [`${w}q`, w.slice(1), w.slice(0, -1)]) expect(list.has(probe)).toBe(set.has(probe));
    }
  });
});
