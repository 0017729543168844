/** Checkouts, keyed by connection and the shop's checkout id (token), expiring after 30 days. */
import { GetCommand, PutCommand } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';
import { type CheckoutRecord, checkoutRecord } from './checkout.schema.ts';

export const CHECKOUT_TTL_SECONDS = 30 * 24 * 3600;

export const checkoutsRepository = (table: Table) => ({
  async get(
    workspaceId: string,
    connectionId: string,
    checkoutId: string,
  ): Promise<CheckoutRecord | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.checkout(workspaceId, connectionId, checkoutId),
        ConsistentRead: true,
      }),
    );
    return Item ? readItem(checkoutRecord, Item, 'checkout') : undefined;
  },

  /** Write if the rev is still `expectedRev` (absent for a new checkout). */
  async put(
    checkout: CheckoutRecord,
    expectedRev: number | undefined,
    event: DomainEvent | undefined,
  ): Promise<void> {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...keys.checkout(checkout.workspaceId, checkout.connectionId, checkout.checkoutId),
          ...checkout,
          ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
        },
        ...(expectedRev === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              // The rev guards the read-modify-write; the shop's time makes newest-wins a property of
              // the store itself, whatever the caller read.
              ConditionExpression: 'rev = :rev AND updatedAt <= :u',
              ExpressionAttributeValues: { ':rev': expectedRev, ':u': checkout.updatedAt },
            }),
      }),
    );
  },
});

export type CheckoutsRepository = ReturnType<typeof checkoutsRepository>;
