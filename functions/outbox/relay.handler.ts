/**
 * Table stream → ecrm bus. Throws when the bus does not take every event, so the stream redelivers
 * the batch (bisecting on error in AWS): an event may be published twice, never lost; consumers
 * are idempotent by event id. Each entry carries its workspace's fan-out marker, read after the
 * events were committed (lib/shared/events/fanout.ts, publisher.ts).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { fanoutRepository } from '../../lib/shared/events/fanout.repository.ts';
import { publishEvents } from '../../lib/shared/events/publisher.ts';
import { eventsToRelay } from '../../lib/shared/events/relay.ts';
import { bus } from '../shared/bus-client.ts';
import { once, table } from '../shared/deps.ts';
import { logger } from '../shared/http-errors.ts';

type Image = NonNullable<DynamoDBStreamEvent['Records'][number]['dynamodb']>['NewImage'];

// The stream's image and the SDK's AttributeValue describe the same wire shape under two type names.
/** The workspaces' fan-out markers, read afresh by each publish (never cached: see publishEvents). */
const fanouts = once(() => fanoutRepository(table()).read);

const toObject = (image: Image): Record<string, unknown> | undefined =>
  image ? unmarshall(image as Record<string, AttributeValue>) : undefined;

export const handler = middy<DynamoDBStreamEvent, void>().handler(async (event) => {
  const { events, rejected } = eventsToRelay(
    event.Records.map((r) => ({
      newImage: toObject(r.dynamodb?.NewImage),
      oldImage: toObject(r.dynamodb?.OldImage),
      at: r.dynamodb?.ApproximateCreationDateTime
        ? new Date(r.dynamodb.ApproximateCreationDateTime * 1000).toISOString()
        : undefined,
    })),
  );
  for (const r of rejected)
    logger.error('malformed outbox entry skipped', {
      record: event.Records[r.index]?.eventID,
      reason: r.reason,
    });
  await publishEvents(bus(), events, fanouts());
});
