/** The deployment's link key item: sealed by KMS, created once (a conditional put), never rewritten. */

import * as z from 'zod';
import { GetCommand, PutCommand } from '../shared/dynamodb/commands.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import { linkKidSchema } from './link-token.ts';

export const linkKeyItem = z.object({
  type: z.literal('linkKey'),
  v: z.literal(1),
  kid: linkKidSchema,
  /** The secret, sealed with the deployment's secrets key (KMS), base64. */
  sealed: z.string().min(1),
  createdAt: z.string(),
});
export type LinkKeyItem = z.infer<typeof linkKeyItem>;

export const linkKeysRepository = (table: Table) => ({
  async get(): Promise<LinkKeyItem | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: keys.linkKey(), ConsistentRead: true }),
    );
    return Item ? readItem(linkKeyItem, Item, 'link key') : undefined;
  },

  /** Store the key unless one exists; false when another container stored one first. */
  async create(item: LinkKeyItem): Promise<boolean> {
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.linkKey(), ...item },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});

export type LinkKeysRepository = ReturnType<typeof linkKeysRepository>;
