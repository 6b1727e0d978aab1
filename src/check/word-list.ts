/**
 * The spelling word list as it is stored: one sorted text, looked up by binary search.
 * Building a Set of its 235 000 words took a cold process ~300 ms of the main thread (while
 * Chromium was starting and needed the thread to connect); finding the line starts takes a
 * few milliseconds, and a lookup reads ~18 words.
 */
export class WordList {
  private constructor(
    private readonly text: string,
    /** Offset of each word's first character; words are in UTF-16 code unit order. */
    private readonly starts: Uint32Array,
  ) {}

  /** Parses `text`: words one per line, sorted by code units (as Array.prototype.sort leaves them). */
  static parse(text: string): WordList {
    const offsets: number[] = [];
    for (let at = 0; at < text.length;) {
      const end = text.indexOf('\n', at);
      const stop = end === -1 ? text.length : end;
      if (stop > at) offsets.push(at);
      at = stop + 1;
    }
    return new WordList(text, Uint32Array.from(offsets));
  }

  get size(): number {
    return this.starts.length;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = this.word(middle);
      if (candidate === word) return true;
      if (candidate < word) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  private word(index: number): string {
    const start = this.starts[index]!;
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end === -1 ? this.text.length : end);
  }
}
