/** Bus rule target for `stage.changed`: a new MQL is announced to the workspace's sales address. */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { mqlHandoff } from '../../lib/email/feedback/mql-handoff.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { handoffDeps } from '../shared/feedback-deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const event = parseBusEvent('stage.changed', raw);
  if (event) await mqlHandoff(event, handoffDeps());
});
