/** Sender domains live in their workspace's partition (`W#<ws>`, `SD#<domain>`), with the default's pointer. */
import { DeleteCommand, GetCommand, PutCommand, paginateQuery } from '../shared/dynamodb/commands.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import { defaultSenderDomainRecord, type SenderDomain, senderDomainRecord } from './sender-domain.schema.ts';

export const senderDomainsRepository = (table: Table) => ({
  async get(workspaceId: string, domain: string): Promise<SenderDomain | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: keys.senderDomain(workspaceId, domain) }),
    );
    return Item ? readItem(senderDomainRecord, Item, 'sender domain') : undefined;
  },

  /** Oldest first. */
  async list(workspaceId: string): Promise<SenderDomain[]> {
    const out: SenderDomain[] = [];
    for await (const page of paginateQuery(
      { client: table.client },
      {
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: {
          ':pk': keys.workspace(workspaceId).pk,
          ':p': keys.senderDomainPrefix,
        },
      },
    )) {
      for (const item of page.Items ?? []) out.push(readItem(senderDomainRecord, item, 'sender domain'));
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.domain.localeCompare(b.domain));
  },

  /** @throws ConflictError when the workspace already has this domain. */
  async create(domain: SenderDomain): Promise<void> {
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.senderDomain(domain.workspaceId, domain.domain), ...domain },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConflictError(`${domain.domain} is already a sender domain of this workspace`, {
          cause: error,
        });
      }
      throw error;
    }
  },

  /** Replaces the domain's settings; @throws NotFoundError when it is gone. */
  async replace(domain: SenderDomain): Promise<void> {
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.senderDomain(domain.workspaceId, domain.domain), ...domain },
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new NotFoundError(`no sender domain ${domain.domain}`, { cause: error });
      throw error;
    }
  },

  async remove(workspaceId: string, domain: string): Promise<void> {
    try {
      await table.client.send(
        new DeleteCommand({
          TableName: table.name,
          Key: keys.senderDomain(workspaceId, domain),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new NotFoundError(`no sender domain ${domain}`, { cause: error });
      throw error;
    }
  },

  async defaultDomain(workspaceId: string): Promise<string | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: keys.defaultSenderDomain(workspaceId) }),
    );
    return Item ? readItem(defaultSenderDomainRecord, Item, 'default sender domain').domain : undefined;
  },

  async setDefault(workspaceId: string, domain: string, at: string): Promise<void> {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...keys.defaultSenderDomain(workspaceId),
          type: 'defaultSenderDomain',
          v: 1,
          domain,
          updatedAt: at,
        },
      }),
    );
  },
});

export type SenderDomainsRepository = ReturnType<typeof senderDomainsRepository>;
