/**
 * Consent per channel, always with its source and time. The one way consent changes (never through
 * a profile update), so every change is recorded and announced.
 */
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import type { Channel } from '../shared/values/channel.schema.ts';
import type { ConsentRecord, Contact } from './contact.schema.ts';
import type { ContactDeps } from './deps.ts';
import { retryOnConflict } from './retry-on-conflict.ts';

export interface ConsentChange {
  readonly channel: Channel;
  readonly status: ConsentRecord['status'];
  readonly source: string;
  readonly at?: string | undefined;
  /**
   * Only when this decision is newer than the one held (a shop's view arriving late never undoes
   * a newer decision). Checked on the state the conditional write is based on, so it holds under
   * concurrent changes.
   */
  readonly onlyIfNewer?: boolean;
}

/** A suppressed contact (an erased person who came back) is never given "subscribed" consent. */
export class SuppressedContactError extends ConflictError {}

export const setConsent = (
  workspaceId: string,
  contactId: string,
  change: ConsentChange,
  deps: ContactDeps,
): Promise<Contact> =>
  retryOnConflict('set consent', async () => {
    const before = await deps.contacts.get(workspaceId, contactId);
    if (!before) throw new NotFoundError(`no contact ${contactId}`);
    const now = deps.clock.now().toISOString();
    const record: ConsentRecord = {
      status: change.status,
      source: change.source,
      at: change.at ? new Date(change.at).toISOString() : now,
    };
    if (before.suppression && record.status === 'subscribed') {
      throw new SuppressedContactError(
        `contact ${contactId} is suppressed (${before.suppression.reason}); it cannot be subscribed`,
      );
    }
    const current = before.consent[change.channel];
    if (change.onlyIfNewer && current && (change.at === undefined || current.at >= record.at)) return before;
    if (current?.status === record.status && current.source === record.source) return before;
    const after: Contact = {
      ...before,
      consent: { ...before.consent, [change.channel]: record },
      rev: before.rev + 1,
      updatedAt: now,
    };
    const event = domainEvent(
      'contact.consent.changed',
      workspaceId,
      { contactId, channel: change.channel, status: record.status, source: record.source },
      deps.clock,
    );
    await deps.contacts.replace(after, before, event);
    return after;
  });
