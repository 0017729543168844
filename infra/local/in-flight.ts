/**
 * Counts work in flight (deliveries, handler runs) so that tests can wait for a local service to go
 * quiet instead of sleeping.
 *
 * Invariant: work is counted from the moment it is accepted (before the API call that caused it
 * returns), so `idle()` called after that call cannot resolve before the work has finished, including
 * work that finished work started in turn (a target that publishes again is counted before it ends).
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  /** Counts one unit of work; call the returned function (idempotent) when it has settled. */
  begin(): () => void {
    this.count++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.count--;
      if (this.count === 0) this.release();
    };
  }

  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const end = this.begin();
    return work.finally(end);
  }

  /** Resolves once nothing is in flight. */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    // Let work that is started synchronously by a settling unit register before waking the waiters.
    setImmediate(() => {
      if (this.count !== 0) return;
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    });
  }
}
