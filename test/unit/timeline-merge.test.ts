/**
 * A timeline page merged from what is stored and what is read elsewhere (campaign emails): newest
 * first, each entry once, and pages that follow each other without a gap or a repeat whatever the
 * page size.
 */
import { describe, expect, it } from 'vitest';
import { mergeTimeline, spanFloor } from '../../lib/events/merge-timeline.ts';
import type { TimelineEntry } from '../../lib/events/timeline.schema.ts';

const entry = (minute: number, id: string): TimelineEntry => ({
  type: 'timelineEntry',
  v: 1,
  eventId: id,
  name: id,
  kind: 'track',
  occurredAt: new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString(),
  properties: {},
  ttl: 0,
});

const key = (e: TimelineEntry) => `${e.occurredAt}#${e.eventId}`;

/** What the stored Query returns: `limit` entries after a position, newest first, and whether more. */
const storedPage = (all: readonly TimelineEntry[], limit: number, after?: { at: string; id: string }) => {
  const below = after ? `${after.at}#${after.id}` : undefined;
  const rest = [...all]
    .sort((a, b) => (key(a) < key(b) ? 1 : -1))
    .filter((e) => below === undefined || key(e) < below);
  return { entries: rest.slice(0, limit), more: rest.length > limit };
};

/** Reads every page of the merged timeline, as a client following `next` would. */
const readAll = (stored: readonly TimelineEntry[], found: readonly TimelineEntry[], limit: number) => {
  const seen: string[] = [];
  let after: { at: string; id: string } | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = storedPage(stored, limit, after);
    const floor = spanFloor(page);
    // The reader asks elsewhere only for the page's span of time.
    const inSpan = found.filter(
      (e) =>
        (floor === undefined || e.occurredAt >= floor) && (after === undefined || e.occurredAt <= after.at),
    );
    const merged = mergeTimeline(page, inSpan, { limit, after });
    seen.push(...merged.entries.map((e) => e.eventId));
    const last = merged.entries.at(-1);
    if (!merged.more || !last) return seen;
    after = { at: last.occurredAt, id: last.eventId };
  }
  throw new Error('the pages never ended');
};

describe('mergeTimeline', () => {
  const stored = [entry(1, 'a'), entry(3, 'b'), entry(5, 'c'), entry(7, 'd'), entry(9, 'e')];
  const found = [entry(2, 'm1'), entry(6, 'm2'), entry(10, 'm3'), entry(0, 'm4')];
  const everything = [...stored, ...found].sort((a, b) => (key(a) < key(b) ? 1 : -1)).map((e) => e.eventId);

  it('puts the entries from elsewhere among the stored ones, newest first, on the first page', () => {
    const merged = mergeTimeline({ entries: stored.slice().reverse(), more: false }, found, { limit: 50 });
    expect(merged.entries.map((e) => e.eventId)).toEqual(everything);
    expect(merged.more).toBe(false);
  });

  it.each([1, 2, 3, 4, 7, 50])('pages of %i follow each other without a gap or a repeat', (limit) => {
    expect(readAll(stored, found, limit)).toEqual(everything);
  });

  it('shows an entry stored and also found elsewhere once, the stored one', () => {
    const opened = { ...entry(6, 'm2'), name: 'stored' };
    const merged = mergeTimeline({ entries: [opened], more: false }, [entry(6, 'm2')], { limit: 10 });
    expect(merged.entries).toEqual([opened]);
  });

  it('leaves what is older than the last stored entry to the next page when more is stored', () => {
    const merged = mergeTimeline({ entries: [entry(9, 'e'), entry(7, 'd')], more: true }, [entry(2, 'm1')], {
      limit: 2,
    });
    expect(merged.entries.map((e) => e.eventId)).toEqual(['e', 'd']);
    expect(merged.more).toBe(true);
  });

  it('keeps nothing at or above the position the page starts after', () => {
    const after = { at: entry(7, 'd').occurredAt, id: 'd' };
    const found = [entry(7, 'b9'), entry(7, 'd'), entry(7, 'z'), entry(10, 'm3')];
    const merged = mergeTimeline({ entries: [entry(5, 'c')], more: false }, found, { limit: 10, after });
    // At the same instant, only what sorts below the position: `b9` is, `d` and `z` are not.
    expect(merged.entries.map((e) => e.eventId)).toEqual(['b9', 'c']);
  });

  it('has a span floor only when more is stored', () => {
    expect(spanFloor({ entries: [entry(9, 'e'), entry(7, 'd')], more: true })).toBe(entry(7, 'd').occurredAt);
    expect(spanFloor({ entries: [entry(9, 'e')], more: false })).toBeUndefined();
  });
});
