/**
 * cspell behind one function. Loading its dictionaries takes most of a second, so the CLI
 * runs this in a worker thread (spell-worker.ts) where it overlaps the browser's start-up.
 */
export interface Misspelling {
  readonly word: string;
  readonly suggestions: string[];
}

export type Speller = (text: string) => Promise<Misspelling[]>;

export async function createSpeller(extraWords: readonly string[]): Promise<Speller> {
  const cspell = await import('cspell-lib');
  const defaults = await cspell.getDefaultSettings();
  const settings = cspell.finalizeSettings(
    cspell.mergeSettings(defaults, {
      language: 'en',
      // en-common-misspellings and cryptocurrencies cost ~600 ms of loading for little: en_us
      // already rejects misspellings.
      dictionaries: ['en_us', 'softwareTerms', 'companies', 'docker', 'k8s', 'fullstack', 'networking-terms', 'aws'],
      words: [...extraWords],
      // Acronyms (HTTPS, CMD, ENTRYPOINT) are names, not words.
      ignoreRegExpList: ['/\\b[A-Z0-9]{2,}\\b/g'],
    }),
  );
  // Suggestions in the word's own case: "Conatiner" → "Container".
  const cased = (word: string, suggestion: string) =>
    /^[A-Z]/.test(word) ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
  return async (text: string) => {
    const issues = await cspell.validateText(text, settings, { generateSuggestions: true, numSuggestions: 3 });
    return issues.map((issue) => ({
      word: issue.text,
      suggestions: [...new Set((issue.suggestions ?? []).map((s) => cased(issue.text, s)))].slice(0, 3),
    }));
  };
}
