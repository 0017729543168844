/**
 * Bus rule target: what happens to a contact, as journeys see it (lib/journeys/journey-inputs.ts):
 * entries into live journeys, runs waiting for an event, goals, and cancellation on unsubscribe or
 * suppression. A pack (opens and clicks) is taken event by event.
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { handleJourneyInput } from '../../lib/journeys/journey-engine.ts';
import { JOURNEY_INPUTS } from '../../lib/journeys/journey-inputs.ts';
import type { JourneysOfWorkspace } from '../../lib/journeys/workspace-journeys.ts';
import { meaningOf } from '../../lib/shared/events/meanings.ts';
import { parseBusEventFor } from '../shared/bus-event.ts';
import { logger } from '../shared/http-errors.ts';
import { journeyEngineDeps } from '../shared/journey-engine-deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const deps = journeyEngineDeps();
  // A pack's events share their workspace: its journeys are read once for the whole delivery.
  const read = new Map<string, Promise<JourneysOfWorkspace>>();
  for (const event of parseBusEventFor(JOURNEY_INPUTS, raw)) {
    const input = meaningOf(JOURNEY_INPUTS, event);
    if (!input) continue;
    let journeys = read.get(event.workspaceId);
    if (!journeys) {
      journeys = deps.journeys.of(event.workspaceId);
      read.set(event.workspaceId, journeys);
    }
    const outcomes = await handleJourneyInput(event.workspaceId, input, deps, await journeys);
    if (outcomes.length > 0) logger.info('journeys', { event: event.type, outcomes });
  }
});
