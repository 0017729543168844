/**
 * GDPR export (right of access): everything held on a contact, in plain JSON. Its timeline includes
 * the campaign emails it was sent, which are held in the campaigns' chunks rather than in its own
 * partition (lib/campaigns/timeline-sends.ts), oldest first like the rest.
 */
import type { TimelineDeps } from '../events/deps.ts';
import { retainedSince } from '../events/retention.ts';
import { type TimelineEntry, timelineEntryRecord, timelineView } from '../events/timeline.schema.ts';
import { NotFoundError } from '../shared/errors.ts';
import { keys } from '../shared/keys.ts';
import { readItem } from '../shared/table.ts';
import { toView } from './contact.schema.ts';
import type { ContactDeps } from './deps.ts';

const position = (e: TimelineEntry) => `${e.occurredAt}#${e.eventId}`;

export const exportContact = async (
  workspaceId: string,
  contactId: string,
  deps: ContactDeps & Partial<Pick<TimelineDeps, 'campaignSends' | 'retentionDays'>>,
) => {
  const contact = await deps.contacts.get(workspaceId, contactId);
  if (!contact) throw new NotFoundError(`no contact ${contactId}`);
  const items = await deps.contacts.partitionItems(workspaceId, contactId);
  const stored = items
    .filter((i) => typeof i.sk === 'string' && i.sk.startsWith(keys.timelinePrefix))
    .map((i) => readItem(timelineEntryRecord, i, 'timeline entry'));
  const { retentionDays } = deps;
  const kept = retentionDays
    ? await retainedSince(workspaceId, { clock: deps.clock, retentionDays })
    : undefined;
  const sent = deps.campaignSends ? await deps.campaignSends(workspaceId, contactId, { from: kept }) : [];
  const storedIds = new Set(stored.map((e) => e.eventId));
  const timeline = [...stored, ...sent.filter((e) => !storedIds.has(e.eventId))]
    .sort((a, b) => (position(a) < position(b) ? -1 : position(a) > position(b) ? 1 : 0))
    .map(timelineView);
  const other = items.filter(
    (i) =>
      typeof i.sk === 'string' &&
      i.sk !== keys.contact(workspaceId, contactId).sk &&
      !i.sk.startsWith(keys.timelinePrefix),
  );
  return {
    exportedAt: deps.clock.now().toISOString(),
    contact: toView(contact),
    timeline,
    // Records later features attach to the contact (orders, scores...) are exported as stored.
    other: other.map(({ pk: _pk, sk: _sk, _ev, ...rest }) => rest),
  };
};
