/**
 * Bus rule target for `order.placed` and `order.refunded`: a new order attributed to a campaign, once;
 * a refund of an attributed order kept beside it (lib/campaigns/results/attribute-order.ts).
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { ORDER_CHANGES } from '../../lib/campaigns/results/attribute-order.ts';
import { meaningOf } from '../../lib/shared/events/meanings.ts';
import { parseBusEventFor } from '../shared/bus-event.ts';
import { attributionDeps } from '../shared/campaign-results-deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  for (const event of parseBusEventFor(ORDER_CHANGES, raw)) {
    const apply = meaningOf(ORDER_CHANGES, event);
    if (apply) await apply(attributionDeps());
  }
});
