/** A contact's choice for one topic, set through the API (staff, an integration), with its source. */
import type { Contact } from '../contacts/contact.schema.ts';
import { ValidationError } from '../shared/errors.ts';
import { recordDecision } from './consent-change.ts';
import type { SubscriptionDeps } from './deps.ts';
import { readEmailSettings } from './email-settings.ts';

export const setTopicConsent = async (
  workspaceId: string,
  contactId: string,
  change: { topicId: string; status: 'subscribed' | 'unsubscribed'; source: string },
  deps: SubscriptionDeps,
): Promise<Contact> => {
  const settings = await readEmailSettings(workspaceId, deps);
  if (!settings.topics.some((t) => t.id === change.topicId))
    throw new ValidationError(`topic ${change.topicId} is not in the workspace's email settings`, [
      { path: 'path.topicId', message: "not one of the workspace's topics" },
    ]);
  const { contact } = await recordDecision(
    workspaceId,
    contactId,
    () => ({ topics: { [change.topicId]: change.status }, source: change.source }),
    deps,
  );
  return contact;
};
