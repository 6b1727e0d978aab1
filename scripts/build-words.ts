/**
 * `npm run build` step: the spell check's word list, extracted once from cspell's dictionaries
 * into dist/spell/words.txt. Loading cspell at check time cost ~1.1 s and ~150 MiB per run;
 * a plain list loads in ~0.1 s. See docs/decisions/007-spelling-word-list.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as cspell from 'cspell-lib';

/** US English, software terms, company and product names, Docker, Kubernetes, web stack, networking, AWS service names. */
export const DICTIONARIES = ['en_us', 'softwareTerms', 'companies', 'docker', 'k8s', 'fullstack', 'networking-terms', 'aws'];

const settings = cspell.finalizeSettings(
  cspell.mergeSettings(await cspell.getDefaultSettings(), { language: 'en', dictionaries: DICTIONARIES }),
);
const collection = await cspell.getDictionary(settings);
const words = new Set<string>();
for (const dictionary of (collection as unknown as { dictionaries: Array<{ name: string; trie?: { words(): Iterable<string> } }> })
  .dictionaries) {
  if (!dictionary.trie) continue;
  for (const raw of dictionary.trie.words()) {
    // "~" marks cspell's case-folded copies; "+" and "!" mark compound fragments and forbidden words.
    const word = raw.replace(/^~/, '');
    if (/[+!*]/.test(word) || word.length < 2) continue;
    words.add(word.toLowerCase());
  }
}
const out = fileURLToPath(new URL('../dist/spell/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(`${out}words.txt`, `${[...words].sort().join('\n')}\n`);
