/**
 * A campaign audience of segments, read one shard at a time in contact id order: the members of any
 * included segment, once each, without the members of an excluded one. Every segment's membership
 * of a shard is sorted by contact id (keys.membership), so the smallest `limit` ids after a cursor
 * across the included segments are among the first `limit` of each: one Query per included segment
 * per page, then one BatchGetItem per excluded segment for the page's ids.
 */
import type { SegmentsRepository } from '../../segments/segments.repository.ts';

export interface AudiencePage {
  /** Ascending, distinct. */
  readonly contactIds: readonly string[];
  /** True when no member is left after this page. */
  readonly done: boolean;
  /** Where the next page starts (after this id): the last id the page looked at, taken or excluded. */
  readonly last?: string | undefined;
}

/** The audience of one campaign, page by page, per shard. */
export interface AudienceSource {
  page(shard: number, after: string | undefined, limit: number): Promise<AudiencePage>;
}

export interface SegmentAudience {
  readonly workspaceId: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export const segmentAudience = (
  audience: SegmentAudience,
  segments: Pick<SegmentsRepository, 'membersPage' | 'membersAmong'>,
): AudienceSource => ({
  async page(shard, after, limit) {
    const { workspaceId } = audience;
    const pages = await Promise.all(
      audience.include.map((id) => segments.membersPage(workspaceId, id, shard, limit, after)),
    );
    const union = [...new Set(pages.flatMap((p) => p.contactIds))].sort();
    const taken = union.slice(0, limit);
    const done = taken.length === union.length && pages.every((p) => p.next === undefined);
    if (taken.length === 0 || audience.exclude.length === 0)
      return { contactIds: taken, done, last: taken.at(-1) };
    const excluded = await Promise.all(
      audience.exclude.map((id) => segments.membersAmong(workspaceId, id, taken)),
    );
    const out = taken.filter((c) => !excluded.some((members) => members.has(c)));
    // The page's cursor is its last id taken, excluded or not: `after` moves past exclusions too.
    return { contactIds: out, done, last: taken.at(-1) };
  },
});
