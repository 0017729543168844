/** Orders in their contact's partition, and the order → contact lookup that refunds need. */

import * as z from 'zod';
import { GetCommand, PutCommand, paginateQuery } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';
import { type OrderRecord, orderRecord } from './order.schema.ts';

const orderLookupRecord = z.object({
  type: z.literal('orderLookup'),
  v: z.literal(1),
  contactId: z.string(),
});

export const ordersRepository = (table: Table) => ({
  async get(
    workspaceId: string,
    contactId: string,
    connectionId: string,
    orderId: string,
  ): Promise<OrderRecord | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.order(workspaceId, contactId, connectionId, orderId),
        ConsistentRead: true,
      }),
    );
    return Item ? readItem(orderRecord, Item, 'order') : undefined;
  },

  /** Write an order if its rev is still `expectedRev` (absent for a new order); fails its condition otherwise. */
  async put(
    workspaceId: string,
    order: OrderRecord,
    expectedRev: number | undefined,
    event: DomainEvent | undefined,
  ) {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...keys.order(workspaceId, order.contactId, order.connectionId, order.orderId),
          ...order,
          ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
        },
        ...(expectedRev === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              // The rev guards the read-modify-write; the shop's time makes newest-wins a property of
              // the store itself, whatever the caller read.
              ConditionExpression: 'rev = :rev AND updatedAt <= :u',
              ExpressionAttributeValues: { ':rev': expectedRev, ':u': order.updatedAt },
            }),
      }),
    );
  },

  async listForContact(workspaceId: string, contactId: string): Promise<OrderRecord[]> {
    const out: OrderRecord[] = [];
    for await (const page of paginateQuery(
      { client: table.client },
      {
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :o)',
        ExpressionAttributeValues: {
          ':pk': keys.contactPartition(workspaceId, contactId),
          ':o': keys.orderPrefix,
        },
        ConsistentRead: true,
      },
    )) {
      for (const item of page.Items ?? []) out.push(readItem(orderRecord, item, 'order'));
    }
    return out;
  },

  async contactOf(workspaceId: string, connectionId: string, orderId: string): Promise<string | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.orderLookup(workspaceId, connectionId, orderId),
        ConsistentRead: true,
      }),
    );
    return Item ? readItem(orderLookupRecord, Item, 'order lookup').contactId : undefined;
  },

  async putLookup(
    workspaceId: string,
    connectionId: string,
    orderId: string,
    contactId: string,
  ): Promise<void> {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...keys.orderLookup(workspaceId, connectionId, orderId),
          type: 'orderLookup',
          v: 1,
          contactId,
        },
      }),
    );
  },
});

export type OrdersRepository = ReturnType<typeof ordersRepository>;
