/**
 * Deliveries in their endpoint's partition (`…#WHD#<endpoint>`, `D#<event id>`). Three conditional
 * writes keep each attempt made once:
 * - `createOnce`: the first time an event reaches an endpoint (a bus redelivery finds it there);
 * - `claim(n)`: attempt n is made by whoever moves `claimed` to n (a claim left by a crashed attempt
 *   can be taken again once stale);
 * - `settle(n)`: only attempt n's claimant records its outcome.
 */
import * as z from 'zod';
import { cursorCodec } from '../shared/cursor.ts';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '../shared/dynamodb/commands.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import {
  type Attempt,
  type Delivery,
  type DeliveryStatus,
  deliveryIdSchema,
  deliveryRecord,
} from './delivery.schema.ts';

export interface Outcome {
  readonly status: DeliveryStatus;
  readonly attempts: readonly Attempt[];
  readonly attemptCount: number;
  readonly nextAttemptAt?: string | undefined;
  readonly deliveredAt?: string | undefined;
  readonly deadAt?: string | undefined;
}

const cursor = cursorCodec(z.strictObject({ after: deliveryIdSchema }));

export const deliveriesRepository = (table: Table) => {
  const T = table.name;
  const key = (workspaceId: string, endpointId: string, id: string) =>
    keys.webhookDelivery(workspaceId, endpointId, id);
  const read = (item: Record<string, unknown>) => readItem(deliveryRecord, item, 'webhook delivery');

  return {
    /** Stores the delivery unless it exists; false for a duplicate. */
    async createOnce(delivery: Delivery): Promise<boolean> {
      try {
        await table.client.send(
          new PutCommand({
            TableName: T,
            Item: { ...key(delivery.workspaceId, delivery.endpointId, delivery.id), ...delivery },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async get(workspaceId: string, endpointId: string, id: string): Promise<Delivery | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: key(workspaceId, endpointId, id), ConsistentRead: true }),
      );
      return Item ? read(Item) : undefined;
    },

    /**
     * Claims attempt `attempt` of a pending or retrying delivery: undefined when another holds it (a
     * claim of the same attempt made before `staleBefore` counts as abandoned) or the delivery is settled.
     */
    async claim(
      ref: Pick<Delivery, 'workspaceId' | 'endpointId' | 'id'>,
      attempt: number,
      now: Date,
      staleBefore: Date,
    ): Promise<Delivery | undefined> {
      try {
        const { Attributes } = await table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: key(ref.workspaceId, ref.endpointId, ref.id),
            UpdateExpression: 'SET claimed = :n, claimedAt = :now',
            ConditionExpression:
              'attribute_exists(pk) AND #status IN (:pending, :retrying) AND ' +
              '(claimed < :n OR (claimed = :n AND claimedAt < :stale))',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':n': attempt,
              ':now': now.toISOString(),
              ':stale': staleBefore.toISOString(),
              ':pending': 'pending',
              ':retrying': 'retrying',
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes ? read(Attributes) : undefined;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    /** Records attempt `attempt`'s outcome, if that attempt is still the claimed one. */
    async settle(
      ref: Pick<Delivery, 'workspaceId' | 'endpointId' | 'id'>,
      attempt: number,
      outcome: Outcome,
    ): Promise<boolean> {
      const set: string[] = ['#status = :status', 'attempts = :attempts', 'attemptCount = :count'];
      // The claim's time goes: a settled attempt is never taken for an abandoned one.
      const remove: string[] = ['claimedAt'];
      const values: Record<string, unknown> = {
        ':status': outcome.status,
        ':attempts': outcome.attempts,
        ':count': outcome.attemptCount,
        ':n': attempt,
      };
      for (const name of ['nextAttemptAt', 'deliveredAt', 'deadAt'] as const) {
        const value = outcome[name];
        if (value === undefined) remove.push(name);
        else {
          set.push(`${name} = :${name}`);
          values[`:${name}`] = value;
        }
      }
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: key(ref.workspaceId, ref.endpointId, ref.id),
            UpdateExpression: `SET ${set.join(', ')} REMOVE ${remove.join(', ')}`,
            ConditionExpression: 'claimed = :n',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /**
     * Starts a settled (dead or delivered) delivery again: pending, a new retry window from `now`, kept
     * another retention period; false when it is not settled any more or changed since `delivery` was read.
     */
    async restart(delivery: Delivery, now: Date, ttl: number): Promise<boolean> {
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: key(delivery.workspaceId, delivery.endpointId, delivery.id),
            UpdateExpression:
              'SET #status = :pending, windowStart = :now, nextAttemptAt = :now, #ttl = :ttl REMOVE deadAt, deliveredAt',
            ConditionExpression: '#status = :was AND claimed = :claimed',
            ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':pending': 'pending',
              ':now': now.toISOString(),
              ':ttl': ttl,
              ':was': delivery.status,
              ':claimed': delivery.claimed,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** A page of an endpoint's deliveries, newest first, optionally of one status. */
    async page(
      workspaceId: string,
      endpointId: string,
      options: {
        readonly limit: number;
        readonly cursor?: string | undefined;
        readonly status?: DeliveryStatus;
      },
    ): Promise<{ deliveries: Delivery[]; next?: string }> {
      const pk = keys.webhookDeliveriesPartition(workspaceId, endpointId);
      let start: Record<string, unknown> | undefined = options.cursor
        ? { pk, sk: `${keys.webhookDeliveryPrefix}${cursor.decode(options.cursor).after}` }
        : undefined;
      const out: Delivery[] = [];
      for (;;) {
        const page = await table.client.send(
          new QueryCommand({
            TableName: T,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
            ExpressionAttributeValues: {
              ':pk': pk,
              ':p': keys.webhookDeliveryPrefix,
              ...(options.status ? { ':status': options.status } : {}),
            },
            ...(options.status
              ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
              : {}),
            ScanIndexForward: false,
            Limit: options.status ? 100 : options.limit - out.length,
            ExclusiveStartKey: start,
          }),
        );
        const items = page.Items ?? [];
        for (const [i, raw] of items.entries()) {
          const delivery = read(raw);
          out.push(delivery);
          if (out.length === options.limit) {
            const more = i < items.length - 1 || page.LastEvaluatedKey !== undefined;
            return more
              ? { deliveries: out, next: cursor.encode({ after: delivery.id }) }
              : { deliveries: out };
          }
        }
        if (!page.LastEvaluatedKey) return { deliveries: out };
        start = page.LastEvaluatedKey;
      }
    },
  };
};

export type DeliveriesRepository = ReturnType<typeof deliveriesRepository>;
