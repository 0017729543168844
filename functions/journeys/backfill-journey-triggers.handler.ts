/** Bus rule target for `journey.backfill.requested`: a time-boxed slice of a trigger backfill. */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { backfillTriggers } from '../../lib/journeys/backfill-triggers.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { logger } from '../shared/http-errors.ts';
import { backfillDeps } from '../shared/journey-engine-deps.ts';

/** Pages of 100 contacts per invocation; then the checkpoint asks for a continuation. */
const PAGES_PER_INVOCATION = 50;

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const event = parseBusEvent('journey.backfill.requested', raw);
  if (!event) return;
  const outcome = await backfillTriggers(event.workspaceId, event.data, backfillDeps(), {
    pages: PAGES_PER_INVOCATION,
  });
  logger.info('journey trigger backfill', { journeyId: event.data.journeyId, outcome });
});
