/**
 * A contact's timeline, newest first, a page at a time: the entries stored in its partition, merged
 * with the campaign emails it was sent, which are read from the campaigns' chunks rather than stored
 * one per recipient (merge-timeline.ts, lib/campaigns/timeline-sends.ts).
 */
import { NotFoundError } from '../shared/errors.ts';
import { keys } from '../shared/keys.ts';
import type { TimelineDeps } from './deps.ts';
import { mergeTimeline, spanFloor } from './merge-timeline.ts';
import { retainedSince } from './retention.ts';
import { timelinePositions } from './timeline.repository.ts';
import { timelineView } from './timeline.schema.ts';

export const readTimeline = async (
  workspaceId: string,
  contactId: string,
  page: { limit: number; cursor?: string | undefined },
  deps: Pick<TimelineDeps, 'contacts' | 'timeline' | 'clock' | 'retentionDays' | 'campaignSends'>,
) => {
  const after = page.cursor === undefined ? undefined : timelinePositions.after(page.cursor);
  if (!(await deps.contacts.get(workspaceId, contactId))) throw new NotFoundError(`no contact ${contactId}`);
  const stored = await deps.timeline.page(
    keys.contactPartition(workspaceId, contactId),
    page.limit,
    page.cursor,
  );
  let { entries, more } = { entries: stored.entries, more: stored.next !== undefined };
  if (deps.campaignSends) {
    const kept = await retainedSince(workspaceId, deps);
    const floor = spanFloor({ entries, more });
    const from = floor !== undefined && floor > kept ? floor : kept;
    const found =
      after !== undefined && after.at < from
        ? []
        : await deps.campaignSends(workspaceId, contactId, { from, until: after?.at });
    ({ entries, more } = mergeTimeline({ entries, more }, found, { limit: page.limit, after }));
  }
  const last = entries.at(-1);
  return {
    entries: entries.map(timelineView),
    ...(more && last ? { next: timelinePositions.cursorAt(last) } : {}),
  };
};
