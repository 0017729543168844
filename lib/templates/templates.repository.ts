/**
 * Templates in the table: the head in the workspace partition (`TP#<id>`), each version in the
 * template's own partition (`V#000001`...). A save writes the new version and moves the head in one
 * transaction, conditional on the head still pointing at the version it read: two saves at once can
 * never both become version n, and a version, once written, is never overwritten.
 */
import { GetCommand, paginateQuery, TransactWriteCommand } from '../shared/dynamodb/commands.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import {
  type TemplateRecord,
  type TemplateVersionRecord,
  templateRecord,
  templateVersionRecord,
} from './template.schema.ts';

export interface VersionSummary {
  readonly version: number;
  readonly name: string;
  readonly createdAt: string;
  readonly locales: string[];
}

export const templatesRepository = (table: Table) => {
  const T = table.name;
  return {
    async get(workspaceId: string, templateId: string): Promise<TemplateRecord | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: keys.template(workspaceId, templateId), ConsistentRead: true }),
      );
      return Item ? readItem(templateRecord, Item, 'template') : undefined;
    },

    /** The workspace's templates. */
    async list(workspaceId: string): Promise<TemplateRecord[]> {
      const out: TemplateRecord[] = [];
      for await (const page of paginateQuery(
        { client: table.client },
        {
          TableName: T,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: {
            ':pk': keys.workspacePartition(workspaceId),
            ':p': keys.templatePrefix,
          },
        },
      )) {
        for (const item of page.Items ?? []) {
          out.push(readItem(templateRecord, item, 'template'));
        }
      }
      return out;
    },

    /** Versions never change: an eventually consistent read is enough once the head names it. */
    async getVersion(
      workspaceId: string,
      templateId: string,
      version: number,
    ): Promise<TemplateVersionRecord | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: keys.templateVersion(workspaceId, templateId, version) }),
      );
      return Item ? readItem(templateVersionRecord, Item, 'template version') : undefined;
    },

    /** Every version, oldest first, without their bodies. */
    async listVersions(workspaceId: string, templateId: string): Promise<VersionSummary[]> {
      const out: VersionSummary[] = [];
      for await (const page of paginateQuery(
        { client: table.client },
        {
          TableName: T,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: {
            ':pk': keys.templateVersionsPartition(workspaceId, templateId),
            ':p': keys.templateVersionPrefix,
          },
        },
      )) {
        for (const item of page.Items ?? []) {
          const v = readItem(templateVersionRecord, item, 'template version');
          out.push({
            version: v.version,
            name: v.name,
            createdAt: v.createdAt,
            locales: Object.keys(v.locales),
          });
        }
      }
      return out;
    },

    /**
     * Stores `version` and points the head at it, if the head still points at `previousVersion`
     * (undefined: no head yet). False when another save came first.
     */
    async saveVersion(
      head: TemplateRecord,
      version: TemplateVersionRecord,
      previousVersion: number | undefined,
    ): Promise<boolean> {
      try {
        await table.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: T,
                  Item: {
                    ...keys.templateVersion(version.workspaceId, version.templateId, version.version),
                    ...version,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: T,
                  Item: { ...keys.template(head.workspaceId, head.id), ...head },
                  ...(previousVersion === undefined
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : {
                        ConditionExpression: 'latestVersion = :previous',
                        ExpressionAttributeValues: { ':previous': previousVersion },
                      }),
                },
              },
            ],
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

export type TemplatesRepository = ReturnType<typeof templatesRepository>;
