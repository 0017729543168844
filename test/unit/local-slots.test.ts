import { describe, expect, it } from 'vitest';
import { Slots } from '../../infra/local/slots.ts';

describe('Slots (a function concurrency)', () => {
  it('runs at most `limit` at once, in arrival order, and frees a slot when a run throws', async () => {
    const slots = new Slots(2);
    const order: number[] = [];
    let running = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, (_, i) =>
        slots.run(async () => {
          running += 1;
          expect(running).toBeLessThanOrEqual(2);
          order.push(i);
          await new Promise((r) => setTimeout(r, 1));
          running -= 1;
          if (i === 1) throw new Error('boom');
          return i;
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(slots.peak).toBe(2);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await slots.run(() => 'free')).toBe('free');
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new Slots(0)).toThrow();
  });
});
