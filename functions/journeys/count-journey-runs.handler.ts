/** Bus rule target: each journey run's entry and end, added to its journey's counters (reporting). */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { countRunEvent, RUN_EVENTS } from '../../lib/journeys/count-runs.ts';
import { journeyCountersRepository } from '../../lib/journeys/journey-counters.repository.ts';
import { isEventOf } from '../../lib/shared/events/catalogue.ts';
import { parseBusEventFor } from '../shared/bus-event.ts';
import { once, table } from '../shared/deps.ts';

const counters = once(() => journeyCountersRepository(table()));

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  for (const event of parseBusEventFor(RUN_EVENTS, raw))
    if (isEventOf('journey.entered', event) || isEventOf('journey.ended', event))
      await countRunEvent(event, counters());
});
