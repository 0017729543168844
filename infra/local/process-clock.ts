/**
 * The local stack's clock, moved ahead for the whole process: the handlers (which read `new Date()`
 * and `Date.now()`, directly or through `systemClock`), the libraries they use (token expiry), the
 * local scheduler and the queues' delays all see the same time, as every Lambda sees the same clock
 * in AWS. Nothing changes until the first move: the global `Date` is replaced then, by a subclass whose
 * current time is the machine's plus the moves so far. Time never goes back. Local only.
 */

const MachineDate = Date;
let aheadMs = 0;

class MovedDate extends MachineDate {
  constructor(...args: (number | string | Date)[]) {
    const [first, ...rest] = args;
    if (first === undefined) super(MachineDate.now() + aheadMs);
    else if (rest.length === 0) super(first);
    else {
      // new Date(year, monthIndex, day?, hours?, ...): local time, as the machine's Date reads it.
      const [year = 0, monthIndex = 0, day = 1, hours = 0, minutes = 0, seconds = 0, ms = 0] =
        args.map(Number);
      super(year, monthIndex, day, hours, minutes, seconds, ms);
    }
  }

  static override now(): number {
    return MachineDate.now() + aheadMs;
  }
}

/** How far the process clock is ahead of the machine's. */
export const processClockAhead = (): number => aheadMs;

/** Moves the process clock `ms` ahead (installing the moved `Date` on the first move). */
export const moveProcessClock = (ms: number): void => {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot move the clock by ${ms} ms`);
  if (globalThis.Date !== MovedDate)
    Object.defineProperty(globalThis, 'Date', { value: MovedDate, writable: true, configurable: true });
  aheadMs += ms;
};
