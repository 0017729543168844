/**
 * One timeline page from two sources: the entries stored in the contact's partition (one Query page),
 * and entries read from elsewhere for the same span of time (a campaign's emails, found in its
 * chunks: lib/campaigns/timeline-sends.ts). Both are ordered by the stored sort key (`<occurredAt>#
 * <eventId>`), newest first, so pages follow each other with the stored page's cursor whatever source
 * an entry came from. Pure.
 *
 * The span a page covers: below the position it starts after (`after`), and, when more is stored,
 * above the last stored entry of the page (what lies below belongs to the next page). An entry stored
 * and also read from elsewhere (the same event id: a campaign email that got feedback) shows once,
 * stored.
 */
import type { TimelineEntry } from './timeline.schema.ts';

const positionOf = (e: Pick<TimelineEntry, 'occurredAt' | 'eventId'>): string =>
  `${e.occurredAt}#${e.eventId}`;

const newestFirst = (a: TimelineEntry, b: TimelineEntry): number => {
  const x = positionOf(a);
  const y = positionOf(b);
  return x < y ? 1 : x > y ? -1 : 0;
};

export interface StoredPage {
  readonly entries: readonly TimelineEntry[];
  /** More is stored after this page. */
  readonly more: boolean;
}

/** The oldest time the page can hold an entry from elsewhere at, or none (the end of what is stored). */
export const spanFloor = (stored: StoredPage): string | undefined =>
  stored.more ? stored.entries.at(-1)?.occurredAt : undefined;

export const mergeTimeline = (
  stored: StoredPage,
  found: readonly TimelineEntry[],
  page: { readonly limit: number; readonly after?: { readonly at: string; readonly id: string } | undefined },
): { readonly entries: TimelineEntry[]; readonly more: boolean } => {
  const ceiling = page.after ? positionOf({ occurredAt: page.after.at, eventId: page.after.id }) : undefined;
  const last = stored.entries.at(-1);
  const floor = stored.more && last ? positionOf(last) : undefined;
  const storedIds = new Set(stored.entries.map((e) => e.eventId));
  const inSpan = found.filter((e) => {
    const at = positionOf(e);
    return (
      !storedIds.has(e.eventId) &&
      (ceiling === undefined || at < ceiling) &&
      (floor === undefined || at > floor)
    );
  });
  const all = [...stored.entries, ...new Map(inSpan.map((e) => [e.eventId, e])).values()].sort(newestFirst);
  return { entries: all.slice(0, page.limit), more: stored.more || all.length > page.limit };
};
