/** Workspaces and their API keys: all in the workspace's own partition (`W#<id>`). */
import {
  GetCommand,
  PutCommand,
  paginateQuery,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '../shared/dynamodb/commands.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { fanoutRepository } from '../shared/events/fanout.repository.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import type { EmailSettings } from './email-settings.schema.ts';
import {
  type ApiKey,
  apiKeyItem,
  type RateLimits,
  type Workspace,
  workspaceItem,
} from './workspace.schema.ts';

export const workspacesRepository = (table: Table) => ({
  /**
   * A new workspace, with its fan-out marker (lib/shared/events/fanout.ts): no endpoint, no live
   * journey, so the bus feeds neither optional consumer until one comes.
   */
  async create(workspace: Workspace): Promise<void> {
    try {
      await table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table.name,
                Item: { ...keys.workspace(workspace.id), ...workspace },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            fanoutRepository(table).created(workspace.id),
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new ConflictError(`workspace ${workspace.id} already exists`, { cause: error });
      throw error;
    }
  },

  async get(workspaceId: string): Promise<Workspace | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: keys.workspace(workspaceId) }),
    );
    return Item ? readItem(workspaceItem, Item, 'workspace') : undefined;
  },

  /**
   * Every workspace of the deployment not being deleted, sorted by id. There is no index of
   * workspaces: a Scan of the whole table, filtered to workspace items, reads every item once (an
   * operator's one-off, e.g. a backfill across workspaces; never on a request path).
   */
  async listIds(): Promise<string[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await table.client.send(
        new ScanCommand({
          TableName: table.name,
          FilterExpression: 'sk = :w AND #type = :type AND attribute_not_exists(deletingSince)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':w': keys.workspace('').sk, ':type': 'workspace' },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) ids.push(readItem(workspaceItem, item, 'workspace').id);
      start = page.LastEvaluatedKey;
    } while (start);
    return ids.sort();
  },

  /** Mark the workspace as being deleted (keeps the first time); false when there is none. */
  async markDeleting(workspaceId: string, at: string): Promise<boolean> {
    try {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.workspace(workspaceId),
          UpdateExpression: 'SET deletingSince = if_not_exists(deletingSince, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async putKey(key: ApiKey): Promise<void> {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: { ...keys.apiKey(key.workspaceId, key.id), ...key },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  async getKey(workspaceId: string, keyId: string): Promise<ApiKey | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: keys.apiKey(workspaceId, keyId), ConsistentRead: true }),
    );
    return Item ? readItem(apiKeyItem, Item, 'api key') : undefined;
  },

  async listKeys(workspaceId: string): Promise<ApiKey[]> {
    const out: ApiKey[] = [];
    for await (const page of paginateQuery(
      { client: table.client },
      {
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.workspace(workspaceId).pk, ':prefix': keys.apiKeyPrefix },
      },
    )) {
      for (const item of page.Items ?? []) out.push(readItem(apiKeyItem, item, 'api key'));
    }
    return out;
  },

  async setRateLimits(workspaceId: string, limits: RateLimits): Promise<void> {
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.workspace(workspaceId),
        UpdateExpression: 'SET settings.rateLimits = :limits',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':limits': limits },
      }),
    );
  },

  /** Replace the workspace's email settings (lib/subscriptions); NotFoundError when there is no workspace. */
  async setEmailSettings(workspaceId: string, email: EmailSettings): Promise<void> {
    try {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.workspace(workspaceId),
          UpdateExpression: 'SET settings.email = :email',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':email': email },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new NotFoundError('no such workspace', { cause: error });
      throw error;
    }
  },

  /** Revoke once; revoking again keeps the first revocation time. */
  async revokeKey(workspaceId: string, keyId: string, at: string): Promise<ApiKey> {
    try {
      const { Attributes } = await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.apiKey(workspaceId, keyId),
          UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return readItem(apiKeyItem, Attributes, 'api key');
    } catch (error) {
      if (isConditionFailure(error)) throw new NotFoundError(`no API key ${keyId}`, { cause: error });
      throw error;
    }
  },
});

export type WorkspacesRepository = ReturnType<typeof workspacesRepository>;
