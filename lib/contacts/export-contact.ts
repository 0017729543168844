/** GDPR export (right of access): everything held on a contact, in plain JSON. */
import { timelineEntryRecord, timelineView } from '../events/timeline.schema.ts';
import { NotFoundError } from '../shared/errors.ts';
import { keys } from '../shared/keys.ts';
import { readItem } from '../shared/table.ts';
import { toView } from './contact.schema.ts';
import type { ContactDeps } from './deps.ts';

export const exportContact = async (workspaceId: string, contactId: string, deps: ContactDeps) => {
  const contact = await deps.contacts.get(workspaceId, contactId);
  if (!contact) throw new NotFoundError(`no contact ${contactId}`);
  const items = await deps.contacts.partitionItems(workspaceId, contactId);
  const timeline = items
    .filter((i) => typeof i.sk === 'string' && i.sk.startsWith(keys.timelinePrefix))
    .map((i) => timelineView(readItem(timelineEntryRecord, i, 'timeline entry')));
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
