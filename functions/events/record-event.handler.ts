/** Bus rule target for `track.received`: attach the event to its contact (or anonymous visitor). */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { recordReceivedEvent } from '../../lib/events/record-received-event.ts';
import { ConflictError, NotFoundError } from '../../lib/shared/errors.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { logger } from '../shared/http-errors.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const event = parseBusEvent('track.received', raw);
  if (!event) return;
  const deps = contactDeps();
  try {
    await recordReceivedEvent(event.workspaceId, event.data, deps);
  } catch (error) {
    // The contact was erased meanwhile, or the identity is refused: a retry cannot fix either.
    if (error instanceof NotFoundError || error instanceof ConflictError) {
      logger.warn('event not recorded', { eventId: event.data.eventId, reason: error.message });
      await deps.received.forget(event.workspaceId, event.data.eventId);
      return;
    }
    throw error;
  }
});
