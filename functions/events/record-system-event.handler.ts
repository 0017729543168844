/**
 * Bus rule target: abandoned checkouts, stage changes and segment entries/exits onto the contact's
 * timeline. Which events and what each shows is the table in lib/events/system-timeline.ts.
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { recordSystemEvent, TIMELINE_FACTS } from '../../lib/events/system-timeline.ts';
import { parseBusEventFor } from '../shared/bus-event.ts';
import { contactDeps } from '../shared/contact-deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  for (const event of parseBusEventFor(TIMELINE_FACTS, raw)) await recordSystemEvent(event, contactDeps());
});
