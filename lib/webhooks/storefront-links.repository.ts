/**
 * Which contact a shop's customer is, and the shop's last-modified time for that customer, so an
 * older `customers/update` arriving after a newer one never overwrites newer state.
 */

import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { GetCommand, QueryCommand, TransactWriteCommand } from '../shared/dynamodb/commands.ts';
import { keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';

export const storefrontLinkRecord = z.object({
  type: z.literal('storefrontLink'),
  v: z.literal(1),
  contactId: z.string(),
  connectionId: z.string(),
  customerId: z.string(),
  /** The shop's updated_at of the last customer state applied ('' before any). */
  updatedAt: z.string(),
});
export type StorefrontLink = z.infer<typeof storefrontLinkRecord>;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const storefrontLinksRepository = (table: Table) => ({
  async find(
    workspaceId: string,
    connectionId: string,
    customerId: string,
  ): Promise<StorefrontLink | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.storefrontCustomer(workspaceId, connectionId, customerId),
        ConsistentRead: true,
      }),
    );
    return Item ? readItem(storefrontLinkRecord, Item, 'storefront link') : undefined;
  },

  /**
   * The two writes that record a link (lookup and contact partition), each conditional on no newer
   * customer state being stored: put them in the same transaction as the contact change they
   * justify, so an older state can never land after a newer one whatever the interleaving.
   */
  guard(workspaceId: string, link: StorefrontLink): TransactItem[] {
    const condition = {
      ConditionExpression: 'attribute_not_exists(pk) OR updatedAt <= :u',
      ExpressionAttributeValues: { ':u': link.updatedAt },
    };
    return [
      {
        Put: {
          TableName: table.name,
          Item: { ...keys.storefrontCustomer(workspaceId, link.connectionId, link.customerId), ...link },
          ...condition,
        },
      },
      {
        Put: {
          TableName: table.name,
          Item: {
            ...keys.storefrontLink(workspaceId, link.contactId, link.connectionId),
            ...keys.connectionContacts(workspaceId, link.connectionId, link.contactId),
            ...link,
          },
          ...condition,
        },
      },
    ];
  },

  /**
   * Record the link on both sides (lookup and contact partition) unless a newer customer state was
   * applied already; fails its condition in that case.
   */
  async save(workspaceId: string, link: StorefrontLink): Promise<void> {
    await table.client.send(new TransactWriteCommand({ TransactItems: this.guard(workspaceId, link) }));
  },
});

/** Contacts a connection brought, a page at a time (GSI1, keys only). */
export const connectionContactsPage = async (
  table: Table,
  workspaceId: string,
  connectionId: string,
  start?: Record<string, unknown>,
): Promise<{ contactIds: string[]; next?: Record<string, unknown> }> => {
  const page = await table.client.send(
    new QueryCommand({
      TableName: table.name,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.connectionContactsPartition(workspaceId, connectionId) },
      ExclusiveStartKey: start,
      Limit: 100,
    }),
  );
  const contactIds = (page.Items ?? []).flatMap((i) => (typeof i.gsi1sk === 'string' ? [i.gsi1sk] : []));
  return page.LastEvaluatedKey ? { contactIds, next: page.LastEvaluatedKey } : { contactIds };
};

export type StorefrontLinksRepository = ReturnType<typeof storefrontLinksRepository>;
