/** Bus rule target for `segment.rebuild.requested`: a time-boxed slice of a resumable rebuild. */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { rebuildSegment } from '../../lib/segments/rebuild.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { logger } from '../shared/http-errors.ts';
import { membershipDeps } from '../shared/segment-deps.ts';

/** Pages of 100 contacts per invocation; then the checkpoint asks for a continuation. */
const PAGES_PER_INVOCATION = 50;

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const event = parseBusEvent('segment.rebuild.requested', raw);
  if (!event) return;
  const { segmentId, ruleVersion, mode } = event.data;
  const outcome = await rebuildSegment(event.workspaceId, segmentId, ruleVersion, mode, membershipDeps(), {
    pages: PAGES_PER_INVOCATION,
  });
  logger.info('segment rebuild', { segmentId, ruleVersion, mode, outcome });
});
