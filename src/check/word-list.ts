/**
 * The spelling word list as it is stored: one sorted text, looked up by binary search over
 * the text itself. Building a Set of its ~195 000 words took a cold process ~300 ms of the main
 * thread (while Chromium was starting and needed the thread to connect); listing the line
 * starts first still took ~10 ms; searching the text needs no preparation, and a lookup
 * compares ~18 lines.
 */
export class WordList {
  private constructor(private readonly text: string) {}

  /** `text`: words one per line, sorted by code units (as Array.prototype.sort leaves them). */
  static parse(text: string): WordList {
    return new WordList(text);
  }

  /** How many words there are (counted on each call: only tests ask). */
  get size(): number {
    return this.text.split('\n').filter(Boolean).length;
  }

  has(word: string): boolean {
    const text = this.text;
    // The lines from `low` to `high` (both line starts) may hold the word; each step compares
    // the line around the middle and keeps the half before or after it.
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = text.lastIndexOf('\n', middle - 1) + 1;
      const newline = text.indexOf('\n', middle);
      const end = newline === -1 ? text.length : newline;
      const candidate = text.slice(start, end);
      if (candidate === word) return word !== '';
      if (candidate < word) low = end + 1;
      else high = start;
    }
    return false;
  }
}
