import { describe, expect, it } from 'vitest';
import { MAX_NAMES_PER_CONTACT, rollUp } from '../../lib/events/activity.ts';

const empty = { eventCount: 0, byName: {} };

describe('activity roll-up', () => {
  it('counts events and keeps first/last seen whatever the arrival order', () => {
    let a = rollUp(empty, 'page_viewed', '2026-01-02T00:00:00.000Z');
    a = rollUp(a, 'page_viewed', '2026-01-01T00:00:00.000Z');
    a = rollUp(a, 'signed_up', '2026-01-03T00:00:00.000Z');
    expect(a.eventCount).toBe(3);
    expect(a.firstSeenAt).toBe('2026-01-01T00:00:00.000Z');
    expect(a.lastSeenAt).toBe('2026-01-03T00:00:00.000Z');
    expect(a.byName.page_viewed).toEqual({ count: 2, lastAt: '2026-01-02T00:00:00.000Z' });
  });

  it('keeps only the most recent event names', () => {
    let a = rollUp(empty, 'old', '2020-01-01T00:00:00.000Z');
    for (let i = 0; i < MAX_NAMES_PER_CONTACT; i++) {
      a = rollUp(a, `n${i}`, `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`);
    }
    expect(Object.keys(a.byName)).toHaveLength(MAX_NAMES_PER_CONTACT);
    expect(a.byName.old).toBeUndefined();
    expect(a.eventCount).toBe(MAX_NAMES_PER_CONTACT + 1);
  });
});
