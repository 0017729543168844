/** The per-container cache of a workspace's segment definitions, against a change made while it loads. */
import { describe, expect, it } from 'vitest';
import { dynamicSegments, forgetSegments } from '../../lib/segments/compiled-segments.ts';

describe('dynamicSegments', () => {
  it('does not cache a list read before a change it may have missed', async () => {
    const ws = `ws_cache_${Math.random().toString(36).slice(2)}`;
    let reads = 0;
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const segments = {
      list: async () => {
        reads++;
        if (reads === 1) await slow;
        return [];
      },
    };
    const loading = dynamicSegments(ws, { segments });
    // A segment is created in this container while the first read is in flight.
    forgetSegments(ws);
    release();
    await loading;
    await dynamicSegments(ws, { segments });
    expect(reads).toBe(2);
    // Read after the change: cached.
    await dynamicSegments(ws, { segments });
    expect(reads).toBe(2);
  });
});
