/** Bus rule target for `webhook.received`: apply the delivery; quarantine what cannot be understood. */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { processDelivery } from '../../lib/webhooks/process-delivery.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { logger } from '../shared/http-errors.ts';
import { processDeps } from '../shared/webhook-deps.ts';

// Namespace, name and service match the alarm in infra/constructs/alarms.construct.ts.
const metrics = new Metrics({ namespace: 'ecrm', serviceName: 'webhooks' });

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const event = parseBusEvent('webhook.received', raw);
  if (!event) return;
  const { connectionId, deliveryId, provider } = event.data;
  const result = await processDelivery(event.workspaceId, connectionId, deliveryId, processDeps());
  if (result.status === 'quarantined') {
    // The alarm on this metric tells ops; the delivery is kept 30 days for a look.
    metrics.addMetric('WebhookQuarantined', MetricUnit.Count, 1);
    logger.warn('webhook quarantined', { provider, deliveryId, reason: result.reason });
  } else if (result.status === 'processed') {
    metrics.addMetric('WebhookProcessed', MetricUnit.Count, 1);
    if (result.ignored.length > 0)
      metrics.addMetric('WebhookIgnoredChanges', MetricUnit.Count, result.ignored.length);
  }
  metrics.publishStoredMetrics();
});
