/**
 * Bytes stored per contact, by DynamoDB's size rules (./metering/dynamodb-billing.ts, plus the 100
 * bytes of per-item overhead AWS bills for storage, and each index entry): a contact with five tracked
 * events in a typical workspace (10 segments, a scoring model), i.e. the contact, its timeline, its
 * lookups, its memberships, its score history and the events' dedupe records, whatever exists.
 */
import { type DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import type { LocalStack } from '../infra/local/stack.ts';
import { tableDefinition } from '../infra/table.definition.ts';
import { TYPICAL_MODEL, TYPICAL_SEGMENTS } from './costs.ts';
import { type Item, indexEntry, itemSize } from './metering/dynamodb-billing.ts';

/** Storage overhead AWS bills per item (and per index entry). */
export const ITEM_OVERHEAD = 100;

/** Stored bytes of one item: the item, and its entry in every index it is in. */
export const storedBytes = (item: Item): number => {
  const keys = [tableDefinition.partitionKey, tableDefinition.sortKey];
  let bytes = itemSize(item) + ITEM_OVERHEAD;
  for (const g of tableDefinition.globalSecondaryIndexes) {
    const entry = indexEntry(
      item,
      { partitionKey: g.partitionKey, sortKey: g.sortKey, projection: g.projection },
      keys,
    );
    if (entry) bytes += itemSize(entry) + ITEM_OVERHEAD;
  }
  return bytes;
};

const byType = async (raw: DynamoDBClient, table: string, workspaceId: string) => {
  const out = new Map<string, { items: number; bytes: number }>();
  for await (const page of paginateScan(
    { client: raw },
    {
      TableName: table,
      FilterExpression: 'begins_with(pk, :w)',
      ExpressionAttributeValues: { ':w': { S: `W#${workspaceId}#` } },
    },
  )) {
    for (const item of (page.Items ?? []) as Item[]) {
      const t = item.type && 'S' in item.type ? item.type.S : 'other';
      const entry = out.get(t) ?? { items: 0, bytes: 0 };
      entry.items += 1;
      entry.bytes += storedBytes(item);
      out.set(t, entry);
    }
  }
  return out;
};

export const benchStorage = async (o: {
  stack: LocalStack;
  raw: DynamoDBClient;
  token: string;
  workspaceId: string;
  contacts: number;
}) => {
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${o.stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (const [i, condition] of TYPICAL_SEGMENTS.entries())
    await call('POST', '/v1/segments', { name: `typical ${i}`, condition });
  await call('PUT', '/v1/scoring-model', TYPICAL_MODEL);
  await o.stack.idle();
  const before = await byType(o.raw, o.stack.tableName, o.workspaceId);
  for (let c = 0; c < o.contacts; c++) {
    const email = `stored${c}@bench.example`;
    await call('POST', '/v1/contacts', {
      email,
      firstName: `Stored${c}`,
      lastName: 'Bench',
      attributes: { plan: c % 2 ? 'pro' : 'free', seats: c % 10 },
      tags: c % 5 ? [] : ['vip'],
    });
    const batch = Array.from({ length: 5 }, (_, e) => ({
      id: `stored-${c}-${e}`,
      name: e % 2 ? 'product_viewed' : 'page_viewed',
      email,
      properties: { path: e % 2 ? `/products/${e}` : '/pricing', referrer: 'https://search.example/?q=mugs' },
    }));
    await call('POST', '/v1/track', { batch });
  }
  await o.stack.idle();
  const after = await byType(o.raw, o.stack.tableName, o.workspaceId);
  const rows = [...after].map(([type, a]) => {
    const b = before.get(type) ?? { items: 0, bytes: 0 };
    return { type, items: (a.items - b.items) / o.contacts, bytes: (a.bytes - b.bytes) / o.contacts };
  });
  return {
    perContact: rows.reduce((n, r) => n + r.bytes, 0),
    byType: rows.filter((r) => r.items !== 0).sort((a, b) => b.bytes - a.bytes),
  };
};
