/**
 * The spell check: words against a list built from cspell's dictionaries at build time
 * (scripts/build-words.ts → dist/spell/words.txt), with cspell's conventions — words shorter
 * than four letters, acronyms and numbers are not checked, camelCase is checked part by part,
 * case does not matter — and suggestions one or two edits away.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { WordList } from './word-list.js';

export interface Misspelling {
  readonly word: string;
  readonly suggestions: string[];
}

export type Speller = (text: string) => Misspelling[];

let dictionary: Promise<WordList> | undefined;

/** Starts reading the word list (once per process); resolves to the known words, lowercase. */
export function loadWordList(): Promise<WordList> {
  dictionary ??= readFile(join(packageRoot(), 'dist', 'spell', 'words.txt'), 'utf8').then(
    (text) => WordList.parse(text),
    () => {
      throw new Error('the spelling word list is missing (dist/spell/words.txt); run `npm run build`');
    },
  );
  return dictionary;
}

const MIN_LENGTH = 4;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export async function createSpeller(extraWords: readonly string[]): Promise<Speller> {
  const known = await loadWordList();
  const extra = new Set(extraWords.flatMap((w) => [w, ...w.split(/[-.]/)]).map((w) => w.toLowerCase()));
  const has = (word: string) => known.has(word) || extra.has(word);

  const correct = (word: string): boolean => {
    const lower = word.toLowerCase();
    if (has(lower) || has(lower.replace(/'s$/, ''))) return true;
    // camelCase and PascalCase compounds ("GraphQL", "OAuth"): each part on its own.
    const parts = word.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z']+/g) ?? [word];
    return parts.length > 1 && parts.every((part) => skip(part) || has(part.toLowerCase()) || has(part.toLowerCase().replace(/'s$/, '')));
  };

  const suggest = (word: string): string[] => {
    const lower = word.toLowerCase();
    const one = edits(lower);
    let found = [...one].filter(has);
    if (found.length === 0) found = [...new Set([...one].flatMap((e) => [...edits(e)]))].filter(has);
    // Swapped, missing and doubled letters are the usual slips; a changed letter less so.
    const score = (s: string) =>
      (s[0] === lower[0] ? 0 : 2) +
      (sameLetters(s, lower) ? 0 : subsequence(lower, s) || subsequence(s, lower) ? 0.5 : 1) +
      Math.abs(s.length - lower.length) / 4;
    return found
      .sort((a, b) => score(a) - score(b) || a.localeCompare(b))
      .slice(0, 3)
      .map((s) => (/^[A-Z]/.test(word) ? s.charAt(0).toUpperCase() + s.slice(1) : s));
  };

  return (text: string) => {
    const out: Misspelling[] = [];
    const seen = new Set<string>();
    for (const token of text.replace(/[’‘]/g, "'").match(/[\p{L}\p{M}']+/gu) ?? []) {
      const word = token.replace(/^'+|'+$/g, '');
      if (skip(word) || correct(word) || seen.has(word)) continue;
      seen.add(word);
      out.push({ word, suggestions: suggest(word) });
    }
    return out;
  };
}

/** Not checked, as in cspell: short words and acronyms (HTTPS, CMD). */
function skip(word: string): boolean {
  return word.length < MIN_LENGTH || /^[A-Z0-9']+$/.test(word);
}

/** True when `short` can be had from `long` by deleting letters. */
function subsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

/** Every string one deletion, transposition, replacement or insertion away. */
function edits(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  return out;
}
