/** Bus rule target for `order.placed`: the order attributed to a campaign, once (lib/campaigns/results). */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { attributeOrder } from '../../lib/campaigns/results/attribute-order.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { attributionDeps } from '../shared/campaign-results-deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const event = parseBusEvent('order.placed', raw);
  if (event) await attributeOrder(event, attributionDeps());
});
