/** Worker thread: loads cspell once, answers { id, words, texts } with each text's misspellings. */
import { parentPort } from 'node:worker_threads';
import { createSpeller, type Speller } from './speller.js';

const spellers = new Map<string, Promise<Speller>>();
const spellerFor = (words: readonly string[]) => {
  const key = words.join('\n');
  let speller = spellers.get(key);
  if (!speller) {
    speller = createSpeller(words);
    spellers.set(key, speller);
  }
  return speller;
};
// Start loading the dictionaries the moment the worker exists.
void spellerFor([]);

parentPort?.on('message', (request: { id: number; words: string[]; texts: string[] }) => {
  void (async () => {
    try {
      const spell = await spellerFor(request.words);
      parentPort?.postMessage({ id: request.id, results: await Promise.all(request.texts.map(spell)) });
    } catch (error) {
      parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
