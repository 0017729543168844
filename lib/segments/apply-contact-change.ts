/** The segment consumer's use case: a bus event about a contact, applied to its memberships. */
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { meaningOf } from '../shared/events/meanings.ts';
import { CONTACT_CHANGES } from './contact-changes.ts';
import { leaveAllSegments } from './manage-segments.ts';
import { type MembershipDeps, updateMembership } from './update-membership.ts';

/** Re-evaluates the segments the change can affect; an erased contact leaves them all. */
export const applyContactChange = async (event: DomainEvent, deps: MembershipDeps): Promise<void> => {
  const meaning = meaningOf(CONTACT_CHANGES, event);
  if (!meaning) return;
  const { contactId, change } = meaning;
  if (change.kind === 'erased') await leaveAllSegments(event.workspaceId, contactId, deps);
  else await updateMembership(event.workspaceId, contactId, change, deps);
};
