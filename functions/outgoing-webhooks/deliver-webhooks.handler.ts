/**
 * The outgoing webhook queue's consumer: each message is a bus event of a subscribable type (its rule
 * is the catalogue's `busRule`), one domain event or a pack of them; each event goes to the workspace's
 * endpoints subscribed to it (deliver-event.ts). A message whose deliveries hit a table error is
 * reported (ReportBatchItemFailures) and redelivered: what was already created and sent is not sent
 * again. One that does not parse can never succeed: logged and dropped.
 */
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { deliverEvent } from '../../lib/outgoing-webhooks/deliver-event.ts';
import { isSubscribable } from '../../lib/outgoing-webhooks/subscribable-events.ts';
import { type DomainEvent, parseDomainEvents } from '../../lib/shared/events/catalogue.ts';
import { logger } from '../shared/logger.ts';
import { deliverDeps } from '../shared/outgoing-webhook-deps.ts';

const busEnvelope = z.object({ 'detail-type': z.string(), detail: z.unknown() });

const eventsOf = (body: string): DomainEvent[] | undefined => {
  try {
    const envelope = busEnvelope.parse(JSON.parse(body));
    const type = envelope['detail-type'];
    if (!isSubscribable(type)) throw new Error(`${type} is not a subscribable event type`);
    return parseDomainEvents(type, envelope.detail);
  } catch (error) {
    logger.error('dropping a webhook delivery message that is not a subscribable event', {
      error: error instanceof Error ? error : String(error),
    });
    return undefined;
  }
};

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  const deps = deliverDeps();
  await Promise.all(
    event.Records.map(async (record) => {
      const events = eventsOf(record.body);
      if (!events) return;
      try {
        // A pack's events go out side by side: each waits on its receivers, not on the others'.
        await Promise.all(
          events.map(async (domainEvent) => {
            const results = await deliverEvent(domainEvent, deps);
            if (results.length > 0) logger.info('webhook deliveries', { eventId: domainEvent.id, results });
          }),
        );
      } catch (error) {
        logger.error('webhook delivery failed; it will be retried', {
          messageId: record.messageId,
          error: error instanceof Error ? error : String(error),
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    }),
  );
  return { batchItemFailures: failures };
});
