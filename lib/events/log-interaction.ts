/**
 * Staff log what happened off-line (a call, a meeting, a support request): a CRM keeps every
 * channel. Recorded on the timeline like a tracked event, idempotent by the interaction id.
 */
import type * as z from 'zod';
import { newId } from '../shared/ids.ts';
import type { TimelineDeps } from './deps.ts';
import { recordOnContact } from './record-on-contact.ts';
import type { interactionBody } from './track.schema.ts';

export const logInteraction = async (
  workspaceId: string,
  contactId: string,
  input: z.infer<typeof interactionBody>,
  deps: TimelineDeps,
) => {
  const now = deps.clock.now();
  const eventId = input.id ?? newId('e', now);
  const { id: _id, kind, occurredAt, ...details } = input;
  const outcome = await recordOnContact(
    workspaceId,
    contactId,
    {
      eventId,
      name: kind,
      kind: 'interaction',
      occurredAt: occurredAt ? new Date(occurredAt).toISOString() : now.toISOString(),
      properties: details,
    },
    deps,
  );
  return { id: eventId, status: outcome };
};
