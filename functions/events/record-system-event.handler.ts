/** Bus rule target: abandoned checkouts, stage changes and segment entries/exits onto the timeline. */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { isTimelineEventType, recordSystemEvent } from '../../lib/events/system-timeline.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { contactDeps } from '../shared/deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const type = raw['detail-type'];
  if (!isTimelineEventType(type)) return;
  const event = parseBusEvent(type, raw);
  if (!event) return;
  await recordSystemEvent(event, contactDeps());
});
