/** Connections live in their workspace's partition (`W#<ws>`, `CN#<id>`). */
import { DeleteCommand, GetCommand, PutCommand, paginateQuery } from '../shared/dynamodb/commands.ts';
import { NotFoundError } from '../shared/errors.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import { type Connection, connectionRecord } from './connection.schema.ts';

export const connectionsRepository = (table: Table) => ({
  async get(workspaceId: string, connectionId: string): Promise<Connection | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: keys.connection(workspaceId, connectionId) }),
    );
    return Item ? readItem(connectionRecord, Item, 'connection') : undefined;
  },

  async list(workspaceId: string): Promise<Connection[]> {
    const out: Connection[] = [];
    for await (const page of paginateQuery(
      { client: table.client },
      {
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': keys.workspace(workspaceId).pk, ':p': keys.connectionPrefix },
      },
    )) {
      for (const item of page.Items ?? []) out.push(readItem(connectionRecord, item, 'connection'));
    }
    return out;
  },

  /** Create, or replace when `expectedUpdatedAt` still matches (rotation). */
  async put(connection: Connection, expectedUpdatedAt?: string): Promise<void> {
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.connection(connection.workspaceId, connection.id), ...connection },
          ...(expectedUpdatedAt
            ? {
                ConditionExpression: 'updatedAt = :u',
                ExpressionAttributeValues: { ':u': expectedUpdatedAt },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new NotFoundError(`connection ${connection.id} changed or is gone; retry`);
      throw error;
    }
  },

  async remove(workspaceId: string, connectionId: string): Promise<void> {
    try {
      await table.client.send(
        new DeleteCommand({
          TableName: table.name,
          Key: keys.connection(workspaceId, connectionId),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new NotFoundError(`no connection ${connectionId}`);
      throw error;
    }
  },
});

export type ConnectionsRepository = ReturnType<typeof connectionsRepository>;
