/** A contact's timeline, newest first, a page at a time. */
import { NotFoundError } from '../shared/errors.ts';
import { keys } from '../shared/keys.ts';
import type { TimelineDeps } from './deps.ts';
import { timelineView } from './timeline.schema.ts';

export const readTimeline = async (
  workspaceId: string,
  contactId: string,
  page: { limit: number; cursor?: string | undefined },
  deps: Pick<TimelineDeps, 'contacts' | 'timeline'>,
) => {
  if (!(await deps.contacts.get(workspaceId, contactId))) throw new NotFoundError(`no contact ${contactId}`);
  const { entries, next } = await deps.timeline.page(
    keys.contactPartition(workspaceId, contactId),
    page.limit,
    page.cursor,
  );
  return { entries: entries.map(timelineView), ...(next ? { next } : {}) };
};
