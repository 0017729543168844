/** Bus rule target for `segment.import.requested`: a slice of a resumable list import. */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { runImport } from '../../lib/segments/import-list.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { logger } from '../shared/http-errors.ts';
import { segmentDeps } from '../shared/segment-deps.ts';

/** Pages of 100 rows per invocation; then the checkpoint asks for a continuation. */
const PAGES_PER_INVOCATION = 20;

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const event = parseBusEvent('segment.import.requested', raw);
  if (!event) return;
  const outcome = await runImport(event.workspaceId, event.data.importId, segmentDeps(), {
    pages: PAGES_PER_INVOCATION,
  });
  logger.info('segment import', { importId: event.data.importId, outcome });
});
