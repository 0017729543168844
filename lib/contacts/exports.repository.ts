/** Stored GDPR exports: gzipped JSON, fetched by an operator, gone after 30 days. */
import { gunzipSync, gzipSync } from 'node:zlib';
import * as z from 'zod';
import { GetCommand, PutCommand } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';

export const EXPORT_TTL_SECONDS = 30 * 24 * 3600;

const exportRecord = z.object({
  type: z.literal('export'),
  v: z.literal(1),
  exportId: z.string(),
  contactId: z.string(),
  createdAt: z.string(),
  body: z.instanceof(Uint8Array),
});

export const exportsRepository = (table: Table) => ({
  async put(
    workspaceId: string,
    exportId: string,
    contactId: string,
    content: unknown,
    at: Date,
    event: DomainEvent,
  ) {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...keys.contactExport(workspaceId, exportId),
          type: 'export',
          v: 1,
          exportId,
          contactId,
          createdAt: at.toISOString(),
          body: gzipSync(JSON.stringify(content)),
          ttl: Math.floor(at.getTime() / 1000) + EXPORT_TTL_SECONDS,
          [OUTBOX_ATTRIBUTE]: toOutbox(event),
        },
      }),
    );
  },

  async get(
    workspaceId: string,
    exportId: string,
  ): Promise<{ contactId: string; createdAt: string; content: unknown } | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: keys.contactExport(workspaceId, exportId) }),
    );
    if (!Item) return undefined;
    const record = readItem(exportRecord, Item, 'export');
    const content: unknown = JSON.parse(gunzipSync(record.body).toString('utf8'));
    return { contactId: record.contactId, createdAt: record.createdAt, content };
  },
});

export type ExportsRepository = ReturnType<typeof exportsRepository>;
