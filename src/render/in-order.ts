/**
 * The second half of each item of a batch — checks, comparison, writing, reporting — run one
 * item after another in the order the items were drawn, while the caller goes on to draw the
 * next item (the browser is then never idle waiting for Node). At most one item waits.
 */
export class InOrder {
  private last: Promise<void> = Promise.resolve();

  /**
   * Queues an item's finishing: `finish` starts once the previous item has been reported, and
   * its value goes to `report`. Resolves when the previous item is done, so a loop awaiting it
   * keeps one item in hand; rejects with an error from the previous item that stops the run.
   */
  async add<T>(finish: () => Promise<T>, report: (value: T) => void): Promise<void> {
    const previous = this.last;
    this.last = previous.then(async () => report(await finish()));
    this.last.catch(() => undefined); // surfaces through the next add() or done()
    await previous;
  }

  /** Resolves when every queued item has been reported. */
  done(): Promise<void> {
    return this.last;
  }
}
