/**
 * Webhook deliveries: one item per (connection, delivery id), written with a condition so two
 * deliveries racing each other have one effect. The raw body is kept gzipped (for processing and
 * for inspection when quarantined) and the item carries `webhook.received` in its outbox.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { putOnce, readItem, type Table } from '../shared/table.ts';

/** Dedupe window: Shopify retries for 4 hours, Stripe for 3 days; TTL may lag up to two more. */
export const DELIVERY_TTL_SECONDS = 7 * 24 * 3600;
/** Quarantined deliveries stay longer, for a person to look at. */
export const QUARANTINE_TTL_SECONDS = 30 * 24 * 3600;
/** DynamoDB items stop at 400 KB; keep room for the other attributes. */
export const MAX_STORED_BODY_BYTES = 350 * 1024;

export const deliveryRecord = z.object({
  type: z.literal('delivery'),
  v: z.literal(1),
  workspaceId: z.string(),
  connectionId: z.string(),
  provider: z.string(),
  deliveryId: z.string(),
  topic: z.string(),
  receivedAt: z.string(),
  body: z.instanceof(Uint8Array),
  status: z.enum(['received', 'processed', 'quarantined']),
  reason: z.string().optional(),
  ttl: z.number().int(),
});
export type Delivery = z.infer<typeof deliveryRecord>;

export interface NewDelivery {
  readonly workspaceId: string;
  readonly connectionId: string;
  readonly provider: string;
  readonly deliveryId: string;
  readonly topic: string;
  readonly receivedAt: string;
  readonly body: Buffer;
}

export class DeliveryTooLargeError extends Error {}

export const gzipBody = (body: Buffer): Buffer => {
  const packed = gzipSync(body);
  if (packed.length > MAX_STORED_BODY_BYTES) {
    throw new DeliveryTooLargeError(
      `body compresses to ${packed.length} bytes; at most ${MAX_STORED_BODY_BYTES} are kept`,
    );
  }
  return packed;
};

export const deliveriesRepository = (table: Table) => ({
  /** Store a delivery once; false when this delivery id was already stored for the connection. */
  async putOnce(
    delivery: NewDelivery,
    packedBody: Buffer,
    event: DomainEvent,
    nowSeconds: number,
  ): Promise<boolean> {
    const item = {
      ...keys.delivery(delivery.workspaceId, delivery.connectionId, delivery.deliveryId),
      type: 'delivery',
      v: 1,
      ...delivery,
      body: packedBody,
      status: 'received',
      ttl: nowSeconds + DELIVERY_TTL_SECONDS,
      [OUTBOX_ATTRIBUTE]: toOutbox(event),
    };
    return putOnce(table, item, nowSeconds);
  },

  async get(workspaceId: string, connectionId: string, deliveryId: string): Promise<Delivery | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.delivery(workspaceId, connectionId, deliveryId),
        ConsistentRead: true,
      }),
    );
    return Item ? readItem(deliveryRecord, Item, 'delivery') : undefined;
  },

  body: (delivery: Delivery): Buffer => gunzipSync(delivery.body),

  async markProcessed(d: Delivery): Promise<void> {
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.delivery(d.workspaceId, d.connectionId, d.deliveryId),
        UpdateExpression: 'SET #status = :p',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':p': 'processed' },
      }),
    );
  },

  async quarantine(d: Delivery, reason: string, event: DomainEvent, nowSeconds: number): Promise<void> {
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.delivery(d.workspaceId, d.connectionId, d.deliveryId),
        UpdateExpression: 'SET #status = :q, reason = :r, #ttl = :ttl, #ev = :ev',
        ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl', '#ev': OUTBOX_ATTRIBUTE },
        ExpressionAttributeValues: {
          ':q': 'quarantined',
          ':r': reason.slice(0, 1000),
          ':ttl': nowSeconds + QUARANTINE_TTL_SECONDS,
          ':ev': toOutbox(event),
        },
      }),
    );
  },
});

export type DeliveriesRepository = ReturnType<typeof deliveriesRepository>;
