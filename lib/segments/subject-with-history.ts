/**
 * A contact as a condition sees it, with its recent timeline events and email engagement read only
 * when the condition needs them (its `dependencies`): a full segment rebuild and a campaign audience
 * by condition evaluate contacts this way.
 */
import type { Dependencies } from '../conditions/dependencies.ts';
import { type EngagementInput, type EventInput, type Subject, subjectOf } from '../conditions/subject.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import { engagementOf } from '../email/history/engagement.ts';
import type { TimelineRepository } from '../events/timeline.repository.ts';
import { keys } from '../shared/keys.ts';
import { EVENTS_WINDOW } from './update-membership.ts';

export const subjectWithHistory = async (
  workspaceId: string,
  contact: Contact,
  reads: Pick<Dependencies, 'timeline' | 'engagement'>,
  timeline: Pick<TimelineRepository, 'page'>,
): Promise<Subject> => {
  if (!reads.timeline && !reads.engagement) return subjectOf(contact);
  const t = await timeline.page(keys.contactPartition(workspaceId, contact.id), EVENTS_WINDOW);
  const events: EventInput[] = t.entries.map((e) => ({
    name: e.name,
    occurredAt: e.occurredAt,
    properties: e.properties,
  }));
  const engagement: EngagementInput[] = engagementOf(t.entries);
  return { ...subjectOf(contact, events), engagement };
};
