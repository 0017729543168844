/**
 * A bounded number of concurrent runs, like a Lambda function's concurrency: a run waits for a free
 * slot, and slots are handed out in arrival order.
 */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Most runs at once ever seen (for tests and the bench). */
  peak = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`concurrency ${limit} is not a positive integer`);
  }

  async run<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so nobody can overtake it.
      if (next) next();
      else this.active -= 1;
    }
  }
}
