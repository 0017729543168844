/**
 * Upsert a contact and, when an anonymous id comes with it, attach that visitor's waiting events:
 * the identity merge. Used by the contacts API and by event recording alike.
 */
import type { AnonymousDeps } from '../events/record-anonymous.ts';
import { attachAnonymousEvents } from '../events/record-anonymous.ts';
import type { UpsertContactInput } from './contact.schema.ts';
import { type UpsertResult, upsertContact } from './upsert-contact.ts';

export const identifyContact = async (
  workspaceId: string,
  input: UpsertContactInput,
  source: string,
  deps: AnonymousDeps,
): Promise<UpsertResult & { eventsAttached: number }> => {
  const result = await upsertContact(workspaceId, input, source, deps);
  const anonymousId = input.anonymousId;
  const attached =
    anonymousId && result.contact.anonymousIds.includes(anonymousId)
      ? await attachAnonymousEvents(workspaceId, result.contact.id, anonymousId, deps)
      : 0;
  return { ...result, eventsAttached: attached };
};
