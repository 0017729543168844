/** Bus rule target for `contact.consent.changed`: an unsubscribe through a message's link marks it. */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { recordUnsubscribe } from '../../lib/email/feedback/record-unsubscribe.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { feedbackDeps } from '../shared/feedback-deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const event = parseBusEvent('contact.consent.changed', raw);
  if (event) await recordUnsubscribe(event, feedbackDeps());
});
