/**
 * The local stack's accelerated clock: the steps it takes (`2h`, `3d`…) and the process clock it moves,
 * which every handler reads through `Date`.
 */
import { describe, expect, it } from 'vitest';
import { parseClockStep } from '../../infra/local/local-clock.ts';
import { moveProcessClock, processClockAhead } from '../../infra/local/process-clock.ts';

describe('clock steps', () => {
  it('reads whole seconds, minutes, hours and days', () => {
    expect(parseClockStep('90s')).toBe(90_000);
    expect(parseClockStep('15m')).toBe(900_000);
    expect(parseClockStep(' 2h ')).toBe(7_200_000);
    expect(parseClockStep('366d')).toBe(366 * 86_400_000);
  });

  it('refuses nothing, negatives, fractions, other units and more than a year', () => {
    for (const text of ['', '0h', '-1h', '1.5h', '2', 'h', '2w', 'PT2H', '367d', '2h30m', '1e3s'])
      expect(parseClockStep(text), text).toBeUndefined();
  });
});

describe('the process clock', () => {
  it('moves Date.now() and new Date() ahead together, and nothing else', () => {
    const before = Date.now();
    moveProcessClock(3 * 3_600_000);
    expect(processClockAhead()).toBe(3 * 3_600_000);
    const now = Date.now();
    expect(now - before).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(now - before).toBeLessThan(3 * 3_600_000 + 60_000);
    const made = new Date();
    expect(Math.abs(made.getTime() - Date.now())).toBeLessThan(1_000);

    // Dates of a given instant are what they say, and stay Dates.
    expect(new Date('2026-03-08T07:00:00Z').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(0).getTime()).toBe(0);
    expect(new Date(2026, 0, 31).getDate()).toBe(31);
    expect(new Date(Date.UTC(2026, 1, 1)).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(Date.parse('2026-02-01T00:00:00Z')).toBe(Date.UTC(2026, 1, 1));
    expect(new Date()).toBeInstanceOf(Date);
    expect(Object.prototype.toString.call(new Date())).toBe('[object Date]');

    moveProcessClock(60_000);
    expect(processClockAhead()).toBe(3 * 3_600_000 + 60_000);
  });

  it('never goes back', () => {
    expect(() => moveProcessClock(-1)).toThrow(RangeError);
    expect(() => moveProcessClock(Number.NaN)).toThrow(RangeError);
  });
});
