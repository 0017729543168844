/**
 * Webhook deliveries: one item per (connection, delivery id), written with a condition so two
 * deliveries racing each other have one effect. The raw body is kept gzipped until the delivery is
 * applied (or, quarantined, for inspection and replay) and the item carries `webhook.received` in
 * its outbox.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import * as z from 'zod';
import { cursorCodec } from '../shared/cursor.ts';
import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, putOnce, readItem, type Table } from '../shared/table.ts';

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
  /** Gone once the delivery is applied: only a quarantined delivery needs it (for a replay). */
  body: z.instanceof(Uint8Array).optional(),
  status: z.enum(['received', 'processed', 'quarantined']),
  reason: z.string().optional(),
  /** When it was (last) quarantined; it is listed in its connection's quarantine meanwhile. */
  quarantinedAt: z.string().optional(),
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

/** Where a quarantine page ends: the last delivery's quarantine time and id (keys rebuilt by `keys`). */
const quarantineCursor = cursorCodec(
  z.strictObject({
    at: z
      .string()
      .max(40)
      .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'not a timestamp'),
    id: z.string().min(1).max(256),
  }),
  'quarantine',
);

/** Listed deliveries are read without their bodies (up to 350 KB each). */
const LISTED_FIELDS = [
  'type',
  'v',
  'workspaceId',
  'connectionId',
  'provider',
  'deliveryId',
  'topic',
  'receivedAt',
  'status',
  'reason',
  'quarantinedAt',
  'ttl',
];

export const deliveriesRepository = (table: Table) => {
  const getWithoutBodies = async (itemKeys: readonly { pk: string; sk: string }[]): Promise<Delivery[]> => {
    const names = Object.fromEntries(LISTED_FIELDS.map((f, i) => [`#f${i}`, f]));
    let pending: Record<string, unknown>[] = [...itemKeys];
    const byPk = new Map<string, Delivery>();
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
      const result = await table.client.send(
        new BatchGetCommand({
          RequestItems: {
            [table.name]: {
              Keys: pending,
              ProjectionExpression: Object.keys(names).join(', '),
              ExpressionAttributeNames: names,
            },
          },
        }),
      );
      for (const item of result.Responses?.[table.name] ?? []) {
        const d = readItem(deliveryRecord, item, 'delivery');
        byPk.set(keys.delivery(d.workspaceId, d.connectionId, d.deliveryId).pk, d);
      }
      pending = result.UnprocessedKeys?.[table.name]?.Keys ?? [];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
    }
    return itemKeys.flatMap((k) => {
      const d = byPk.get(k.pk);
      return d ? [d] : [];
    });
  };

  return {
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

    /** The raw body, or undefined once the delivery was applied and its body dropped. */
    body: (delivery: Delivery): Buffer | undefined => (delivery.body ? gunzipSync(delivery.body) : undefined),

    /**
     * Applied: the raw body (personal data in clear) goes in the same write, so no extra write unit;
     * the item stays as the dedupe record until its TTL.
     */
    async markProcessed(d: Delivery): Promise<void> {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.delivery(d.workspaceId, d.connectionId, d.deliveryId),
          // Leaves the quarantine index too, when this was a replay.
          UpdateExpression: 'SET #status = :p REMOVE body, gsi1pk, gsi1sk, quarantinedAt, reason',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':p': 'processed' },
        }),
      );
    },

    async quarantine(d: Delivery, reason: string, event: DomainEvent, nowSeconds: number): Promise<void> {
      const at = new Date(nowSeconds * 1000).toISOString();
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.delivery(d.workspaceId, d.connectionId, d.deliveryId),
          UpdateExpression:
            'SET #status = :q, reason = :r, quarantinedAt = :at, gsi1pk = :gpk, gsi1sk = :gsk, #ttl = :ttl, #ev = :ev',
          ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl', '#ev': OUTBOX_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':q': 'quarantined',
            ':r': reason.slice(0, 1000),
            ':at': at,
            ':gpk': keys.quarantinedDelivery(d.workspaceId, d.connectionId, at, d.deliveryId).gsi1pk,
            ':gsk': keys.quarantinedDelivery(d.workspaceId, d.connectionId, at, d.deliveryId).gsi1sk,
            ':ttl': nowSeconds + QUARANTINE_TTL_SECONDS,
            ':ev': toOutbox(event),
          },
        }),
      );
    },

    /** A connection's quarantined deliveries, oldest first, without their bodies. */
    async listQuarantined(
      workspaceId: string,
      connectionId: string,
      limit: number,
      after?: string,
    ): Promise<{ deliveries: Delivery[]; next?: string }> {
      const partition = keys.quarantinePartition(workspaceId, connectionId);
      const position = after ? quarantineCursor.decode(after) : undefined;
      const page = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': partition },
          Limit: limit,
          // Rebuilt from the parsed ids inside this connection's quarantine: no caller key reaches DynamoDB.
          ...(position
            ? {
                ExclusiveStartKey: {
                  ...keys.quarantinedDelivery(workspaceId, connectionId, position.at, position.id),
                  ...keys.delivery(workspaceId, connectionId, position.id),
                },
              }
            : {}),
        }),
      );
      const found = (page.Items ?? []).flatMap((i) =>
        typeof i.pk === 'string' && typeof i.sk === 'string' ? [{ pk: i.pk, sk: i.sk }] : [],
      );
      const deliveries = found.length > 0 ? await getWithoutBodies(found) : [];
      const last = deliveries.at(-1);
      const next =
        page.LastEvaluatedKey && last?.quarantinedAt
          ? quarantineCursor.encode({ at: last.quarantinedAt, id: last.deliveryId })
          : undefined;
      return next ? { deliveries, next } : { deliveries };
    },

    /**
     * Put a quarantined delivery back through processing: status `received` and a new
     * `webhook.received` in its outbox, so the same consumer applies it the same idempotent way.
     * False when it is not (or no longer) quarantined: two replays racing start one.
     */
    async replay(d: Delivery, event: DomainEvent): Promise<boolean> {
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.delivery(d.workspaceId, d.connectionId, d.deliveryId),
            UpdateExpression: 'SET #status = :r, #ev = :ev',
            ConditionExpression: '#status = :q',
            ExpressionAttributeNames: { '#status': 'status', '#ev': OUTBOX_ATTRIBUTE },
            ExpressionAttributeValues: { ':r': 'received', ':q': 'quarantined', ':ev': toOutbox(event) },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
};

export type DeliveriesRepository = ReturnType<typeof deliveriesRepository>;
